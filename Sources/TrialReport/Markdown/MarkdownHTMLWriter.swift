import TrialData

/// Writes a `MarkdownDocument` as an HTML5 fragment (the body of the report page).
///
/// Every text and attribute is escaped (`HTMLEscaping`); raw HTML in the Markdown is not
/// supported and shows as text. Headings, figures and generated tables get the ids of
/// `MarkdownDocument.assigningAnchors()`. Links go out only to `#anchors`, relative paths,
/// `http:`, `https:` and `mailto:`; any other scheme (`javascript:`) shows as plain text.
/// Figures and tables referred to by name come from `GeneratedContent`.
public struct MarkdownHTMLWriter {
    private let content: any GeneratedContent

    /// A writer that looks figures and tables up in `content`.
    public init(content: any GeneratedContent) {
        self.content = content
    }

    /// The HTML of `document`.
    /// - Throws: `TrialReportError` (`.invalidInput`) naming, at its line and column, every
    ///   figure or table the document refers to that `content` does not have.
    /// - Complexity: O(size of the document + generated content).
    public func html(_ document: MarkdownDocument) throws(TrialReportError) -> String {
        var problems: [Diagnostic] = []
        let html = blocksHTML(document.assigningAnchors().blocks, isTight: false, problems: &problems)
        guard problems.isEmpty else { throw TrialReportError(.invalidInput, problems) }
        return html
    }

    private func blocksHTML(_ blocks: [MarkdownBlock], isTight: Bool, problems: inout [Diagnostic]) -> String {
        var html = ""
        for block in blocks {
            html += blockHTML(block, isTight: isTight, problems: &problems)
        }
        return html
    }

    private func blockHTML(_ block: MarkdownBlock, isTight: Bool, problems: inout [Diagnostic]) -> String {
        switch block.content {
        case .heading(let level, let inlines, let anchor):
            let level = min(max(level, 1), 6)
            return "<h\(level)" + idAttribute(anchor) + ">" + Self.inlineHTML(inlines) + "</h\(level)>\n"
        case .paragraph(let inlines):
            return isTight ? Self.inlineHTML(inlines) + "\n" : "<p>" + Self.inlineHTML(inlines) + "</p>\n"
        case .list(let list):
            return listHTML(list, problems: &problems)
        case .table(let table):
            return Self.scrolling(Self.tableHTML(table))
        case .blockQuote(let children):
            return "<blockquote>\n" + blocksHTML(children, isTight: false, problems: &problems) + "</blockquote>\n"
        case .codeBlock(let language, let code):
            let languageClass = language.map { " class=\"language-" + HTMLEscaping.escape($0) + "\"" } ?? ""
            return "<pre><code" + languageClass + ">" + HTMLEscaping.escape(code) + "</code></pre>\n"
        case .thematicBreak:
            return "<hr>\n"
        case .figure(let name, let caption, let anchor):
            guard let drawing = content.figureHTML(named: name) else {
                problems.append(Diagnostic(.error, at: block.location, "no figure named '\(name)'"))
                return ""
            }
            return "<figure class=\"report-figure\"" + idAttribute(anchor) + ">\n" + drawing
                + "\n<figcaption>" + Self.inlineHTML(content.figureCaption(named: name, caption)) + "</figcaption>\n</figure>\n"
        case .generatedTable(let name, let anchor):
            guard let table = content.table(named: name) else {
                problems.append(Diagnostic(.error, at: block.location, "no table named '\(name)'"))
                return ""
            }
            return Self.scrolling(table.html(id: anchor))
        }
    }

    /// A table inside a frame that scrolls sideways (`table-scroll`) when the table is wider than the screen.
    private static func scrolling(_ tableHTML: String) -> String {
        "<div class=\"table-scroll\">\n" + tableHTML + "</div>\n"
    }

    private func idAttribute(_ anchor: String?) -> String {
        anchor.map { " id=\"" + HTMLEscaping.escape($0) + "\"" } ?? ""
    }

    private func listHTML(_ list: MarkdownList, problems: inout [Diagnostic]) -> String {
        let tag = list.start == nil ? "ul" : "ol"
        let start = list.start.flatMap { $0 == 1 ? nil : " start=\"\($0)\"" } ?? ""
        var html = "<" + tag + start + ">\n"
        for item in list.items {
            html += "<li>" + blocksHTML(item, isTight: list.isTight, problems: &problems) + "</li>\n"
        }
        return html + "</" + tag + ">\n"
    }

    private static func tableHTML(_ table: MarkdownTable) -> String {
        func cells(_ row: [[MarkdownInline]], tag: String) -> String {
            zip(row, table.alignments).map { cell, alignment in
                let alignmentClass = alignment.map { " class=\"align-" + $0.rawValue + "\"" } ?? ""
                return "<" + tag + alignmentClass + ">" + inlineHTML(cell) + "</" + tag + ">"
            }.joined()
        }
        var html = "<table class=\"markdown-table\">\n<thead>\n<tr>" + cells(table.header, tag: "th") + "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            html += "<tbody>\n" + table.rows.map { "<tr>" + cells($0, tag: "td") + "</tr>\n" }.joined() + "</tbody>\n"
        }
        return html + "</table>\n"
    }

    /// The HTML of inline content.
    /// - Complexity: O(size of the inlines).
    public static func inlineHTML(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): HTMLEscaping.escape(text)
            case .emphasis(let children): "<em>" + inlineHTML(children) + "</em>"
            case .strong(let children): "<strong>" + inlineHTML(children) + "</strong>"
            case .code(let code): "<code>" + HTMLEscaping.escape(code) + "</code>"
            case .superscript(let text): "<sup>" + HTMLEscaping.escape(text) + "</sup>"
            case .softBreak: "\n"
            case .lineBreak: "<br>\n"
            case .link(let destination, let children):
                isSafeLink(destination)
                    ? "<a href=\"" + HTMLEscaping.escape(destination) + "\">" + inlineHTML(children) + "</a>"
                    : inlineHTML(children)
            }
        }.joined()
    }

    /// Whether a link destination may be written: an anchor, a relative path, or an `http`,
    /// `https` or `mailto` URL.
    static func isSafeLink(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return true }
        let beforeColon = destination[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return ["http", "https", "mailto"].contains(beforeColon.lowercased())
    }
}
