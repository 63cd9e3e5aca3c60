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

    /// The dataset of `tables` as CSV (RFC 4180, CRLF, fields as `ReportTable.csvField` writes them):
    /// the header, then tables in order, rows top to bottom, cells left to right, each cell's
    /// statistics in the order its text shows them.
    /// - Complexity: O(cells + statistics).
    public static func csv(_ tables: [ReportTable]) -> String {
        var lines = [columns.joined(separator: ",")]
        for table in tables {
            lines += table.datasetLines()
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The unrounded value as written: the shortest text that reads back as the same `Double`
    /// (`JSONValue.numberText`, as in `results.json`); empty when missing or not finite.
    static func valueText(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONValue.numberText(value)
    }
}

extension ReportTable {
    /// The lines of `ard.csv` for this table.
    func datasetLines() -> [String] {
        let header = flattenedHeader(\.text)
        let groups = columnGroups()
        var labels: [String] = []
        var lines: [String] = []
        for cell in headerRows.joined() {
            for statistic in cell.statistics {
                lines.append(line(row: 0, label: "", column: cell.text, about: Context(group: cell.group).over(context), statistic))
            }
        }
        for (index, row) in rows.enumerated() {
            if let first = row.cells.first, !first.text.isEmpty {
                labels = Array(labels.prefix(first.indentation)) + [first.text]
            }
            let rowContext = row.context.over(context)
            for (column, cell) in row.cells.enumerated() {
                let about = Context(group: groups[column]).over(rowContext)
                for statistic in cell.statistics {
                    lines.append(line(row: index + 1, label: labels.joined(separator: " / "), column: header[column], about: about, statistic))
                }
            }
        }
        return lines
    }

    /// One line of `ard.csv`.
    private func line(row: Int, label: String, column: String, about: Context, _ statistic: Statistic) -> String {
        let fields = [caption, name, String(row), label, column, about.set ?? "", about.parameter ?? "", about.visit ?? "",
                      about.group ?? "", statistic.name, AnalysisResultsDataset.valueText(statistic.value), statistic.shown]
        return fields.map(Self.csvField).joined(separator: ",")
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
