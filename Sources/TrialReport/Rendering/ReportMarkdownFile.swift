/// `report.md` as written to the output folder: the rendered template with every generated table
/// (`[[table:name]]`) replaced by its Markdown pipe table and every figure's `figure:name` pointing
/// at `figures/name.svg`, so any Markdown viewer shows the whole report.
enum ReportMarkdownFile {
    /// The expanded Markdown of `markdown`, whose parsed form is `document`.
    /// - Complexity: O(length of the text + size of the tables).
    static func expand(_ markdown: String, document: MarkdownDocument, tables: [String: ReportTable]) -> String {
        var replacements: [Int: (column: Int, text: String)] = [:]
        document.forEachBlock { block in
            guard let line = block.location.line else { return }
            let column = block.location.column ?? 1
            switch block.content {
            case .generatedTable(let name, _):
                if let table = tables[name] { replacements[line] = (column, String(table.markdown().dropLast())) }
            case .figure(let name, let caption, _):
                replacements[line] = (column, "![" + MarkdownEscaping.escape(caption.plainText) + "](figures/" + name + ".svg)")
            default:
                break
            }
        }
        guard !replacements.isEmpty else { return markdown }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, replacement) in replacements where line - 1 < lines.count {
            let original = lines[line - 1]
            let prefix = original.prefix(max(0, replacement.column - 1))
            lines[line - 1] = prefix + replacement.text
        }
        return lines.joined(separator: "\n")
    }
}
