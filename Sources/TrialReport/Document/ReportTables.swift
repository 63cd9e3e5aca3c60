import TrialAnalysis

/// Every table of the report, made from `Results` and the plan: the values are formatted by
/// `Display`, never computed. Tables are unnumbered here; `ReportNumbering` numbers them in the
/// order the template shows them.
public struct ReportTables: Sendable {
    /// The results tabulated.
    public var results: Results
    /// How variables, visits and arms are named.
    public var labels: ReportLabels

    /// The tables of `results` under `plan`.
    public init(results: Results, plan: AnalysisPlan) {
        self.results = results
        self.labels = ReportLabels(plan: plan)
    }

    /// The name of the baseline table within the levels of a subgroup: "baseline-by-onset".
    public static func baselineName(subgroup: String) -> String {
        "baseline-by-" + SlugMaker.slug(subgroup)
    }

    /// The name of a parameter's secondary-endpoint table: "secondary-cpepf".
    public static func secondaryName(parameter: String) -> String {
        "secondary-" + SlugMaker.slug(parameter)
    }

    /// All tables in report order: the analysis sets (when the plan has sets), the disposition, the baseline
    /// characteristics the plan lists, the modelled
    /// endpoints (and their subgroups), the treatment-emergent adverse events (when the results have them), then the seed
    /// study's sections when the results have them: baseline (overall, then per subgroup), primary endpoint,
    /// one secondary-endpoint table per parameter, insulin independence, predictors, adverse events, and
    /// the supportive analyses.
    /// - Complexity: O(size of the results).
    public func all() -> [ReportTable] {
        var tables = results.analysisSets.isEmpty ? [] : [analysisSets()]
        tables += [disposition()].compactMap { $0 }
        tables += [baselineCharacteristics()].compactMap { $0 }
        tables += modelEndpoints()
        tables += responderEndpoints()
        tables += responderSensitivity()
        tables += subgroupTables()
        tables += repeatedMeasuresEndpoints()
        tables += [emergentEventsOverview(), emergentEventsByClass()].compactMap { $0 }
        guard let seed = results.seedStudySections else { return tables }
        tables.append(baseline(seed.baseline))
        tables += labels.plan.subgroups.compactMap { baseline(subgroup: $0.name, in: seed.baseline) }
        tables.append(primaryEndpoint(seed.remission))
        tables += labels.plan.parameters.compactMap { secondaryEndpoint(parameter: $0.code) }
        tables += [insulinIndependence(seed.insulinIndependence), predictors(seed.logistic), adverseEvents(seed.adverseEvents)]
        // Last, in the appendix: the TLF numbers of the tables before it stay as they were.
        return tables + supportiveTables() + [withinArmTests()].compactMap { $0 }
    }

    /// The participants allocated to `arm`, from `results.arms`.
    func armSize(_ arm: String) -> Int? {
        results.arms.first { $0.arm == arm }?.n
    }

    /// The arms in results order (treatment, then control).
    var arms: [String] { results.arms.map(\.arm) }

    /// One spanning header cell per arm with its N, over `span` columns each.
    func armHeaders(span: Int) -> [ReportTable.HeaderCell] {
        arms.map { .arm($0, n: armSize($0), columnSpan: span) }
    }

    /// A p-value cell, its statistic named `name`, with the footnote naming its test.
    static func pValueCell(_ p: Double?, test: TestName, name: String = "p", in table: inout ReportTable) -> ReportTable.Cell {
        let marker = table.addFootnote(test.footnote)
        return .pValue(p, name: name, footnotes: [marker])
    }
}

extension ReportTable.HeaderCell {
    /// The header of an arm's columns with its N, "UC-MSC (N = 27)" (`ReportLabels.armHeader`), the
    /// arm its columns' group (unless `group` says otherwise) and N its statistic.
    static func arm(_ arm: String, n: Int?, columnSpan: Int = 1, group: String? = nil) -> Self {
        var cell = Self(ReportLabels.armHeader(arm, n: n), columnSpan: columnSpan, group: group ?? arm)
        if n != nil { cell.statistics = [.count("N", n)] }
        return cell
    }
}
