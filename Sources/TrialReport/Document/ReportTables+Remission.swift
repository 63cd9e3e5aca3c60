import TrialAnalysis

extension ReportTables {
    /// The primary endpoint: remission by arm in all participants and within each subgroup level —
    /// responders n/N (%), the rate's 95% CI, the difference in percentage points with its 95% CI,
    /// Fisher's p, and the treatment × subgroup interaction p on each subgroup's first level.
    public func primaryEndpoint() -> ReportTable {
        let remission = results.remission
        var table = ReportTable(
            name: "primary-endpoint",
            caption: "Remission at " + labels.visit(labels.plan.primaryVisit).lowercased() + " by arm, overall and by subgroup")
        table.headerRows = [
            [.init("")] + armHeaders(span: 2) + [.init("Difference", columnSpan: 2), .init("")],
            [.init("Population", alignment: .left)]
                + arms.flatMap { _ in [ReportTable.HeaderCell("n/N (%)"), .init("95% CI")] }
                + [.init("pp (95% CI)"), .init("p"), .init("Interaction p")],
        ]
        let rateNote = table.addFootnote("Rate with Wilson score 95% CI; difference in percentage points with Newcombe's hybrid score 95% CI.")
        table.headerRows[1][1].footnotes = [rateNote]
        let overall = comparisonRow("All participants", remission.overall, interaction: nil, table: &table)
        table.groups = [ReportTable.RowGroup([overall])]
        for subgroup in labels.plan.subgroups {
            let levels = remission.subgroups.filter { $0.subgroup == subgroup.name }
            guard !levels.isEmpty else { continue }
            let interaction = remission.interactions.first { $0.subgroup == subgroup.name }
            var rows = [ReportTable.Row([.init(subgroup.name, emphasis: .italic)])]
            for (index, level) in levels.enumerated() {
                var row = comparisonRow(level.level, level.comparison, interaction: index == 0 ? interaction : nil, table: &table)
                row.cells[0].indentation = 1
                rows.append(row)
            }
            table.groups.append(ReportTable.RowGroup(rows))
        }
        return table
    }

    private func comparisonRow(_ label: String, _ comparison: RemissionComparison, interaction: SubgroupInteraction?,
                               table: inout ReportTable) -> ReportTable.Row {
        var cells: [ReportTable.Cell] = [.init(label)]
        for arm in comparison.byArm {
            cells.append(.number(Self.responders(arm)))
            cells.append(.number(Display.interval(arm.ciLower.map { $0 * 100 }, arm.ciUpper.map { $0 * 100 }, decimals: 1)))
        }
        let difference = comparison.difference
        cells.append(.number(Display.percentagePointDifference(difference.estimate, lower: difference.ciLower, upper: difference.ciUpper)))
        cells.append(Self.pValueCell(comparison.pValue, test: comparison.test, in: &table))
        if let interaction {
            cells.append(Self.pValueCell(interaction.pValue, test: interaction.test, in: &table))
        } else {
            cells.append(.number(""))
        }
        return ReportTable.Row(cells)
    }

    /// "11/27 (40.7%)".
    static func responders(_ arm: RemissionArm) -> String {
        Display.integer(arm.responders) + "/" + Display.integer(arm.n) + " (" + Display.percentage(arm.rate) + ")"
    }
}
