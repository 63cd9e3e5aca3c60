import TrialData

extension LoadedPlan {
    /// The problems of the subgroups of a CDISC ADaM plan that only the subject-level data reveal,
    /// each at the line of `study.yaml` that is wrong: a variable that is not in the data (with the
    /// closest name), a split at a cut of a variable holding text, and the problems of a split by
    /// categories that `categoryProblems` finds (its `orderBy` variable, unlisted categories, too
    /// many categories). The seed study's layout checks its subgroups with `problems(with:)`.
    ///
    /// - Parameter participants: the subject-level data.
    /// - Returns: the diagnostics in plan order; empty for the seed study's layout or when the subgroups fit.
    /// - Complexity: O(*s* · *n*) for *s* subgroups and *n* participants.
    public func subgroupProblems(with participants: ParticipantTable) -> [Diagnostic] {
        guard case .adam(let layout) = plan.data else { return [] }
        let file = layout.subjects
        var problems: [Diagnostic] = []
        for (index, subgroup) in plan.subgroups.enumerated() {
            let path = PlanPath.element(PlanKey.subgroups.rawValue, index)
            func report(_ key: SubgroupKey, _ message: String) {
                let keyPath = PlanPath.child(path, key.rawValue)
                let at = locations.contains(keyPath) ? keyPath : path
                problems.append(Diagnostic(.error, at: locations[at], "\(at): \(message)"))
            }
            guard let column = participants.column(named: subgroup.variable) else {
                let names = participants.columns.map(\.name)
                report(.variable, "'\(subgroup.variable)' is not a variable of \(file)"
                    + (ClosestKey.suggestion(for: subgroup.variable, among: names).map { "; did you mean '\($0)'?" } ?? ""))
                continue
            }
            guard subgroup.cut == nil else {
                if column.numbers == nil {
                    report(.cut, "'\(subgroup.variable)' holds text in \(file); a subgroup split at a cut needs a numeric "
                        + "variable (without 'cut' the subgroup is split by its categories)")
                }
                continue
            }
            Self.categoryProblems(of: subgroup.variable, column, levels: subgroup.levels, orderBy: subgroup.orderBy,
                                  in: participants, file: file) { key, message in
                report(key == .count ? .variable : key == .levels ? .levels : .orderBy, message)
            }
        }
        return problems
    }
}
