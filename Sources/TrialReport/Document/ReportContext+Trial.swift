import TrialAnalysis

extension ReportContext {
    /// The modelled endpoints: {name, table, reference, differences (a sentence), armTest,
    /// hasArmTest, doseResponse, hasDoseResponse, failure, hasFailure, subgroups}.
    func modelEndpointValues() -> [[String: Any]] {
        results.modelEndpoints.enumerated().map { index, endpoint in
            let differences = endpoint.differences.map { comparison in
                guard let difference = comparison.difference else { return "\(comparison.arm): not estimable" }
                return "\(comparison.arm) \(Display.number(difference.estimate, decimals: 2)) (95% CI "
                    + "\(Display.interval(difference.ciLower, difference.ciUpper, decimals: 2)); \(Self.pStatement(difference.pValue)))"
            }
            return [
                "name": endpoint.name,
                "table": table(ReportTables.modelEndpointName(index: index)) as Any? ?? false,
                "reference": endpoint.differences.first?.reference ?? "",
                "differences": Self.prose(differences),
                "armTest": endpoint.armTest.map { Self.pStatement($0.pValue) } ?? "",
                "hasArmTest": endpoint.armTest != nil,
                "doseResponse": endpoint.doseResponse.map { Self.pStatement($0.pValue) } ?? "",
                "hasDoseResponse": endpoint.doseResponse != nil,
                "failure": endpoint.failure ?? "",
                "hasFailure": endpoint.failure != nil,
                "subgroups": subgroupValues(endpoint.subgroups?.map { ($0.subgroup, $0.interaction?.pValue) },
                                            table: ReportTables.modelSubgroupsName(index: index)),
            ] as [String: Any]
        }
    }

    /// An endpoint's subgroups: {interactions (a sentence), name, label, anchor} of its subgroup
    /// table, or `false` when the endpoint has no subgroup results.
    private func subgroupValues(_ interactions: [(subgroup: String, p: Double?)]?, table name: String) -> Any {
        guard let interactions, let table = table(name) else { return false }
        let sentence = Self.prose(interactions.map { "\($0.subgroup) \(Self.pStatement($0.p))" })
        return table.merging(["interactions": sentence]) { $1 }
    }

    /// The responder endpoints: {name, table, reference, rates (a sentence), differences (a sentence),
    /// subgroups, sensitivity}.
    func responderEndpointValues() -> [[String: Any]] {
        results.responderEndpoints.enumerated().map { index, endpoint in
            [
                "name": endpoint.name,
                "table": table(ReportTables.responderEndpointName(index: index)) as Any? ?? false,
                "reference": endpoint.comparisons.reference,
                "rates": Self.responderRates(endpoint.byArm),
                "differences": Self.rateDifferences(endpoint.comparisons),
                "subgroups": subgroupValues(endpoint.subgroups?.map { ($0.subgroup, $0.interaction?.pValue) },
                                            table: ReportTables.responderSubgroupsName(index: index)),
                "sensitivity": responderSensitivityValues(endpoint, index: index),
            ] as [String: Any]
        }
    }

    /// A responder endpoint's sensitivity to missing data: the table under the other rule with
    /// {name, label, anchor, missing (who lacks a value), rule, rates, differences, tippingPoints
    /// (each a table with `scenarios`, a sentence)}, or false when every participant has a value.
    private func responderSensitivityValues(_ endpoint: ResponderEndpointResult, index: Int) -> Any {
        guard let sensitivity = endpoint.sensitivity, let other = table(ReportTables.responderSensitivityName(index: index)) else { return false }
        let missing = endpoint.byArm.map { "\($0.missing) of \($0.arm)" }
        let tippingPoints = sensitivity.tippingPoints.enumerated().compactMap { comparison, analysis -> [String: Any]? in
            let significant = analysis.scenarios.count { ($0.pValue ?? 1) < 0.05 }
            return table(ReportTables.tippingPointName(index: index, comparison: comparison))?.merging([
                "scenarios": "\(analysis.arm) against \(endpoint.comparisons.reference): p < 0.05 in \(significant) of \(analysis.scenarios.count) scenarios",
            ]) { $1 }
        }
        return other.merging([
            "missing": Self.prose(missing),
            "rule": sensitivity.missing == "completeCase"
                ? "with complete cases only (participants without a value left out)"
                : "counting participants without a value as non-responders",
            "rates": Self.responderRates(sensitivity.byArm),
            "differences": Self.rateDifferences(sensitivity.comparisons),
            "tippingPoints": tippingPoints,
        ]) { $1 }
    }

