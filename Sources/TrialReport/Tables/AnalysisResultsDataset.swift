import TrialData

/// `ard.csv`, the analysis-results dataset: one line per statistic shown in a table of the report
/// (`ReportTable.Cell.statistics`), with the analysis it belongs to, where it is shown
/// (`tables/<table>.csv`, body row and column, or row 0 and the header cell), what it is about (set, parameter, visit, group), its
/// name, its unrounded value and its displayed text — the trace from every number of the tables and
/// the TLF package back to `results.json`. Columns: Guides/ARD.md.
public enum AnalysisResultsDataset {
    /// The header of `ard.csv`.
    public static let columns = ["analysis", "table", "row", "label", "column", "set", "parameter", "visit", "group",
                                 "statistic", "value", "display"]

    /// The dataset of `tables` as CSV, UTF-8 (RFC 4180, CRLF, fields as `ReportTable.csvField`
    /// writes them): the header, then tables in order, rows top to bottom, cells left to right,
    /// each cell's statistics in the order its text shows them.
    /// - Complexity: O(cells + statistics); the lines are written into one buffer.
    public static func csv(_ tables: [ReportTable]) -> [UInt8] {
        var bytes = Array(columns.joined(separator: ",").utf8) + lineEnd
        for table in tables {
            table.appendDatasetLines(to: &bytes)
        }
        return bytes
    }

    /// The end of a line: CRLF.
    static let lineEnd: [UInt8] = [0x0D, 0x0A]

    /// The unrounded value as written: the shortest text that reads back as the same `Double`
    /// (`JSONValue.numberText`, as in `results.json`); empty when missing or not finite.
    static func valueText(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONValue.numberText(value)
    }
}

extension ReportTable {
    /// Appends the lines of `ard.csv` for this table to `bytes`. Each field is escaped once where
    /// it is shared: the table's caption and name, a row's label, a cell's column and context.
    func appendDatasetLines(to bytes: inout [UInt8]) {
        // A column's header field and a context's fields are escaped once, not once per cell: a
        // listing's rows share them.
        let headerFields = flattenedHeader(\.text).map { Self.csvField($0) + "," }
        let groups = columnGroups()
        var contexts: [Context: String] = [:]
        func fields(of about: Context) -> String {
            if let known = contexts[about] { return known }
            let text = Self.contextFields(about)
            contexts[about] = text
            return text
        }
        let table = Self.csvField(caption) + "," + Self.csvField(name) + ","
        var labels: [String] = []
        for cell in headerRows.joined() where !cell.statistics.isEmpty {
            let place = Array((table + "0,," + Self.csvField(cell.text) + "," + fields(of: Context(group: cell.group).over(context))).utf8)
            for statistic in cell.statistics { Self.appendDatasetLine(place, [], statistic, to: &bytes) }
        }
        // The column and context fields of each column, made again only where a row's context
        // differs from the row's before (a listing's rows all have their table's).
        var placesContext: Context?
        var columnPlaces = [[UInt8]?](repeating: nil, count: headerFields.count)
        for (index, row) in eachRow.enumerated() {
            if let first = row.cells.first, !first.text.isEmpty {
                labels = Array(labels.prefix(first.indentation)) + [first.text]
            }
            guard row.cells.contains(where: { !$0.statistics.isEmpty }) else { continue }
            let rowPlace = Array((table + String(index + 1) + "," + Self.csvField(labels.joined(separator: " / ")) + ",").utf8)
            let rowContext = row.context.over(context)
            if placesContext != rowContext {
                placesContext = rowContext
                columnPlaces = columnPlaces.map { _ in nil }
            }
            for (column, cell) in row.cells.enumerated() where !cell.statistics.isEmpty {
                let columnPlace: [UInt8]
                if let made = columnPlaces[column] {
                    columnPlace = made
                } else {
                    columnPlace = Array((headerFields[column] + fields(of: Context(group: groups[column]).over(rowContext))).utf8)
                    columnPlaces[column] = columnPlace
                }
                for statistic in cell.statistics { Self.appendDatasetLine(rowPlace, columnPlace, statistic, to: &bytes) }
            }
        }
    }

    /// The set, parameter, visit and group fields of a line of `ard.csv`, each followed by a comma.
    private static func contextFields(_ about: Context) -> String {
        [about.set, about.parameter, about.visit, about.group].map { csvField($0 ?? "") + "," }.joined()
    }

    /// Appends a line of `ard.csv`: `place` and `columnPlace` (the fields up to the statistic's,
    /// each followed by a comma), then the statistic, value and display fields.
    private static func appendDatasetLine(_ place: [UInt8], _ columnPlace: [UInt8], _ statistic: Statistic, to bytes: inout [UInt8]) {
        bytes += place
        bytes += columnPlace
        bytes += csvField(statistic.name).utf8
        bytes.append(UInt8(ascii: ","))
        bytes += csvField(AnalysisResultsDataset.valueText(statistic.value)).utf8
        bytes.append(UInt8(ascii: ","))
        bytes += csvField(statistic.shown).utf8
        bytes += AnalysisResultsDataset.lineEnd
    }

    /// Each column's group: that of the lowest header cell over it that names one. It comes before
    /// the row's group: a between-arm column on an arm's row is about both arms.
    private func columnGroups() -> [String?] {
        var groups = Array(repeating: String?.none, count: columnCount)
        for row in headerRows {
            var column = 0
            for cell in row {
                for covered in column..<min(column + cell.columnSpan, groups.count) where cell.group != nil {
                    groups[covered] = cell.group
                }
                column += cell.columnSpan
            }
        }
        return groups
    }
}
