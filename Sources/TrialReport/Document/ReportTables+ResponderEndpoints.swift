import TrialAnalysis

extension ReportTables {
    /// The name of a responder endpoint's table: "responders-1" for the plan's first.
    public static func responderEndpointName(index: Int) -> String {
        "responders-\(index + 1)"
    }

    /// The tables of the responder endpoints, in the plan's order.
    public func responderEndpoints() -> [ReportTable] {
        results.responderEndpoints.enumerated().map { responderEndpoint($1, name: Self.responderEndpointName(index: $0)) }
    }

    /// One responder endpoint: per arm the participants analysed, responders n (%) with the Wilson
    /// interval and those without the measure; for each other arm the difference from the reference
    /// (percentage points, Newcombe 95% CI) and Fisher's p (adjusted when the plan adjusts); the
    /// footnotes give the rule, the test across the arms and the dose trend, from the results.
    func responderEndpoint(_ endpoint: ResponderEndpointResult, name: String) -> ReportTable {
        var table = Self.endpointTable(endpoint, name: name, arms: endpoint.byArm.map { ($0.arm, $0.n) })
        table.groups = [ReportTable.RowGroup(Self.responderRows(endpoint, in: &table))]
        for note in Self.responderNotes(endpoint, armsLeftOut: armsLeftOut(endpoint.byArm.map(\.arm))) { _ = table.addFootnote(note) }
        return table
    }

    /// The rows of a responder endpoint in `table` (whose footnotes they add): responders n (%),
    /// the Wilson interval, those without the measure, each arm's difference from the reference and
    /// its p (and adjusted p when the plan adjusts).
    static func responderRows(_ endpoint: ResponderEndpointResult, in table: inout ReportTable,
                              indentation: Int = 0) -> [ReportTable.Row] {
        let comparisons = endpoint.comparisons
        let reference = comparisons.reference
        func pairwise(_ arm: String) -> PairwiseComparison? { comparisons.pairwise.first { $0.arm == arm } }
        var rows: [ReportTable.Row] = [
            ReportTable.Row([.init("Responders, n (%)", indentation: indentation)] + endpoint.byArm.map { .countWithPercentage($0.responders, of: $0.n) }),
            ReportTable.Row([.init("95% CI of the rate (%)", indentation: indentation)] + endpoint.byArm.map { .percentageInterval($0.ciLower, $0.ciUpper) }),
            ReportTable.Row([.init("Without a value at the visit", indentation: indentation)] + endpoint.byArm.map { .count($0.missing, name: "missing") }),
        ]
        var differenceLabel = ReportTable.Cell("Difference from \(reference), pp (95% CI)", indentation: indentation)
        differenceLabel.footnotes = [table.addFootnote("Difference in percentage points with Newcombe's hybrid score 95% CI.")]
        rows.append(ReportTable.Row([differenceLabel] + endpoint.byArm.map { arm in
            guard arm.arm != reference, let difference = pairwise(arm.arm)?.difference else { return .number("") }
            return .percentagePointDifference(difference.estimate, lower: difference.ciLower, upper: difference.ciUpper)
        }))
        var pRow = [ReportTable.Cell("p", indentation: indentation)]
        for arm in endpoint.byArm {
            guard arm.arm != reference, let comparison = pairwise(arm.arm) else { pRow.append(.number("")); continue }
            pRow.append(pValueCell(comparison.pValue, test: comparison.test, in: &table))
        }
        rows.append(ReportTable.Row(pRow))
        if comparisons.adjustment != .none {
            var label = ReportTable.Cell("Adjusted p", indentation: indentation)
            label.footnotes = [table.addFootnote(adjustmentNote(comparisons.adjustmentName, comparisons: comparisons.pairwise.count))]
            rows.append(ReportTable.Row([label] + endpoint.byArm.map { arm in
                arm.arm == reference ? .number("") : .pValue(pairwise(arm.arm)?.adjustedPValue, name: "p_adjusted")
            }))
        }
        return rows
    }

    /// The plan's arms not among `arms`.
    func armsLeftOut(_ arms: [String]) -> [String] {
        results.plan.arms.map(\.label).filter { !arms.contains($0) }
    }

    /// The footnotes of a responder endpoint, each from what was computed.
    /// `visit` names the visit in the rule (by default the endpoint's).
    static func responderNotes(_ endpoint: ResponderEndpointResult, armsLeftOut: [String], visit: String? = nil) -> [String] {
        let visit = visit ?? (endpoint.visitLabel.isEmpty ? "AVISITN \(Display.planValue(endpoint.visit))" : endpoint.visitLabel)
        let parameter = endpoint.parameterLabel.isEmpty ? endpoint.parameter : "\(endpoint.parameterLabel) (\(endpoint.parameter))"
        let measure = switch endpoint.measure {
        case "change": "change from baseline in "
        case "percentChange": "percent change from baseline in "
        default: ""
        }
        let comparison = endpoint.better == "lower" ? "at most" : "at least"
        let unit = endpoint.measure == "percentChange" ? "%" : ""
        let missing = endpoint.missing == "completeCase"
            ? "participants without a value are left out" : "participants without a value count as non-responders"
        var notes = ["A responder's \(measure)\(parameter) at \(visit) is \(comparison) \(Display.planValue(endpoint.threshold))\(unit)"
            + (endpoint.recordFlag.map { " (records with \($0) = Y)" } ?? "") + "; \(missing). Rates with Wilson's 95% CI."]
        notes += armsLeftNote(armsLeftOut, analysed: endpoint.byArm.map(\.arm))
        if let test = endpoint.test {
            notes.append("Across the arms: \(test.displayName), \(ReportContext.pStatement(endpoint.pValue)).")
        }
        if let trend = endpoint.comparisons.trend {
            notes.append("Trend in dose: \(trend.test.displayName), \(ReportContext.pStatement(trend.pValue)).")
        }
        return notes
    }

    /// "The plan compares A and C for this endpoint; B is not analysed.", or nothing when every arm is.
    static func armsLeftNote(_ armsLeftOut: [String], analysed: [String]) -> [String] {
        guard !armsLeftOut.isEmpty else { return [] }
        return ["The plan compares \(ReportContext.prose(analysed)) for this endpoint; "
            + "\(ReportContext.prose(armsLeftOut)) \(armsLeftOut.count == 1 ? "is" : "are") not analysed."]
    }
}
