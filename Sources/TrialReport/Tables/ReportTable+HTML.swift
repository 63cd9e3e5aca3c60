extension ReportTable {
    /// The table as an HTML5 fragment: `<table>` with a `<caption>`, header rows in `<thead>`
    /// (`colspan` for spanning cells), one `<tbody class="keep-together">` per row group, and the
    /// footnotes in `<tfoot>`. Every text is escaped. Cells carry classes for CSS: `align-left`,
    /// `align-center`, `align-right`, `num` (decimal alignment), `indent-N` for nested rows.
    /// - Parameter id: the table's id; `anchor` ("tab-<name>") when `nil`.
    /// - Returns: HTML ending in a newline.
    /// - Complexity: O(cells).
    public func html(id: String? = nil) -> String {
        var html = "<table class=\"report-table\" id=\"" + HTMLEscaping.escape(id ?? anchor) + "\">\n"
        if !title.isEmpty { html += "<caption>" + HTMLEscaping.escape(title) + "</caption>\n" }
        if !headerRows.isEmpty {
            html += "<thead>\n"
            for row in headerRows {
                html += "<tr>"
                for cell in row {
                    let span = cell.columnSpan > 1 ? " colspan=\"\(cell.columnSpan)\" scope=\"colgroup\"" : " scope=\"col\""
                    html += "<th class=\"\(Self.alignmentClass(cell.alignment))\"\(span)>"
                        + HTMLEscaping.escape(cell.text) + Self.markers(cell.footnotes) + "</th>"
                }
                html += "</tr>\n"
            }
            html += "</thead>\n"
        }
        let columns = columnCount
        for group in groups {
            html += group.keepTogether ? "<tbody class=\"keep-together\">\n" : "<tbody>\n"
            for row in group.rows {
                html += "<tr>" + paddedCells(row, to: columns).map(Self.htmlCell).joined() + "</tr>\n"
            }
            html += "</tbody>\n"
        }
        if !footnotes.isEmpty {
            html += "<tfoot>\n<tr><td colspan=\"\(max(1, columns))\">"
            for footnote in footnotes {
                html += "<p class=\"footnote\"><sup>" + HTMLEscaping.escape(footnote.marker) + "</sup> "
                    + HTMLEscaping.escape(footnote.text) + "</p>"
            }
            html += "</td></tr>\n</tfoot>\n"
        }
        return html + "</table>\n"
    }

    private static func htmlCell(_ cell: Cell) -> String {
        var classes = alignmentClass(cell.alignment)
        if cell.indentation > 0 { classes += " indent-\(cell.indentation)" }
        var content = HTMLEscaping.escape(cell.text)
        if !cell.text.isEmpty {
            switch cell.emphasis {
            case .none: break
            case .bold: content = "<strong>" + content + "</strong>"
            case .italic: content = "<em>" + content + "</em>"
            }
        }
        return "<td class=\"\(classes)\">" + content + markers(cell.footnotes) + "</td>"
    }

    private static func alignmentClass(_ alignment: Alignment) -> String {
        alignment == .decimal ? "num" : "align-" + alignment.rawValue
    }

    private static func markers(_ footnotes: [String]) -> String {
        footnotes.map { "<sup class=\"footnote-marker\">" + HTMLEscaping.escape($0) + "</sup>" }.joined()
    }
}
