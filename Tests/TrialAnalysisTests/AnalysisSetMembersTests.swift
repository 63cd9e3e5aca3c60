import Testing
import TrialAnalysis
import TrialData

/// The members of each analysis set per arm: flagged `Y`, in the arm assigned or, for a set by
/// actual treatment, the arm received.
@Suite struct AnalysisSetMembersTests {
    static let plan = """
        data:
          format: adam
          subjects: adsl.csv
        arms:
          - {label: A, reference: true}
          - {label: B}
        sets:
          - {name: Safety, flag: SAFFL, byActualTreatment: true}
          - {name: Intent-to-treat, flag: ITTFL}
        """

    /// Six participants: 0–2 assigned A, 3–5 assigned B; participant 1 received B, 4 nothing
    /// (blank), 5 an arm not in the plan.
    static let participants = ParticipantTable(
        ids: StringTable(["1", "2", "3", "4", "5", "6"]), arms: ["A", "B"], arm: [0, 0, 0, 1, 1, 1],
        columns: [
            DataColumn(name: "SAFFL", values: .text(codes: [0, 0, 1, 0, 0, 0], levels: StringTable(["Y", "N"]))),
            DataColumn(name: "ITTFL", values: .text(codes: [1, -1, 1, 1, 0, 1], levels: StringTable(["N", "Y"]))),
            DataColumn(name: "TRT01A", values: .text(codes: [0, 1, 0, 1, -1, 2], levels: StringTable(["A", "B", "C"]))),
        ])

    @Test func setsCountFlaggedParticipantsInTheArmAssignedOrReceived() throws {
        let plan = try AnalysisPlan.load(yaml: Self.plan).plan
        let all = AnalysisSetMembers.all(of: plan, in: Self.participants)
        #expect(all.map(\.name) == ["Safety", "Intent-to-treat"])
        // Safety by actual treatment: 0 in A, 1 in B (received), 3 in B; 4 received nothing and 5 an unknown arm.
        #expect(all[0].byArm == [[0], [1, 3]])
        #expect(all[1].byArm == [[0, 2], [3, 5]])
        #expect(AnalysisSetMembers.byArm(of: "Safety", plan: plan, participants: Self.participants) == all[0].byArm)
        #expect(AnalysisSetMembers.byArm(of: "Intent-to-treat", plan: plan, participants: Self.participants) == all[1].byArm)
        #expect(AnalysisSetMembers.byArm(of: "Per protocol", plan: plan, participants: Self.participants) == [[], []])
        #expect(AnalysisSetMembers.byArm(of: nil, plan: plan, participants: Self.participants) == [[0, 1, 2], [3, 4, 5]])
    }
}
