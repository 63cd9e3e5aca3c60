import Yams

/// Reads `disposition` of `study.yaml` (see `DispositionPlan`). Whether its variables exist in the
/// data is checked with the data (`LoadedPlan.dispositionProblems(with:)`); whether its set is
/// one of the plan's by `PlanConsistency`.
enum PlanDispositionDecoder {
    /// `disposition`: `{set, status, completedLabel, discontinuedLabel, reason, reasons, test}`,
    /// every key optional; `nil` when the section is not a mapping or a value is wrong (reported).
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
            }
        }
        guard node.mapping != nil, !reader.hasFailed(path) else { return nil }
        return plan
    }
}
