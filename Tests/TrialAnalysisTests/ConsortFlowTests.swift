import Foundation
import Testing
import TrialAnalysis
import TrialData

/// The CONSORT 2010 flow: the CDISC pilot's against R (`Fixtures/consort_pilot.R`), the plan's
/// enrolment counts, and the rules on a small table (lost to follow-up, no reason, no
/// actual-treatment variable, no reason variable).
@Suite struct ConsortFlowTests {
    @Test func pilotFlowMatchesR() throws {
        let input = try StudyInput.load(from: BaselineCharacteristicsTests.pilotFolder)
        var plan = input.plan.plan
        plan.disposition?.assessed = 300
        plan.disposition?.excluded = [EligibilityExclusion(reason: "Did not meet inclusion criteria", n: 30),
                                      EligibilityExclusion(reason: "Declined to participate", n: 16)]
        let (flow, notes) = ConsortFlow.analyse(plan, participants: input.data.participants)
        #expect(notes.isEmpty)
        let actual = try JSONSerialization.jsonObject(with: CanonicalJSONEncoder.encode(try #require(flow)))
        let data = try Data(contentsOf: AnalysisFixtures.folder.appendingPathComponent("consort_pilot.json"))
        let expected = try JSONSerialization.jsonObject(with: data)
        let differences = ReferenceComparison.differences(expected: expected, actual: actual)
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
        // Every arm's participants are counted once at follow-up: lost, discontinued, or neither.
        for arm in try #require(flow).arms {
            #expect(arm.reasons.reduce(0) { $0 + $1.n } == arm.discontinued)
        }
    }

    /// Seven participants in two arms; A's fourth received B; STATUS says who discontinued.
    static let participants = ParticipantTable(
        ids: StringTable((1...7).map(String.init)), arms: ["A", "B"], arm: [0, 0, 0, 0, 1, 1, 1],
        columns: [
            DataColumn(name: "EOSSTT", values: .text(codes: [0, 1, 1, 1, 0, 1, 1],
                                                     levels: StringTable(["COMPLETED", "DISCONTINUED"]))),
            DataColumn(name: "DCSREAS", values: .text(codes: [-1, 0, 1, -1, -1, 0, 0],
                                                      levels: StringTable(["LOST TO FOLLOW-UP", "Death"]))),
            DataColumn(name: "TRT01A", values: .text(codes: [0, 0, 0, 1, 1, 1, 1], levels: StringTable(["A", "B"]))),
            DataColumn(name: "FASFL", values: .text(codes: [0, 0, 1, 0, 0, 0, 0], levels: StringTable(["Y", "N"]))),
        ])

    static func plan(actualTreatment: String? = "TRT01A", disposition: DispositionPlan = DispositionPlan()) -> AnalysisPlan {
        AnalysisPlan(data: .adam(AdamLayout(subjects: "adsl.xpt", actualTreatment: actualTreatment)),
                     arms: ArmLabels(arms: [.init(label: "A"), .init(label: "B")], referenceIndex: 1),
                     sets: [AnalysisSet(name: "Full analysis", flag: "FASFL")], disposition: disposition)
    }

    @Test func armsCountAllocationFollowUpAndAnalysis() throws {
        let (flow, notes) = ConsortFlow.analyse(Self.plan(), participants: Self.participants)
        let consort = try #require(flow)
        #expect(notes.isEmpty)
        #expect(consort.assessed == nil && consort.excluded.isEmpty && consort.randomised == 7)
        #expect(consort.arms.map(\.allocated) == [4, 3])
        #expect(consort.arms.map(\.received) == [3, 3])
        #expect(consort.arms.map(\.lostToFollowUp) == [1, 2])
        #expect(consort.arms.map(\.discontinued) == [2, 0])
        #expect(consort.arms[0].reasons == [ConsortCount(reason: "Death", n: 1), ConsortCount(reason: "No reason given", n: 1)])
        #expect(consort.arms[1].reasons.isEmpty)
        #expect(consort.arms[0].analysis == [ConsortAnalysis(set: "Full analysis", analysed: 3, excluded: 1, flag: "FASFL")])
        #expect(consort.arms[1].analysis == [ConsortAnalysis(set: "Full analysis", analysed: 3, excluded: 0, flag: "FASFL")])
    }

    @Test func withoutAnActualTreatmentNoOneIsCountedAsReceivingAndWithoutReasonsThereIsNoFlow() throws {
        let flow = try #require(ConsortFlow.analyse(Self.plan(actualTreatment: nil), participants: Self.participants).flow)
        #expect(flow.arms.map(\.received) == [nil, nil])
        let noReasons = ConsortFlow.analyse(Self.plan(disposition: DispositionPlan(reason: "DCDECOD")), participants: Self.participants)
        #expect(noReasons.flow == nil)
        var noDisposition = Self.plan()
        noDisposition.disposition = nil
        #expect(ConsortFlow.analyse(noDisposition, participants: Self.participants).flow == nil)
    }

    @Test func enrolmentCountsThatDoNotAddUpToTheRandomisedGetANote() throws {
        let disposition = DispositionPlan(assessed: 10, excluded: [EligibilityExclusion(reason: "Declined", n: 2)])
        let (flow, notes) = ConsortFlow.analyse(Self.plan(disposition: disposition), participants: Self.participants)
        #expect(flow?.assessed == 10 && flow?.excluded == [ConsortCount(reason: "Declined", n: 2)])
        #expect(notes.map(\.message) == ["the plan's 10 assessed for eligibility less the 2 excluded are not the 7 participants randomised in the subject-level data"])
    }
}
