import TrialData

/// The arms an endpoint analyses, in the plan's order (all of them, or those the endpoint names),
/// and the participants of the endpoint's set in each.
struct EndpointArms {
    /// The arms analysed, as the plan describes them.
    let list: [ArmLabels.Arm]
    /// The participants of each arm analysed (in the set, by the treatment the set uses).
    let members: [[Int32]]
    /// The plan's arms restricted to those analysed, the reference among them.
    let labels: ArmLabels

    /// The arms of `endpoint` in `plan`.
    init(_ endpoint: ModelEndpoint, plan: AnalysisPlan, participants: ParticipantTable) {
        let analysed = plan.arms.list.indices.filter { endpoint.arms?.contains(plan.arms.list[$0].label) ?? true }
        let everyMember = AnalysisSetMembers.byArm(of: endpoint.set, plan: plan, participants: participants)
        list = analysed.map { plan.arms.list[$0] }
        members = analysed.map { everyMember[$0] }
        labels = ArmLabels(arms: list, referenceIndex: analysed.firstIndex(of: plan.arms.referenceIndex) ?? 0)
    }

    /// The labels of the arms analysed.
    var names: [String] { list.map(\.label) }

    /// Each participant analysed with the position of their arm among the arms analysed, arm by arm.
    var rows: (participant: [Int32], arm: [Int]) { Self.rows(of: members) }

    /// Each participant of `members` (per arm) with the position of their arm, arm by arm; the
    /// arrays made at their size (grown by appending, a million participants' were copied as they grew).
    static func rows(of members: [[Int32]]) -> (participant: [Int32], arm: [Int]) {
        let count = members.reduce(0) { $0 + $1.count }
        var rows = (participant: [Int32](), arm: [Int]())
        rows.participant.reserveCapacity(count)
        rows.arm.reserveCapacity(count)
        for (arm, participants) in members.enumerated() {
            rows.participant += participants
            rows.arm += repeatElement(arm, count: participants.count)
        }
        return rows
    }
}
