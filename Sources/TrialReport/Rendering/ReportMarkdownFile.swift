/// `report.md` as written to the output folder: GitHub-flavoured Markdown rendered from the
/// report's internal markup (the rendered template, which the HTML and PDF writers parse).
///
/// Line by line, from the parsed document:
/// - a heading loses its `{#anchor}`, and every link to a heading (`](#sec-primary)`) points at
///   the id GitHub gives that heading (`GitHubSlugs`) instead;
/// - a generated table (`[[table:name]]`) becomes its Markdown pipe table (`ReportTable.markdown()`,
///   footnote markers as `<sup>a</sup>`), a figure (`![caption](figure:name)`) an image of
///   `figures/name.svg` (its caption with the figure's note when the file leaves the note out); each starts with `<a id="tab-name"></a>` (or its figure id), so links
///   to tables and figures keep working on GitHub and in any Markdown viewer that shows HTML.
enum ReportMarkdownFile {
    /// The GitHub-flavoured Markdown of `markdown`, whose parsed form is `document`.
    /// - Complexity: O(length of the text + size of the tables).
    static func expand(_ markdown: String, document: MarkdownDocument, tables: [String: ReportTable],
                       figures: [ReportFigure] = []) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var headingIDs: [String: String] = [:]
        var slugs = GitHubSlugs()
        document.assigningAnchors().forEachBlock { block in
            guard let line = block.location.line, line - 1 < lines.count else { return }
            let column = block.location.column ?? 1
            let prefix = String(lines[line - 1].prefix(max(0, column - 1)))
            switch block.content {
            case .heading(_, let content, let anchor):
                let github = slugs.next(content.plainText)
                if let anchor { headingIDs[anchor] = github }
                lines[line - 1] = String(MarkdownLineSyntax.trailingAnchor(Substring(lines[line - 1])).text)
            case .generatedTable(let name, let anchor):
                guard let table = tables[name] else { return }
                lines[line - 1] = prefix + anchorHTML(anchor) + String(table.markdown().dropLast())
            case .figure(let name, let caption, let anchor):
                // The image is the figure's file: its caption carries the note the file leaves out.
                let figure = figures.first { $0.name == name && $0.file == nil }
                let shown = figure?.caption(caption) ?? caption
                lines[line - 1] = prefix + anchorHTML(anchor) + "![" + MarkdownEscaping.escape(shown.plainText)
                    + "](figures/" + name + ".svg)"
            default:
                break
            }
        }
        return relinked(lines.joined(separator: "\n"), ids: headingIDs)
    }

    /// `text` with every link target `](#id)` whose id is a key of `ids` replaced by its value, in
    /// one pass (so one replacement never feeds another), over the UTF-8 bytes.
    /// - Complexity: O(*n*) in the length of `text`.
    static func relinked(_ text: String, ids: [String: String]) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0, index = 0
        while let bracket = bytes[index...].firstIndex(of: UInt8(ascii: "]")) {
            index = bracket + 1
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "#") else { continue }
            let start = index + 2
            index = start
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ")")),
                  let github = ids[String(decoding: bytes[start..<close], as: UTF8.self)] else { continue }
            result += bytes[copied..<start]
            result += github.utf8
            copied = close
            index = close
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// An empty HTML anchor with `id`, put before a table's title or a figure's image.
    private static func anchorHTML(_ id: String?) -> String {
        id.map { "<a id=\"" + HTMLEscaping.escape($0) + "\"></a>" } ?? ""
    }
}
