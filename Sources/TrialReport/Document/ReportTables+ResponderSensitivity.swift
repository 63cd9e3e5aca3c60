import TrialAnalysis

extension ReportTables {
    /// The name of a responder endpoint's table under the other missing-data rule: "responders-1-missing".
    public static func responderSensitivityName(index: Int) -> String {
        "responders-\(index + 1)-missing"
    }

    /// The name of a responder endpoint's tipping-point table of its `arm`-th comparison:
    /// "responders-1-tipping-1".
    public static func tippingPointName(index: Int, comparison: Int) -> String {
        "responders-\(index + 1)-tipping-\(comparison + 1)"
    }

    /// For each responder endpoint with participants without the measure: the endpoint's table
    /// under the other missing-data rule, then one tipping-point table per arm against the reference.
    public func responderSensitivity() -> [ReportTable] {
        results.responderEndpoints.enumerated().flatMap { index, endpoint -> [ReportTable] in
            guard let sensitivity = endpoint.sensitivity else { return [] }
            var other = endpoint
            other.name += sensitivity.missing == "completeCase"
                ? ": complete cases" : ": participants without a value as non-responders"
            other.missing = sensitivity.missing
            other.byArm = sensitivity.byArm
            other.test = sensitivity.test
            other.pValue = sensitivity.pValue
            other.comparisons = sensitivity.comparisons
            other.subgroups = nil
            other.sensitivity = nil
            return [responderEndpoint(other, name: Self.responderSensitivityName(index: index))]
                + sensitivity.tippingPoints.enumerated().map { comparison, analysis in
                    tippingPoint(analysis, of: endpoint, name: Self.tippingPointName(index: index, comparison: comparison))
                }
        }
    }

    /// A tipping-point table: a row per count of the reference arm's participants without the
    /// measure counted responders, a column per count of the compared arm's, each cell Fisher's p.
    func tippingPoint(_ analysis: TippingPointAnalysis, of endpoint: ResponderEndpointResult, name: String) -> ReportTable {
        let reference = endpoint.comparisons.reference
        var shown = endpoint
        shown.name += ": tipping point, \(analysis.arm) vs \(reference)"
        let armSteps = analysis.scenarios.filter { $0.referenceResponders == 0 }.map(\.armResponders)
        var table = Self.endpointTable(shown, name: name, arms: [])
        table.headerRows = [
            [.init("", alignment: .left),
             .init("\(analysis.arm) (\(analysis.armMissing) without a value)", columnSpan: armSteps.count, group: analysis.arm)],
            [.init("\(reference) (\(analysis.referenceMissing) without a value)", alignment: .left)]
                + armSteps.map { .init("+\($0)", group: analysis.arm) },
        ]
        let rows = Dictionary(grouping: analysis.scenarios, by: \.referenceResponders).sorted { $0.key < $1.key }.map { added, scenarios in
            ReportTable.Row([.init("+\(added)")] + scenarios.map { ReportTable.Cell.pValue($0.pValue) })
        }
        table.groups = [ReportTable.RowGroup(rows)]
        let significant = analysis.scenarios.count { ($0.pValue ?? 1) < 0.05 }
        _ = table.addFootnote("Fisher's exact p (two-sided, not adjusted for multiplicity) of \(analysis.arm) against \(reference) "
            + "when +k of each arm's participants without a value at the visit count as responders and the others as "
            + "non-responders; the top-left cell (+0, +0) counts them all as non-responders."
            + (max(analysis.armMissing, analysis.referenceMissing) > 10 ? " Beyond ten, the counts go in tenths of those without a value." : ""))
        _ = table.addFootnote("p < 0.05 in \(significant) of the \(analysis.scenarios.count) scenarios.")
        return table
    }
}
