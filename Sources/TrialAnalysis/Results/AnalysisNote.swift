/// A finding about the analysis itself: a statistic that could not be computed (an empty arm, no
/// events, constant data), a fallback taken (Firth instead of maximum likelihood), or data the
/// rules set aside (a baseline of 0, participants excluded). The statistic concerned is `null`
/// in the results; the note says why.
public struct AnalysisNote: Codable, Sendable, Equatable {
    /// The results section concerned, e.g. `remission`, `endpoints`, `logistic`.
    public var section: String
    /// What within the section, e.g. `CPEPP, visit 12, all participants, UC-MSC`.
    public var context: String
    /// What happened, in plain words.
    public var message: String

    /// A note.
    public init(section: String, context: String, message: String) {
        self.section = section
        self.context = context
        self.message = message
    }
}
