import TrialData

/// A block of a `MarkdownDocument`, with the place in the source where it starts.
public struct MarkdownBlock: Sendable, Hashable {
    /// What the block is.
    public var content: Content
    /// Where the block starts (file, 1-based line and column), for error messages.
    public var location: SourceLocation

    /// A block with its content and start location.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The kinds of block of the Markdown subset (Guides/Report.md "Report building blocks").
    public indirect enum Content: Sendable, Hashable {
        /// `#` to `######` heading, optionally ending in an explicit anchor `{#sec-primary}`.
        case heading(level: Int, content: [MarkdownInline], anchor: String?)
        /// Consecutive lines of text.
        case paragraph([MarkdownInline])
        /// A bullet or numbered list.
        case list(MarkdownList)
        /// A pipe table.
        case table(MarkdownTable)
        /// `>` lines.
        case blockQuote([MarkdownBlock])
        /// A fenced code block (``` or ~~~) with its info string's first word as language.
        case codeBlock(language: String?, code: String)
        /// `---`, `***` or `___`.
        case thematicBreak
        /// `![caption](figure:name)` on a line of its own, optionally followed by `{#anchor}`:
        /// a generated figure, looked up by name when the document is written.
        case figure(name: String, caption: [MarkdownInline], anchor: String?)
        /// `[[table:name]]` on a line of its own, optionally followed by `{#anchor}`: a generated
        /// `ReportTable`, looked up by name when the document is written.
        case generatedTable(name: String, anchor: String?)
    }
}

/// A bullet or numbered list.
public struct MarkdownList: Sendable, Hashable {
    /// The first number of a numbered list, `nil` for a bullet list.
    public var start: Int?
    /// Whether items were written without blank lines between them (their paragraphs are then
    /// shown without paragraph spacing).
    public var isTight: Bool
    /// The items, each a sequence of blocks (a paragraph, maybe a nested list).
    public var items: [[MarkdownBlock]]

    /// A list from its parts.
    public init(start: Int?, isTight: Bool, items: [[MarkdownBlock]]) {
        self.start = start
        self.isTight = isTight
        self.items = items
    }
}

/// A pipe table: a header row, an alignment per column, body rows of exactly that many cells
/// (short rows are padded with empty cells, extra cells dropped).
public struct MarkdownTable: Sendable, Hashable {
    /// Column alignment from the delimiter row: `:---` left, `---:` right, `:---:` center.
    public enum Alignment: String, Sendable, Hashable {
        case left, center, right
    }

    /// One alignment per column; `nil` when the delimiter row gives none (`---`).
    public var alignments: [Alignment?]
    /// The header row's cells.
    public var header: [[MarkdownInline]]
    /// The body rows, each with one cell per column.
    public var rows: [[[MarkdownInline]]]

    /// A table from its parts.
    public init(alignments: [Alignment?], header: [[MarkdownInline]], rows: [[[MarkdownInline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}
