import Yams

/// Reads `disposition` of `study.yaml` (see `DispositionPlan`). Whether its variables exist in the
/// data is checked with the data (`LoadedPlan.dispositionProblems(with:)`); whether its set is
/// one of the plan's by `PlanConsistency`; that no more people are excluded before randomisation
/// than were assessed, here.
enum PlanDispositionDecoder {
    /// `disposition`: `{set, status, completedLabel, discontinuedLabel, reason, reasons, test,
    /// assessed, excluded}`, every key optional; `nil` when the section is not a mapping or a value
    /// is wrong (reported).
    static func disposition(from node: Node, at path: String, with reader: inout PlanNodeReader) -> DispositionPlan? {
        var plan = DispositionPlan()
        reader.readEntries(of: node, at: path, keys: DispositionKey.self) { reader, key, value, fieldPath in
            switch key {
            case .set: plan.set = reader.text(value, at: fieldPath)
            case .status: plan.status = reader.text(value, at: fieldPath)
            case .completedLabel: plan.completedLabel = reader.text(value, at: fieldPath) ?? plan.completedLabel
            case .discontinuedLabel: plan.discontinuedLabel = reader.text(value, at: fieldPath) ?? plan.discontinuedLabel
            case .reason: plan.reason = reader.text(value, at: fieldPath)
            case .reasons: plan.reasons = PlanBaselineDecoder.levels(from: value, at: fieldPath, with: &reader)
            case .test: plan.test = reader.choice(value, at: fieldPath) ?? plan.test
            case .assessed: plan.assessed = reader.integer(value, at: fieldPath, in: 0...Int(Int32.max))
            case .excluded: plan.excluded = exclusions(from: value, at: fieldPath, with: &reader) ?? []
            }
        }
        let excludedPath = PlanPath.child(path, DispositionKey.excluded.rawValue)
        if let assessed = plan.assessed, case let excluded = plan.excluded.reduce(0, { $0 + $1.n }), excluded > assessed {
            reader.report("\(excluded) people excluded before randomisation, more than the \(assessed) assessed for eligibility",
                          atPath: excludedPath)
        }
        guard node.mapping != nil, !reader.hasFailed(path) else { return nil }
        return plan
    }

    /// `excluded`: reasons mapped to counts, in the plan's order
    /// (`{Did not meet inclusion criteria: 30, Declined to participate: 10}`).
    private static func exclusions(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [EligibilityExclusion]? {
        guard let entries = reader.freeEntries(of: node, at: path) else { return nil }
        return entries.compactMap { entry in
            reader.integer(entry.value, at: PlanPath.child(path, entry.key), in: 0...Int(Int32.max))
                .map { EligibilityExclusion(reason: entry.key, n: $0) }
        }
    }
}
