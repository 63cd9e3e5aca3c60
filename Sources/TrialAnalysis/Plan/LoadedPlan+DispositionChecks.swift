import TrialData

extension LoadedPlan {
    /// The problems of the plan's `disposition` that only the subject-level data reveal, each at
    /// the line of `study.yaml` that is wrong: a status or reason variable that is not in the data
    /// (with the closest name), no `EOSSTT` when the plan names no status variable, reasons the
    /// plan's `reasons` do not list.
    ///
    /// - Parameter participants: the subject-level data.
    /// - Returns: the diagnostics; empty when the plan has no `disposition` or it fits.
    /// - Complexity: O(*n*) for *n* participants.
    public func dispositionProblems(with participants: ParticipantTable) -> [Diagnostic] {
        guard let disposition = plan.disposition, case .adam(let layout) = plan.data else { return [] }
        let section = PlanKey.disposition.rawValue
        let names = participants.columns.map(\.name)
        var problems: [Diagnostic] = []
        func report(_ key: DispositionKey?, _ message: String) {
            let keyPath = key.map { PlanPath.child(section, $0.rawValue) } ?? section
            let at = locations.contains(keyPath) ? keyPath : section
            problems.append(Diagnostic(.error, at: locations[at], "\(at): \(message)"))
        }
        func missing(_ name: String) -> String {
            "'\(name)' is not a variable of \(layout.subjects)"
                + (ClosestKey.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" } ?? "")
        }
        if disposition.statusVariable(in: participants) == nil {
            if let status = disposition.status {
                report(.status, missing(status))
            } else {
                report(nil, "\(layout.subjects) has no \(DispositionPlan.defaultStatus); name the variable that says who completed "
                       + "(e.g. 'status: COMP24FL')")
            }
        }
        if let reason = disposition.reason, participants.column(named: reason) == nil {
            report(.reason, missing(reason))
        }
        if let levels = disposition.reasons, let reason = disposition.reasonVariable(in: participants),
           let column = participants.column(named: reason) {
            let unlisted = BaselineCategories(column, levels: levels, orderBy: nil).unlisted
            if !unlisted.isEmpty {
                let shown = unlisted.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
                    + (unlisted.count > 4 ? " and \(unlisted.count - 4) more" : "")
                report(.reasons, "\(reason) has values the reasons do not list: \(shown)")
            }
        }
        return problems
    }
}
