/// The participants of an analysis set: how many in each arm and in all.
public struct AnalysisSetSize: Codable, Sendable, Equatable {
    /// The set's name, as in `PlanAsUsed.sets`.
    public var name: String
    /// The participants of the set in each arm, in the plan's arm order.
    public var byArm: [ArmSize]
    /// The participants of the set in all arms.
    public var total: Int

    /// A set's size.
    public init(name: String, byArm: [ArmSize]) {
        self.name = name
        self.byArm = byArm
        self.total = byArm.reduce(0) { $0 + $1.n }
    }

    /// The sizes of `members` under the arm labels `arms`.
    public init(_ members: AnalysisSetMembers, arms: [String]) {
        self.init(name: members.name, byArm: zip(arms, members.byArm).map { ArmSize(arm: $0, n: $1.count) })
    }
}
