/// Checks between values of a plan that are each fine on their own: the primary visit must be
/// one of the visits, remission parameters must be defined. A check is skipped when one of its
/// values could not be read (its problem is already reported).
enum PlanConsistency {
    /// Reports every inconsistency of `plan` to `reader`.
    static func check(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        let visits = PlanKey.visits.rawValue
        let baseline = PlanKey.baselineVisit.rawValue
        let primary = PlanKey.primaryVisit.rawValue
        let visitList = "(\(PlanNumber.list(plan.visits)))"
        if !reader.hasFailed(visits), !reader.hasFailed(baseline), !plan.visits.contains(plan.baselineVisit) {
            let path = reader.locations.contains(baseline) ? baseline : visits
            reader.report("the baseline visit \(PlanNumber.text(plan.baselineVisit)) is not one of the visits \(visitList)", atPath: path)
        }
        if !reader.hasFailed(visits), !reader.hasFailed(primary) {
            if !plan.visits.contains(plan.primaryVisit) {
                reader.report("\(PlanNumber.text(plan.primaryVisit)) is not one of the visits \(visitList)", atPath: primary)
            } else if !reader.hasFailed(baseline), plan.primaryVisit <= plan.baselineVisit {
                reader.report("the primary visit must come after the baseline visit \(PlanNumber.text(plan.baselineVisit))", atPath: primary)
            }
        }
        let remissionParameters = PlanPath.child(PlanKey.remission.rawValue, RemissionKey.parameters.rawValue)
        if !reader.hasFailed(PlanKey.parameters.rawValue), !reader.hasFailed(remissionParameters) {
            let codes = plan.parameters.map(\.code)
            for (index, code) in plan.remission.parameters.enumerated() where !codes.contains(code) {
                reader.report("'\(code)' is not one of the plan's parameters (\(codes.joined(separator: ", ")))",
                              atPath: PlanPath.element(remissionParameters, index))
            }
        }
    }
}
