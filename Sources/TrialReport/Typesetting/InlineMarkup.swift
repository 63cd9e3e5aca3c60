import Plot

/// Pango markup for Markdown inline content, with where each link's text is in the laid-out text
/// (UTF-8 byte offsets), so that the typesetter can make the link clickable.
struct InlineMarkup {
    /// The markup, every text escaped.
    var markup = ""
    /// The length of the text Pango will lay out, in UTF-8 bytes.
    var textLength = 0
    /// Each link: its destination and the byte range of its text.
    var links: [(destination: String, range: Range<Int>)] = []

    /// The markup of `inlines` in text of `fontSize` points.
    init(_ inlines: [MarkdownInline], fontSize: Double, style: TypesetStyle) {
        append(inlines, fontSize: fontSize, style: style)
    }

    /// Plain text as markup.
    init(text: String) {
        appendText(text)
    }

    private init() {}

    /// Markup from raw parts: `markup` must lay out to `text`.
    static func raw(_ markup: String, text: String) -> InlineMarkup {
        var result = InlineMarkup()
        result.markup = markup
        result.textLength = text.utf8.count
        return result
    }

    /// Appends literal text.
    mutating func appendText(_ text: String) {
        markup += RichText.escapeMarkup(text)
        textLength += text.utf8.count
    }

    /// Appends other markup, shifting its links.
    mutating func append(_ other: InlineMarkup) {
        links += other.links.map { ($0.destination, ($0.range.lowerBound + textLength)..<($0.range.upperBound + textLength)) }
        markup += other.markup
        textLength += other.textLength
    }

    private mutating func append(_ inlines: [MarkdownInline], fontSize: Double, style: TypesetStyle) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                appendText(text)
            case .emphasis(let children):
                markup += "<i>"; append(children, fontSize: fontSize, style: style); markup += "</i>"
            case .strong(let children):
                markup += "<b>"; append(children, fontSize: fontSize, style: style); markup += "</b>"
            case .code(let code):
                markup += "<span font_family=\"\(style.monospaceFamily)\" size=\"\(Int(fontSize * 0.9 * 1024))\">"
                appendText(code)
                markup += "</span>"
            case .superscript(let text):
                markup += Self.superscriptOpen(fontSize: fontSize)
                appendText(text)
                markup += "</span>"
            case .softBreak:
                appendText(" ")
            case .lineBreak:
                appendText("\n")
            case .link(let destination, let children):
                let start = textLength
                markup += "<span foreground=\"\(style.linkColor)\">"
                append(children, fontSize: fontSize, style: style)
                markup += "</span>"
                links.append((destination, start..<textLength))
            }
        }
    }

    /// The opening span of a superscript (footnote marker) in text of `fontSize` points.
    static func superscriptOpen(fontSize: Double) -> String {
        "<span size=\"\(Int(fontSize * 0.7 * 1024))\" rise=\"\(Int(fontSize * 0.38 * 1024))\">"
    }
}
