import TrialData

/// A plan as read from its file, with the problems of its values: a value with a problem keeps
/// its default, so the rest of the plan can still be used to check the data in the same run.
struct PlanReading {
    /// The plan as read (defaults where a value has a problem), with where each value was written.
    let plan: LoadedPlan
    /// The reader that found the problems.
    private let reader: PlanNodeReader

    init(plan: LoadedPlan, reader: PlanNodeReader) {
        self.plan = plan
        self.reader = reader
    }

    /// The problems, in document order.
    var problems: [Diagnostic] { reader.diagnostics.sorted(by: Diagnostic.inDocumentOrder) }

    /// Whether a problem was reported for the value at `path` or inside it.
    func hasFailed(_ path: String) -> Bool { reader.hasFailed(path) }

    /// The plan when it has no problem.
    /// - Throws: `TrialReportError` (`.invalidInput`) with every problem.
    func checked() throws(TrialReportError) -> LoadedPlan {
        guard reader.diagnostics.isEmpty else { throw TrialReportError(.invalidInput, problems) }
        return plan
    }
}
