import TrialAnalysis

extension ReportTables {
    /// The name of a parameter's table of each arm against the reference: "arm-comparisons-cpepf".
    public static func armComparisonsName(parameter: String) -> String {
        "arm-comparisons-" + SlugMaker.slug(parameter)
    }

    /// Remission of each arm against the reference (plans of more than two arms), overall and in
    /// each subgroup level: per arm the difference in percentage points with its 95% CI, Fisher's
    /// p and the adjusted p (when the plan adjusts), then the trend in dose (when the arms have
    /// doses). `nil` for two arms or results without remission.
    public func remissionArmComparisons() -> ReportTable? {
        guard let remission = results.remission else { return nil }
        let rows = [("All participants", 0, remission.overall.armComparisons)]
            + remission.subgroups.map { ($0.subgroup + ": " + $0.level, 1, $0.armComparisons) }
        return armComparisons(name: "remission-arm-comparisons",
                              caption: "Remission at " + labels.visit(labels.plan.primaryVisit).lowercased()
                                  + ": each arm against the reference",
                              firstColumn: "Population", rows: rows, withDifference: true)
    }

    /// A parameter's endpoints, each arm against the reference (plans of more than two arms): one
    /// row per population and visit with each arm's effect (95% CI), p and adjusted p (when the plan
    /// adjusts) on the measure the endpoint compares, then the trend in dose (when the arms have
    /// doses). `nil` for two arms or when the results have no endpoint of that parameter.
    public func endpointArmComparisons(parameter code: String) -> ReportTable? {
        let endpoints = results.endpoints.filter { $0.parameter == code }
        let rows = endpoints.map { endpoint in
            let population = endpoint.level.map { (endpoint.subgroup ?? "") + ": " + $0 } ?? "All participants"
            return (population + ", " + labels.visit(endpoint.visit).lowercased(), 0, endpoint.armComparisons)
        }
        let measure = endpoints.first?.between.measure ?? .change
        let decimals = measure == .percentChange ? 1 : labels.plan.parameter(code)?.decimals ?? 1
        return armComparisons(name: Self.armComparisonsName(parameter: code),
                              caption: labels.parameter(code) + ", " + (measure == .percentChange ? "percent change" : "change")
                                  + " from baseline: each arm against the reference",
                              firstColumn: "Population, visit", rows: rows, withDifference: false,
                              effects: (measure, decimals))
    }

    /// The table of `rows` (label, indentation, comparisons); `nil` when no row has comparisons.
    /// `effects` asks for each arm's continuous effect, on that measure shown with those decimals.
    private func armComparisons(name: String, caption: String, firstColumn: String,
                                rows: [(label: String, indentation: Int, comparisons: ArmComparisons?)],
                                withDifference: Bool,
                                effects: (measure: BetweenArmComparison.Measure, decimals: Int)? = nil) -> ReportTable? {
        guard let first = rows.compactMap(\.comparisons).first else { return nil }
        let adjusted = first.adjustment != .none, trend = first.trend != nil
        let estimator = rows.lazy.compactMap(\.comparisons).flatMap(\.pairwise).compactMap(\.effect).first?.estimator
        let perArm = (withDifference ? 1 : 0) + (effects != nil ? 1 : 0) + 1 + (adjusted ? 1 : 0)
        var table = ReportTable(name: name, caption: caption)
        let versus = first.pairwise.map { ReportTable.HeaderCell($0.arm + " vs " + first.reference, columnSpan: perArm,
                                                                 group: $0.arm + " vs " + first.reference) }
        var perArmHeaders: [ReportTable.HeaderCell] = []
        if withDifference { perArmHeaders.append(.init("pp (95% CI)")) }
        if effects != nil { perArmHeaders.append(.init(EffectWords.header(estimator))) }
        perArmHeaders.append(.init("p"))
        if adjusted { perArmHeaders.append(.init("Adjusted p")) }
        table.headerRows = [
            [.init("")] + versus + (trend ? [.init("Dose trend")] : []),
            [.init(firstColumn, alignment: .left)] + first.pairwise.flatMap { _ in perArmHeaders } + (trend ? [.init("p")] : []),
        ]
        if withDifference {
            let note = table.addFootnote("Difference in percentage points with Newcombe's hybrid score 95% CI.")
            table.headerRows[1][1].footnotes = [note]
        }
        if adjusted, let position = table.headerRows[1].firstIndex(where: { $0.text == "Adjusted p" }) {
            let note = table.addFootnote(Self.adjustmentNote(first.adjustmentName, comparisons: first.pairwise.count))
            table.headerRows[1][position].footnotes = [note]
        }
        for row in rows {
            var cells = [ReportTable.Cell(row.label, indentation: row.indentation)]
            for comparison in row.comparisons?.pairwise ?? [] {
                if withDifference {
                    let difference = comparison.difference
                    cells.append(.percentagePointDifference(difference?.estimate, lower: difference?.ciLower, upper: difference?.ciUpper))
                }
                if let effects {
                    let notes = comparison.effect.map {
                        [table.addFootnote(EffectWords.note($0, measure: effects.measure, versus: comparison.arm + " − " + first.reference))]
                    } ?? []
                    cells.append(EffectWords.cell(comparison.effect, decimals: effects.decimals, footnotes: notes))
                }
                cells.append(Self.pValueCell(comparison.pValue, test: comparison.test, in: &table))
                if adjusted { cells.append(.pValue(comparison.adjustedPValue, name: "p_adjusted")) }
            }
            if trend, let test = row.comparisons?.trend {
                cells.append(Self.pValueCell(test.pValue, test: test.test, name: "p_trend", in: &table))
            }
            table.groups.append(ReportTable.RowGroup([ReportTable.Row(cells)]))
        }
        return table
    }

    /// "P-values adjusted by Holm's method over the 2 comparisons with the reference."
    static func adjustmentNote(_ method: String, comparisons: Int) -> String {
        "P-values adjusted by " + method + " over the " + Display.integer(comparisons) + " comparisons with the reference."
    }
}

extension ArmComparisons {
    /// The plan's multiplicity adjustment as a reader names it: "Holm's method".
    var adjustmentName: String {
        switch adjustment {
        case .none: "no adjustment"
        case .bonferroni: "Bonferroni's method"
        case .holm: "Holm's method"
        case .hochberg: "Hochberg's method"
        }
    }
}
