/// Participants who stopped insulin, per arm, and every episode (`adii.csv`).
public struct InsulinIndependenceResults: Codable, Sendable, Equatable {
    /// Treatment arm, then control arm.
    public var byArm: [InsulinIndependenceArm]
    /// Every episode, by arm, then participant, then start month.
    public var episodes: [InsulinIndependenceEpisode]
    /// The test comparing the proportions of participants with an episode (Fisher's exact test).
    public var test: TestName
    /// Its two-sided p-value.
    public var pValue: Double?

    /// Insulin-independence results; a non-finite p-value becomes `nil`.
    public init(byArm: [InsulinIndependenceArm], episodes: [InsulinIndependenceEpisode], test: TestName, pValue: Double?) {
        self.byArm = byArm
        self.episodes = episodes
        self.test = test
        self.pValue = pValue.finite
    }
}

/// Insulin independence in one arm.
public struct InsulinIndependenceArm: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// Participants with at least one episode.
    public var subjects: Int
    /// Participants in the arm.
    public var n: Int
    /// Episodes in the arm.
    public var episodes: Int
    /// Descriptives of the episodes' durations in months (ongoing episodes to last follow-up).
    public var durationMonths: Descriptives

    /// Insulin independence in one arm.
    public init(arm: String, subjects: Int, n: Int, episodes: Int, durationMonths: Descriptives = .empty) {
        self.arm = arm
        self.subjects = subjects
        self.n = n
        self.episodes = episodes
        self.durationMonths = durationMonths
    }
}

/// One period without insulin.
public struct InsulinIndependenceEpisode: Codable, Sendable, Equatable {
    /// The participant.
    public var usubjid: String
    /// The participant's arm.
    public var arm: String
    /// The month insulin was stopped.
    public var startMonth: Double
    /// The month insulin was resumed, or `nil` while still insulin-free.
    public var endMonth: Double?
    /// `endMonth − startMonth`, or last follow-up − `startMonth` when ongoing.
    public var durationMonths: Double?
    /// Whether the participant was still insulin-free at last follow-up.
    public var ongoing: Bool

    /// An episode; non-finite months become `nil` (a non-finite start is a data error caught earlier).
    public init(usubjid: String, arm: String, startMonth: Double, endMonth: Double?, durationMonths: Double?, ongoing: Bool) {
        self.usubjid = usubjid
        self.arm = arm
        self.startMonth = startMonth
        self.endMonth = endMonth.finite
        self.durationMonths = durationMonths.finite
        self.ongoing = ongoing
    }
}
