import TrialAnalysis

extension ReportTables {
    /// The analysis sets: one row per set of the plan, n (%) of the participants allocated to each
    /// arm and in all, and how each set is defined (its flag, and whether by actual treatment).
    public func analysisSets() -> ReportTable {
        let allocated = results.arms.reduce(0) { $0 + $1.n }
        var table = ReportTable(
            name: "analysis-sets", caption: "Analysis sets by arm",
            headerRows: [[.init("Analysis set", alignment: .left)]
                + arms.map { .arm($0, n: armSize($0)) }
                + [.arm("Total", n: allocated)]])
        let percentages = table.addFootnote("n (%): participants in the set, as a percentage of those allocated to the arm.")
        table.headerRows[0][0].footnotes = [percentages]
        var rows: [ReportTable.Row] = []
        for set in results.analysisSets {
            let planned = results.plan.sets.first { $0.name == set.name }
            var definition = planned.map { "\($0.flag) = Y" } ?? ""
            if planned?.byActualTreatment == true { definition += ", by actual treatment" }
            let marker = table.addFootnote("\(set.name): \(definition).")
            rows.append(ReportTable.Row([.init(set.name, footnotes: [marker])]
                + set.byArm.map { .countWithPercentage($0.n, of: armSize($0.arm)) }
                + [.countWithPercentage(set.total, of: allocated)], context: ReportTable.Context(set: set.name)))
        }
        table.groups = [ReportTable.RowGroup(rows)]
        return table
    }
}
