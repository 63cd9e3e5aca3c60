import TrialAnalysis

extension ReportTables {
    /// Table 1: baseline characteristics by arm, with the between-arm p-value of each variable.
    /// A numeric variable shows mean ± SD with median (Q1 to Q3) below it; SEX shows n (%) per level.
    public func baseline(_ baseline: BaselineResults) -> ReportTable {
        var table = ReportTable(
            name: "baseline", caption: "Baseline characteristics by arm",
            headerRows: [[.init("Characteristic", alignment: .left)]
                + arms.map { .arm($0, n: armSize($0)) } + [.init("p")]])
        table.context.set = "All participants"
        var groups: [ReportTable.RowGroup] = []
        for row in baseline.rows {
            var rows = variableRows(row)
            rows[0].cells.append(Self.pValueCell(row.pValue, test: row.test, in: &table))
            groups.append(ReportTable.RowGroup(rows))
        }
        table.groups = groups
        addMissingFootnote(to: &table, rows: baseline.rows)
        return table
    }

    /// Baseline characteristics by arm within each level of a subgroup, side by side: one block of
    /// arm columns and a p-value column per level. `nil` when the results have no such subgroup.
    public func baseline(subgroup: String, in baseline: BaselineResults) -> ReportTable? {
        let levels = baseline.subgroups.filter { $0.subgroup == subgroup }
        guard let first = levels.first else { return nil }
        var table = ReportTable(
            name: Self.baselineName(subgroup: subgroup),
            caption: "Baseline characteristics by arm and " + subgroup.lowercased() + " group")
        table.context.set = "All participants"
        let armHeaders = levels.flatMap { level -> [ReportTable.HeaderCell] in
            let group = { (arm: String) in level.level + ": " + arm }
            guard let row = level.rows.first else { return arms.map { .init($0, group: group($0)) } }
            return row.byArm.map { .arm($0.arm, n: $0.n + $0.missing, group: group($0.arm)) }
        }
        table.headerRows = [
            [.init("")] + levels.map { .init($0.level, columnSpan: arms.count + 1) },
            [.init("Characteristic", alignment: .left)] + armHeaders.interleavingPValueHeaders(every: arms.count),
        ]
        var groups: [ReportTable.RowGroup] = []
        for index in first.rows.indices {
            var rows: [ReportTable.Row] = []
            for level in levels {
                guard index < level.rows.count else { continue }
                let row = level.rows[index]
                let levelRows = variableRows(row)
                let pValue = Self.pValueCell(row.pValue, test: row.test, in: &table)
                if rows.isEmpty {
                    rows = levelRows
                } else {
                    for line in rows.indices where line < levelRows.count {
                        rows[line].cells += levelRows[line].cells.dropFirst()
                    }
                }
                for line in rows.indices { rows[line].cells.append(line == 0 ? pValue : .init("")) }
            }
            groups.append(ReportTable.RowGroup(rows))
        }
        table.groups = groups
        addMissingFootnote(to: &table, rows: levels.flatMap(\.rows))
        return table
    }

    /// The rows of one variable: the label row with the first summary, then the others indented.
    private func variableRows(_ row: BaselineRow) -> [ReportTable.Row] {
        let label = labels.variable(row.variable)
        let context = ReportTable.Context(parameter: label)
        if row.byArm.contains(where: { !$0.levels.isEmpty }) {
            let levelNames = row.byArm.first(where: { !$0.levels.isEmpty })?.levels.map(\.level) ?? []
            let header = ReportTable.Row([.init(label + ", n (%)")] + row.byArm.map { _ in .init("") }, context: context)
            let levelRows = levelNames.map { level in
                ReportTable.Row([.init(labels.level(level, of: row.variable), indentation: 1)] + row.byArm.map { arm in
                    .countWithPercentage(arm.levels.first { $0.level == level }?.n ?? 0, of: arm.n)
                }, context: context)
            }
            return [header] + levelRows
        }
        let decimals = labels.decimals(row.variable)
        let mean = ReportTable.Row([.init(label + ", mean ± SD")] + row.byArm.map {
            .meanWithSD(mean: $0.descriptives?.mean, sd: $0.descriptives?.sd, decimals: decimals)
        }, context: context)
        let median = ReportTable.Row([.init("Median (Q1 to Q3)", indentation: 1)] + row.byArm.map {
            .medianWithQuartiles(median: $0.descriptives?.median, q1: $0.descriptives?.q1, q3: $0.descriptives?.q3, decimals: decimals)
        }, context: context)
        return [mean, median]
    }

    /// A footnote counting missing values, when any variable has some.
    private func addMissingFootnote(to table: inout ReportTable, rows: [BaselineRow]) {
        let missing = rows.filter { $0.byArm.contains { $0.missing > 0 } }
        guard !missing.isEmpty else { return }
        let parts = missing.map { row in
            labels.variable(row.variable) + ": " + row.byArm.map { $0.arm + " " + Display.integer($0.missing) }.joined(separator: ", ")
        }
        _ = table.addFootnote("Missing values — " + parts.joined(separator: "; ") + ".")
    }
}

extension Array where Element == ReportTable.HeaderCell {
    /// The cells with a "p" header after every `count` cells.
    func interleavingPValueHeaders(every count: Int) -> [ReportTable.HeaderCell] {
        var result: [ReportTable.HeaderCell] = []
        for (index, cell) in enumerated() {
            result.append(cell)
            if (index + 1) % Swift.max(1, count) == 0 { result.append(.init("p")) }
        }
        return result
    }
}
