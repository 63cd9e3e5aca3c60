/// The flow of participants through the study, for the CONSORT diagram.
public struct ParticipantFlow: Codable, Sendable, Equatable {
    /// Participants enrolled (rows of `adsl.csv`).
    public var enrolled: Int
    /// Treatment arm, then control arm.
    public var byArm: [ParticipantFlowArm]

    /// A participant flow.
    public init(enrolled: Int, byArm: [ParticipantFlowArm]) {
        self.enrolled = enrolled
        self.byArm = byArm
    }
}

/// The flow of one arm.
public struct ParticipantFlowArm: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// Participants allocated to the arm.
    public var allocated: Int
    /// Participants who received the second infusion, or `nil` for an arm without infusions.
    public var secondInfusion: Int?
    /// Participants with a value of a remission parameter at the primary visit.
    public var completedPrimaryVisit: Int
    /// Participants in the primary analysis.
    public var analysed: Int

    /// The flow of one arm.
    public init(arm: String, allocated: Int, secondInfusion: Int?, completedPrimaryVisit: Int, analysed: Int) {
        self.arm = arm
        self.allocated = allocated
        self.secondInfusion = secondInfusion
        self.completedPrimaryVisit = completedPrimaryVisit
        self.analysed = analysed
    }
}
