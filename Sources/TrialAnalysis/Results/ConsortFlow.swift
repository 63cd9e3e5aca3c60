/// The CONSORT 2010 flow of a CDISC ADaM study's participants: enrolment (assessed for
/// eligibility and excluded, from the plan), randomised, and per arm allocation, follow-up and
/// analysis, from the subject-level data.
public struct ConsortFlow: Codable, Sendable, Equatable {
    /// The people assessed for eligibility (the plan's `disposition.assessed`), or `nil`.
    public var assessed: Int?
    /// The people excluded before randomisation by reason (the plan's `disposition.excluded`).
    public var excluded: [ConsortCount]
    /// The participants randomised: every participant of the subject-level data with a planned arm of the plan.
    public var randomised: Int
    /// Allocation, follow-up and analysis of each arm, in the plan's order.
    public var arms: [ConsortArm]

    /// A flow.
    public init(assessed: Int?, excluded: [ConsortCount], randomised: Int, arms: [ConsortArm]) {
        self.assessed = assessed
        self.excluded = excluded
        self.randomised = randomised
        self.arms = arms
    }
}

/// A count with its reason: "Adverse Event" 8.
public struct ConsortCount: Codable, Sendable, Equatable {
    /// The reason as the plan or the data say it.
    public var reason: String
    /// The people with that reason.
    public var n: Int

    /// A count.
    public init(reason: String, n: Int) {
        self.reason = reason
        self.n = n
    }
}

/// One arm of the CONSORT flow.
public struct ConsortArm: Codable, Sendable, Equatable {
    /// The arm's label.
    public var arm: String
    /// The participants allocated (planned treatment).
    public var allocated: Int
    /// Of those, the participants who received the allocated intervention (actual treatment equal
    /// to the planned), or `nil` when the data have no actual-treatment variable.
    public var received: Int?
    /// The participants who discontinued with the reason lost to follow-up.
    public var lostToFollowUp: Int
    /// The participants who discontinued for any other reason (or none given).
    public var discontinued: Int
    /// The reasons of `discontinued`, each given by someone in the arm, in the disposition
    /// table's order; "No reason given" last when someone discontinued without one.
    public var reasons: [ConsortCount]
    /// Analysed and excluded, per analysis set of the plan.
    public var analysis: [ConsortAnalysis]

    /// An arm.
    public init(arm: String, allocated: Int, received: Int?, lostToFollowUp: Int, discontinued: Int,
                reasons: [ConsortCount], analysis: [ConsortAnalysis]) {
        self.arm = arm
        self.allocated = allocated
        self.received = received
        self.lostToFollowUp = lostToFollowUp
        self.discontinued = discontinued
        self.reasons = reasons
        self.analysis = analysis
    }
}

/// One analysis set in one arm of the CONSORT flow.
public struct ConsortAnalysis: Codable, Sendable, Equatable {
    /// The set's name.
    public var set: String
    /// The set's participants in the arm, counted as the set counts them (by actual treatment for
    /// a set analysed as treated).
    public var analysed: Int
    /// The participants allocated to the arm who are not in the set (its flag not `Y`).
    public var excluded: Int
    /// The set's flag, the reason for exclusion: "EFFFL".
    public var flag: String

    /// A set in an arm.
    public init(set: String, analysed: Int, excluded: Int, flag: String) {
        self.set = set
        self.analysed = analysed
        self.excluded = excluded
        self.flag = flag
    }
}
