extension ReportTable {
    /// The header flattened to one row, for formats without spanning cells (Markdown, CSV): for
    /// each column, the texts of the header cells above it from top to bottom, empty ones and
    /// repeats left out, joined by ", ". A spanning "UC-MSC (N = 27)" over "n (%)" gives
    /// "UC-MSC (N = 27), n (%)" in each column it spans.
    /// - Parameter text: how one header cell is written (plain text, or with footnote markers).
    /// - Complexity: O(header cells + header rows × columns).
    func flattenedHeader(_ text: (HeaderCell) -> String) -> [String] {
        var columns = Array(repeating: [String](), count: columnCount)
        for row in headerRows {
            var column = 0
            for cell in row {
                let written = text(cell)
                for covered in column..<min(column + cell.columnSpan, columns.count)
                where !written.isEmpty && columns[covered].last != written {
                    columns[covered].append(written)
                }
                column += cell.columnSpan
            }
        }
        return columns.map { $0.joined(separator: ", ") }
    }

    /// The cells of a body row padded with empty cells to `count` columns (the table's
    /// `columnCount`, computed once per table by the caller: it visits every cell).
    func paddedCells(_ row: Row, to count: Int) -> [Cell] {
        row.cells.count >= count ? row.cells : row.cells + Array(repeating: Cell(""), count: count - row.cells.count)
    }

    /// Each column's alignment: that of the first non-empty body cell in it, else left.
    func columnAlignments() -> [Alignment] {
        var alignments = Array(repeating: Alignment?.none, count: columnCount)
        for row in eachRow {
            for (column, cell) in row.cells.enumerated() where alignments[column] == nil && !cell.text.isEmpty {
                alignments[column] = cell.alignment
            }
        }
        return alignments.map { $0 ?? .left }
    }
}