    /// "Placebo 11/79 (13.9%), …": each arm's responders.
    static func responderRates(_ arms: [ResponderArm]) -> String {
        prose(arms.map { "\($0.arm) \(Display.countWithPercentage($0.responders, of: $0.n))" })
    }

    /// Each arm's difference of rates from the reference in percentage points with its CI and p.
    static func rateDifferences(_ comparisons: ArmComparisons) -> String {
        prose(comparisons.pairwise.map { comparison in
            guard let difference = comparison.difference, difference.estimate != nil else { return "\(comparison.arm): not estimable" }
            return "\(comparison.arm) \(Display.percentagePointDifference(difference.estimate, lower: difference.ciLower, upper: difference.ciUpper)) "
                + "percentage points (\(pStatement(comparison.pValue)))"
        })
    }

    /// The repeated-measures (MMRM) endpoints: {name, table, methods (a sentence), lastVisit,
    /// reference, differences (a sentence at the last visit), failure, hasFailure}.
    func repeatedMeasuresValues() -> [[String: Any]] {
        (results.repeatedMeasuresEndpoints ?? []).enumerated().map { index, endpoint in
            let last = endpoint.visits.last
            let differences = (last?.differences ?? []).map { comparison in
                guard let difference = comparison.difference else { return "\(comparison.arm): not estimable" }
                return "\(comparison.arm) \(Display.number(difference.estimate, decimals: 2)) (95% CI "
                    + "\(Display.interval(difference.ciLower, difference.ciUpper, decimals: 2)); \(Self.pStatement(difference.pValue)))"
            }
            return [
                "name": endpoint.name,
                "table": table(ReportTables.repeatedMeasuresEndpointName(index: index)) as Any? ?? false,
                "methods": endpoint.methodsSentence,
                "lastVisit": last.map { $0.visitLabel.isEmpty ? "AVISITN \(Display.planValue($0.visit))" : $0.visitLabel } ?? "",
                "reference": last?.differences.first?.reference ?? "",
                "differences": Self.prose(differences),
                "failure": endpoint.failure ?? "",
                "hasFailure": endpoint.failure != nil,
            ] as [String: Any]
        }
    }

    /// The baseline characteristics the plan lists: {methods (a paragraph), table}, or `nil`.
    func characteristicsValues() -> [String: Any]? {
        guard let characteristics = results.baselineCharacteristics else { return nil }
        return ["methods": characteristics.methodsText,
                "table": table(ReportTables.baselineCharacteristicsName) as Any? ?? false]
    }

    /// The disposition the plan asks for: {methods (a paragraph), table, figure ({name, anchor, label, caption} or false)}, or `nil`.
    func dispositionValues() -> [String: Any]? {
        guard let disposition = results.disposition else { return nil }
        return ["methods": disposition.methodsText, "table": table(ReportTables.dispositionName) as Any? ?? false,
                "figure": captionedFigure(.dispositionFlow) as Any? ?? false]
    }

    /// Treatment-emergent adverse events: {population ("the Safety set"), overview, byClass} (the tables) and
    /// figure ({name, anchor, label, caption} or false), or `nil`.
    func emergentEventValues() -> [String: Any]? {
        guard let events = results.treatmentEmergentEvents else { return nil }
        return [
            "population": events.set.map { "the \($0) set" } ?? "all participants",
            "overview": table(ReportTables.emergentEventsOverviewName) as Any? ?? false,
            "byClass": table(ReportTables.emergentEventsName) as Any? ?? false,
            "figure": captionedFigure(.emergentEvents) as Any? ?? false,
        ]
    }
}
