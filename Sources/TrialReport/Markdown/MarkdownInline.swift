/// Inline content of a paragraph, heading, list item or table cell.
public indirect enum MarkdownInline: Sendable, Hashable {
    /// Literal text (escapes already resolved).
    case text(String)
    /// `*text*` or `_text_`.
    case emphasis([MarkdownInline])
    /// `**text**` or `__text__`.
    case strong([MarkdownInline])
    /// `` `code` `` (content literal).
    case code(String)
    /// `^a^` (Pandoc syntax; no spaces inside), used for footnote markers.
    case superscript(String)
    /// `[content](destination)`; a cross-reference is a link to `#anchor`.
    case link(destination: String, content: [MarkdownInline])
    /// A line break in the source, shown as a space.
    case softBreak
    /// A backslash at the end of a line: a forced line break.
    case lineBreak
}

extension MarkdownInline {
    /// The text without markup: what a reader would read, with soft breaks as spaces.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text), .superscript(let text): text
        case .emphasis(let content), .strong(let content), .link(_, let content): content.plainText
        case .softBreak: " "
        case .lineBreak: "\n"
        }
    }
}

extension [MarkdownInline] {
    /// The concatenated `plainText` of the inlines.
    public var plainText: String { map(\.plainText).joined() }
}
