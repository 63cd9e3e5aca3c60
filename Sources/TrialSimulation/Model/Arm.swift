/// One arm of a simulated study: its ARM label and how much of the UC-MSC effect it has.
struct Arm: Sendable, Hashable {
    /// The ARM label written to adsl.csv.
    var label: String
    /// The share of the UC-MSC effect on the log-odds of remission: 0 for a control arm, 1 for the
    /// full effect (the seed study's UC-MSC arm), the arm's dose over the highest dose otherwise.
    var effect: Double

    /// Whether participants are treated: UC-MSC doses, infusion reactions, a slower decline of
    /// C-peptide in adult-onset participants, insulin independence.
    var isTreated: Bool { effect > 0 }

    /// The seed study's arms (SPEC.md §2's default plan).
    static let ucMSC = Arm(label: "UC-MSC", effect: 1)
    static let control = Arm(label: "Control", effect: 0)
}
