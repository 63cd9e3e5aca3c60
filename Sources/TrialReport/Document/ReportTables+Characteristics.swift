import TrialAnalysis

extension ReportTables {
    /// The name of the baseline characteristics table of the plan's `baseline` key.
    public static let baselineCharacteristicsName = "baseline-characteristics"

    /// The baseline characteristics of the plan's `baseline` key: one column per arm and a Total
    /// column, each headed by its N in the analysis set, and a p-value column when the plan tests.
    /// A continuous variable shows n, mean (SD), median (Q1 to Q3) and minimum to maximum; a
    /// categorical one n (%) per category, of the participants with a value; a Missing row when
    /// any value is missing. The footnotes name each test computed. `nil` when the results have no
    /// such table.
    public func baselineCharacteristics() -> ReportTable? {
        guard let characteristics = results.baselineCharacteristics else { return nil }
        let tested = characteristics.variables.contains { $0.test != nil }
        let population = characteristics.set.map { $0 + " set" } ?? "all participants"
        var table = ReportTable(
            name: Self.baselineCharacteristicsName,
            caption: "Baseline characteristics by arm, \(population) (N = \(Display.integer(characteristics.total)))")
        table.context.set = characteristics.set ?? "All participants"
        table.headerRows = [[.init("Characteristic", alignment: .left)]
            + characteristics.arms.map { .arm($0.arm, n: $0.n) }
            + [.arm("Total", n: characteristics.total)]
            + (tested ? [.init("p")] : [])]
        table.groups = characteristics.variables.map { variable in
            var rows = variable.kind == .continuous ? continuousRows(variable) : categoricalRows(variable)
            if variable.total.missing > 0 {
                rows.append(ReportTable.Row([.init("Missing", indentation: 1)]
                    + (variable.byArm + [variable.total]).map { .count($0.missing, name: "missing") }))
            }
            for index in rows.indices { rows[index].context.parameter = variable.label }
            if tested {
                let pValue: ReportTable.Cell = variable.test.map { Self.pValueCell(variable.pValue, test: $0, in: &table) } ?? .init("")
                for index in rows.indices { rows[index].cells.append(index == 0 ? pValue : .init("")) }
            }
            return ReportTable.RowGroup(rows)
        }
        if characteristics.variables.contains(where: { $0.kind == .continuous }) {
            _ = table.addFootnote("SD: standard deviation; Q1 and Q3: first and third quartiles.")
        }
        if characteristics.variables.contains(where: { $0.kind == .categorical }) {
            _ = table.addFootnote("Percentages are of the participants with a value in each column.")
        }
        let approximate = characteristics.variables.filter { $0.smallExpectedCounts == true }.map(\.label)
        if !approximate.isEmpty {
            _ = table.addFootnote("An expected count is below 5, so the chi-square approximation may be poor, for: "
                + approximate.joined(separator: ", ") + ".")
        }
        return table
    }

    /// The label row, then n, mean (SD), median (Q1 to Q3) and minimum to maximum, indented.
    private func continuousRows(_ variable: BaselineCharacteristic) -> [ReportTable.Row] {
        let columns = variable.byArm + [variable.total]
        let decimals = variable.decimals
        func row(_ label: String, _ cell: (Descriptives?) -> ReportTable.Cell) -> ReportTable.Row {
            ReportTable.Row([.init(label, indentation: 1)] + columns.map { cell($0.descriptives) })
        }
        return [
            ReportTable.Row([.init(variable.label)] + columns.map { _ in .init("") }),
            ReportTable.Row([.init("n", indentation: 1)] + columns.map { .count($0.n) }),
            row("Mean (SD)") { descriptives in
                guard let mean = descriptives?.mean else { return .number(nil, decimals: decimals, name: "mean") }
                let statistics: [ReportTable.Statistic] = [.number("mean", mean, decimals: decimals),
                                                           .number("sd", descriptives?.sd, decimals: decimals + 1)]
                return .number(statistics[0].shown + " (" + statistics[1].shown + ")", statistics: statistics)
            },
            row("Median (Q1 to Q3)") {
                .medianWithQuartiles(median: $0?.median, q1: $0?.q1, q3: $0?.q3, decimals: decimals)
            },
            row("Min to max") { descriptives in
                descriptives?.min == nil ? .number(nil, decimals: decimals, name: "min")
                    : .interval(descriptives?.min, descriptives?.max, decimals: decimals, names: ("min", "max"))
            },
        ]
    }

    /// The label row, then n (%) of each category, indented.
    private func categoricalRows(_ variable: BaselineCharacteristic) -> [ReportTable.Row] {
        let columns = variable.byArm + [variable.total]
        return [ReportTable.Row([.init(variable.label + ", n (%)")] + columns.map { _ in .init("") })]
            + variable.levels.enumerated().map { index, level in
                ReportTable.Row([.init(level.label, indentation: 1)] + columns.map { summary in
                    .countWithPercentage(summary.counts.indices.contains(index) ? summary.counts[index].n : nil, of: summary.n)
                })
            }
    }
}
