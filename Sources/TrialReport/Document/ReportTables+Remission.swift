import TrialAnalysis

extension ReportTables {
    /// The primary endpoint: remission by arm in all participants and within each subgroup level —
    /// responders n/N (%), the rate's 95% CI, the difference in percentage points, the relative risk
    /// and the odds ratio, each with its 95% CI, and Fisher's p. Each subgroup starts with its treatment × subgroup interaction test in a
    /// row of its own, so its levels are read in its light.
    public func primaryEndpoint(_ remission: RemissionResults) -> ReportTable {
        var table = ReportTable(
            name: "primary-endpoint",
            caption: "Remission at " + labels.visit(labels.plan.primaryVisit).lowercased() + " by arm, overall and by subgroup")
        table.context = ReportTable.Context(set: "All participants", parameter: "Remission", visit: labels.visit(labels.plan.primaryVisit))
        let versus = labels.plan.arms.treatment + " vs " + labels.plan.arms.control
        table.headerRows = [
            [.init("")] + armHeaders(span: 2) + [.init("Difference"), .init(""), .init(""), .init("")],
            [.init("Population", alignment: .left)]
                + arms.flatMap { _ in [ReportTable.HeaderCell("n/N (%)"), .init("95% CI")] }
                + ["pp (95% CI)", "Relative risk (95% CI)", "Odds ratio (95% CI)", "p"].map { .init($0, group: versus) },
        ]
        let rateNote = table.addFootnote(
            (["Rate with Wilson score 95% CI", "difference in percentage points with Newcombe's hybrid score 95% CI"]
                + EffectWords.ratios(remission)).joined(separator: "; ") + ".")
        table.headerRows[1][1].footnotes = [rateNote]
        let overall = comparisonRow("All participants", remission.overall, table: &table)
        table.groups = [ReportTable.RowGroup([overall])]
        for subgroup in labels.plan.subgroups {
            let levels = remission.subgroups.filter { $0.subgroup == subgroup.name }
            guard !levels.isEmpty else { continue }
            var rows = [ReportTable.Row([.init(subgroup.name, emphasis: .italic)])]
            if let interaction = remission.interactions.first(where: { $0.subgroup == subgroup.name }) {
                var cells = [ReportTable.Cell("Treatment × " + subgroup.name.inSentence + " interaction", indentation: 1)]
                cells += Array(repeating: ReportTable.Cell.number(""), count: 2 * arms.count + 3)
                cells.append(Self.pValueCell(interaction.pValue, test: interaction.test, name: "p_interaction", in: &table))
                rows.append(ReportTable.Row(cells))
            }
            for level in levels {
                var row = comparisonRow(level.level, level.comparison, table: &table)
                row.cells[0].indentation = 1
                row.context.set = subgroup.name + ": " + level.level
                rows.append(row)
            }
            table.groups.append(ReportTable.RowGroup(rows))
        }
        return table
    }

    private func comparisonRow(_ label: String, _ comparison: RemissionComparison, table: inout ReportTable) -> ReportTable.Row {
        var cells: [ReportTable.Cell] = [.init(label)]
        for arm in comparison.byArm {
            cells.append(.number(Self.responders(arm), statistics: [.count("n", arm.responders), .count("N", arm.n), .percentage("pct", arm.rate)]))
            cells.append(.percentageInterval(arm.ciLower, arm.ciUpper))
        }
        let difference = comparison.difference
        cells.append(.percentagePointDifference(difference.estimate, lower: difference.ciLower, upper: difference.ciUpper))
        let relativeRisk = comparison.relativeRisk
        cells.append(.estimateWithInterval(relativeRisk?.estimate, lower: relativeRisk?.ciLower, upper: relativeRisk?.ciUpper,
                                           decimals: 2, name: "relative_risk"))
        cells.append(Self.oddsRatioCell(comparison.oddsRatio))
        cells.append(Self.pValueCell(comparison.pValue, test: comparison.test, in: &table))
        return ReportTable.Row(cells)
    }

    /// Fisher's odds ratio with its CI, "7.93 (1.45 to 83.27)"; an estimate or limit the results
    /// leave null is infinite there (an arm without responders or non-responders): "∞"; "—" when
    /// it was not computed.
    static func oddsRatioCell(_ oddsRatio: OddsRatioEstimate?) -> ReportTable.Cell {
        guard let oddsRatio else { return .number(Display.missing, statistics: [ReportTable.Statistic("odds_ratio", nil, shown: Display.missing)]) }
        let statistics = zip(["odds_ratio", "odds_ratio_ci_lower", "odds_ratio_ci_upper"], [oddsRatio.estimate, oddsRatio.ciLower, oddsRatio.ciUpper])
            .map { name, value in ReportTable.Statistic(name, value, shown: value.map { Display.number($0, decimals: 2) } ?? "∞") }
        return .number(statistics[0].shown + " (" + statistics[1].shown + Display.intervalSeparator + statistics[2].shown + ")",
                       statistics: statistics)
    }

    /// "11/27 (40.7%)".
    static func responders(_ arm: RemissionArm) -> String {
        Display.integer(arm.responders) + "/" + Display.integer(arm.n) + " (" + Display.percentage(arm.rate) + ")"
    }
}
