import TrialStats

/// The notes one analysis collects while it runs (see `AnalysisNote`).
struct NoteLog: Sendable {
    /// The results section the notes belong to.
    let section: String
    private(set) var notes: [AnalysisNote] = []

    init(section: String) {
        self.section = section
    }

    /// Records a note.
    mutating func record(_ context: String, _ message: String) {
        notes.append(AnalysisNote(section: section, context: context, message: message))
    }

    /// The value of `compute`, or `nil` with a note naming `what` and the reason when it throws.
    mutating func attempt<Value>(_ what: String, _ context: String, _ compute: () throws -> Value) -> Value? {
        do {
            return try compute()
        } catch {
            record(context, "\(what) not computed: \(error)")
            return nil
        }
    }
}
