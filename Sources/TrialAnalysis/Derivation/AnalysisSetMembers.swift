import TrialData

/// The participants of each analysis set, per arm: those whose flag is `Y`, in the arm they were
/// assigned to, or for a set by actual treatment in the arm they received (participants who
/// received no arm are left out).
public struct AnalysisSetMembers: Sendable, Equatable {
    /// The set's name.
    public var name: String
    /// The participants (indices into the participant table) of each arm, in the plan's arm order.
    public var byArm: [[Int32]]

    /// The members of every set of `plan` among `participants`.
    /// - Complexity: O(*s* · *n*) for *s* sets and *n* participants.
    public static func all(of plan: AnalysisPlan, in participants: ParticipantTable) -> [AnalysisSetMembers] {
        let actualArm = actualArms(plan, participants)
        return plan.sets.map { members(of: $0, in: participants, actualArm: actualArm) }
    }

    /// The participants of each arm (in the plan's order) of the set named `name`, or every
    /// participant in the arm assigned when `name` is `nil`; no one when no set has that name.
    /// - Complexity: O(*n*) for *n* participants.
    public static func byArm(of name: String?, plan: AnalysisPlan, participants: ParticipantTable) -> [[Int32]] {
        if let name {
            guard let set = plan.sets.first(where: { $0.name == name }) else {
                return Array(repeating: [], count: participants.arms.count)
            }
            let actualArm = set.byActualTreatment ? actualArms(plan, participants) : nil
            return members(of: set, in: participants, actualArm: actualArm).byArm
        }
        var byArm = [[Int32]](repeating: [], count: participants.arms.count)
        for (participant, arm) in participants.arm.enumerated() where byArm.indices.contains(Int(arm)) {
            byArm[Int(arm)].append(Int32(participant))
        }
        return byArm
    }

    /// The members of `set`: its flag's distinct texts compared with `Y` once, not once per participant.
    private static func members(of set: AnalysisSet, in participants: ParticipantTable, actualArm: [Int32]?) -> AnalysisSetMembers {
        var byArm = [[Int32]](repeating: [], count: participants.arms.count)
        if let flag = participants.column(named: set.flag) {
            let (codes, levels) = flag.codedTexts
            let isYes = levels.map { $0 == "Y" }
            for participant in 0..<participants.count where codes[participant] >= 0 && isYes[Int(codes[participant])] {
                let arm = set.byActualTreatment ? actualArm?[participant] ?? -1 : participants.arm[participant]
                if arm >= 0 { byArm[Int(arm)].append(Int32(participant)) }
            }
        }
        return AnalysisSetMembers(name: set.name, byArm: byArm)
    }

    /// Each participant's actual arm (an index into the arms, `-1` when blank), or `nil` when the
    /// layout has no actual-treatment variable.
    private static func actualArms(_ plan: AnalysisPlan, _ participants: ParticipantTable) -> [Int32]? {
        guard case .adam(let layout) = plan.data, let variable = layout.actualTreatment,
              let column = participants.column(named: variable) else { return nil }
        let arms = StringTable(participants.arms)
        let (codes, levels) = column.codedTexts
        let armOfLevel = levels.map { arms.index(of: $0).map(Int32.init) ?? -1 }
        return codes.map { $0 < 0 ? -1 : armOfLevel[Int($0)] }
    }
}
