import TrialAnalysis

extension ReportTables {
    /// The name of the disposition table of the plan's `disposition` key.
    public static let dispositionName = "disposition"

    /// The disposition of the plan's `disposition` key: one column per arm and a Total column, each
    /// headed by its N in the analysis set, and a p-value column when the plan tests. Rows: completed,
    /// discontinued, any other status, missing status (when any); then the reasons for
    /// discontinuation and a missing reason (when any). n (%) of the column's N. The footnotes say
    /// which values count and name the test. `nil` when the results have no such table.
    public func disposition() -> ReportTable? {
        guard let disposition = results.disposition else { return nil }
        let tested = disposition.test != nil
        let population = disposition.set.map { $0 + " set" } ?? "all participants"
        var table = ReportTable(
            name: Self.dispositionName,
            caption: "Disposition of participants by arm, \(population) (N = \(Display.integer(disposition.total)))")
        table.context.set = disposition.set ?? "All participants"
        let percentages = table.addFootnote("n (%): participants, as a percentage of the participants of the set in the column.")
        let comparison = tested
            ? [table.addFootnote("p: the participants on the row against the other participants with a status, across the arms.")] : []
        table.headerRows = [[.init("Status", alignment: .left, footnotes: [percentages])]
            + disposition.arms.map { .arm($0.arm, n: $0.n) }
            + [.arm("Total", n: disposition.total)]
            + (tested ? [.init("p", footnotes: comparison)] : [])]
        let columnSizes = disposition.arms.map(\.n) + [disposition.total]
        func row(_ row: DispositionRow, indentation: Int = 0, footnotes: [String] = []) -> ReportTable.Row {
            var cells = [ReportTable.Cell(row.label, indentation: indentation, footnotes: footnotes)]
                + zip(row.byArm + [row.total], columnSizes).map { .countWithPercentage($0, of: $1) }
            if let test = disposition.test {
                cells.append(row.pValue == nil ? .init("") : Self.pValueCell(row.pValue, test: test, in: &table))
            }
            return ReportTable.Row(cells)
        }
        let variable = disposition.statusVariable
        let values = [disposition.completed, disposition.discontinued].compactMap { status in
            status.value.map { "\(status.label): \(variable) = \($0)" }
        }
        let definition = table.addFootnote(values.joined(separator: "; ") + ".")
        var statusRows = [row(disposition.completed, footnotes: [definition]), row(disposition.discontinued, footnotes: [definition])]
        statusRows += disposition.otherStatuses.map { row($0) }
        if disposition.missingStatus.total > 0 { statusRows.append(row(disposition.missingStatus)) }
        table.groups = [ReportTable.RowGroup(statusRows)]
        if let reason = disposition.reasonVariable {
            let source = table.addFootnote("Among the participants who discontinued (\(disposition.discontinued.label)), "
                + "by \(reason).")
            var reasonRows = [ReportTable.Row([.init("Reason for discontinuation", footnotes: [source])])]
            reasonRows += disposition.reasons.map { row($0, indentation: 1) }
            if let missing = disposition.missingReason, missing.total > 0 { reasonRows.append(row(missing, indentation: 1)) }
            table.groups.append(ReportTable.RowGroup(reasonRows))
        }
        return table
    }
}
