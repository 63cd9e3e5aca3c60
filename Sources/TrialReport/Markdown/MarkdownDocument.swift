import TrialData

/// A parsed document of the Markdown subset the report templates use (Guides/Report.md "Report building
/// blocks"): the syntax tree both the HTML writer and the PDF typesetter read.
///
/// Parsing never fails and never traps: text that is not valid syntax stays text. It takes time
/// linear in the input (times the nesting bound), and containers (block quotes, lists) nest at
/// most `maximumNesting` deep; deeper markers are kept as text, so deep input cannot exhaust
/// the stack.
public struct MarkdownDocument: Sendable, Hashable {
    /// How deep block quotes and lists nest; deeper content stays literal text.
    public static let maximumNesting = 8
    /// How deep emphasis nests inside one paragraph; deeper delimiters stay literal text.
    public static let maximumInlineNesting = 16

    /// The top-level blocks in source order.
    public var blocks: [MarkdownBlock]

    /// A document of the given blocks.
    public init(blocks: [MarkdownBlock]) {
        self.blocks = blocks
    }

    /// Parses `text`. A NUL character becomes U+FFFD, as CommonMark requires: the writers hand
    /// texts and link targets to C libraries (Pango, Cairo), which would cut them at a NUL.
    /// - Parameter file: the name used in the blocks' locations (e.g. "report.md").
    /// - Complexity: O(n × `maximumNesting`) in the length of `text`.
    public init(parsing text: String, file: String = "report.md") {
        let text = text.utf8.contains(0)
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 })) : text
        let lines = MarkdownLine.split(text)
        let parser = MarkdownBlockParser(file: file)
        self.blocks = parser.parseBlocks(lines[...], depth: 0)
    }
}
