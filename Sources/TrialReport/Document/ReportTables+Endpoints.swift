import TrialAnalysis

extension ReportTables {
    /// A parameter's secondary-endpoint table: one group per population (all participants, each
    /// subgroup level) and visit, one row per arm with n, mean ± SD and median (Q1 to Q3) of the
    /// value, mean ± SD of the change and the median % change, and on the first arm's row the
    /// between-arm effect with its 95% CI (treatment − control) and p. The within-arm tests are in
    /// `withinArmTests()`. `nil` when the results have no endpoint of that parameter.
    public func secondaryEndpoint(parameter code: String) -> ReportTable? {
        let endpoints = results.endpoints.filter { $0.parameter == code }
        guard !endpoints.isEmpty else { return nil }
        let decimals = labels.plan.parameter(code)?.decimals ?? 1
        var table = ReportTable(name: Self.secondaryName(parameter: code),
                                caption: labels.parameter(code) + " by visit and arm")
        table.context = ReportTable.Context(parameter: labels.parameter(code))
        let estimator = endpoints.lazy.compactMap(\.between.effect).first?.estimator
        let versus = labels.plan.arms.treatment + " − " + labels.plan.arms.control
        table.headerRows = [
            [.init("", columnSpan: 3), .init("Value at visit", columnSpan: 2), .init("Change from baseline", columnSpan: 2),
             .init("Between arms", columnSpan: 2, group: versus)],
            [.init("Visit", alignment: .left), .init("Arm", alignment: .left), .init("n"), .init("Mean ± SD"),
             .init("Median (Q1 to Q3)"), .init("Mean ± SD"), .init("Median %"), .init(EffectWords.header(estimator)),
             .init("p")],
        ]
        var population: String?
        for endpoint in endpoints {
            let name = endpoint.level.map { (endpoint.subgroup ?? "") + ": " + $0 } ?? "All participants"
            var rows: [ReportTable.Row] = []
            if name != population {
                rows.append(ReportTable.Row([.init(name, emphasis: .italic)]))
                population = name
            }
            let between = endpoint.between
            let betweenMarker = table.addFootnote(between.test.capitalizedName + " of the "
                + (between.measure == .percentChange ? "percent change" : "change") + " from baseline.")
            for (index, arm) in endpoint.byArm.enumerated() {
                var cells: [ReportTable.Cell] = [
                    .init(index == 0 ? labels.visit(endpoint.visit) : "", indentation: 1), .init(arm.arm),
                    .count(arm.n),
                    .meanWithSD(mean: arm.mean, sd: arm.sd, decimals: decimals),
                    .medianWithQuartiles(median: arm.median, q1: arm.q1, q3: arm.q3, decimals: decimals),
                    .meanWithSD(mean: arm.change.mean, sd: arm.change.sd, decimals: decimals, suffix: "_change"),
                    .number(arm.medianPercentChange, decimals: 1, name: "median_percent_change"),
                ]
                if index == 0 {
                    cells.append(effectCell(between, twoArms: endpoint.byArm.count == 2, decimals: decimals, versus: versus, in: &table))
                    cells.append(.pValue(between.pValue, name: "p_between", footnotes: [betweenMarker]))
                } else {
                    cells += [.number(""), .number("")]
                }
                let context = ReportTable.Context(set: name, visit: labels.visit(endpoint.visit), group: arm.arm)
                rows.append(ReportTable.Row(cells, context: context))
            }
            table.groups.append(ReportTable.RowGroup(rows))
        }
        return table
    }

    /// The within-arm tests of each visit against baseline, for all participants: one group per
    /// parameter, one row per visit and arm with the participants having both values, the mean
    /// change and the p-value of the plan's paired test; the subgroup levels' are in results.json.
    /// `nil` when the results have no endpoint.
    public func withinArmTests() -> ReportTable? {
        let endpoints = results.endpoints.filter { $0.level == nil }
        guard !endpoints.isEmpty else { return nil }
        var table = ReportTable(name: Self.withinArmTestsName, caption: "Within-arm tests of each visit against baseline, all participants")
        let participants = table.addFootnote("Participants with a value at baseline and at the visit. The tests within the subgroups' "
            + "levels are in results.json (endpoints[].byArm[].withinPValue).")
        table.headerRows = [[.init("Parameter", alignment: .left), .init("Visit", alignment: .left), .init("Arm", alignment: .left),
                             .init("n", footnotes: [participants]), .init("Mean change"), .init("p")]]
        for code in labels.plan.parameters.map(\.code) {
            let decimals = labels.plan.parameter(code)?.decimals ?? 1
            var rows = [ReportTable.Row([.init(labels.parameter(code), emphasis: .italic)])]
            for endpoint in endpoints where endpoint.parameter == code {
                for (index, arm) in endpoint.byArm.enumerated() {
                    let cells: [ReportTable.Cell] = [
                        .init(""), .init(index == 0 ? labels.visit(endpoint.visit) : ""), .init(arm.arm), .count(arm.change.n),
                        .number(arm.change.mean, decimals: decimals, name: "mean_change"),
                        Self.pValueCell(arm.withinPValue, test: arm.withinTest, name: "p_within", in: &table),
                    ]
                    let context = ReportTable.Context(parameter: labels.parameter(code), visit: labels.visit(endpoint.visit), group: arm.arm)
                    rows.append(ReportTable.Row(cells, context: context))
                }
            }
            if rows.count > 1 { table.groups.append(ReportTable.RowGroup(rows)) }
        }
        return table
    }

    /// The name of the within-arm tests' table.
    static let withinArmTestsName = "within-arm-tests"

    /// The between-arm effect with its 95% CI and a footnote naming the estimator ("—" when it
    /// could not be computed); empty for more than two arms, whose effects are pairwise.
    private func effectCell(_ between: BetweenArmComparison, twoArms: Bool, decimals: Int, versus: String,
                            in table: inout ReportTable) -> ReportTable.Cell {
        guard twoArms else { return .number("") }
        let decimals = between.measure == .percentChange ? 1 : decimals
        guard let effect = between.effect else { return EffectWords.cell(nil, decimals: decimals) }
        return EffectWords.cell(effect, decimals: decimals,
                                footnotes: [table.addFootnote(EffectWords.note(effect, measure: between.measure, versus: versus))])
    }
}
