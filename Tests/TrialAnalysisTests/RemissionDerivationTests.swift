import Testing
import TrialAnalysis

/// The remission rule of SPEC.md §2, participant by participant.
@Suite struct RemissionDerivationTests {
    static let fourParticipants = TemporaryStudy.participants([("A", "UC-MSC", 20), ("B", "UC-MSC", 20), ("C", "Control", 20), ("D", "Control", 20)])

    func statuses(_ adlb: String, plan: String? = nil) throws -> [RemissionFlags.Status] {
        try TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb, plan: plan).derived().remission.status
    }

    @Test func exactlyTenPercentCountsDespiteRounding() throws {
        // (111.1 − 101) / 101 × 100 = 9.999999999999995 in floating point.
        let adlb = TemporaryStudy.cPeptide([("A", (101, 111.1), (500, 400)), ("B", (101, 111.0), (500, 400)),
                                            ("C", (100, 100), (500, 550)), ("D", (100, 100), (500, 549.9))])
        #expect(try statuses(adlb) == [.responder, .nonResponder, .responder, .nonResponder])
    }

    @Test func baselineZeroCannotMeetTheRuleAndIsCounted() throws {
        let adlb = TemporaryStudy.cPeptide([("A", (0, 50), (500, 400)), ("B", (0, 50), (500, 600)),
                                            ("C", (100, 100), (500, 500)), ("D", (100, 100), (500, 500))])
        let study = try TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb).derived()
        #expect(study.remission.status == [.nonResponder, .responder, .nonResponder, .nonResponder])
        #expect(study.remission.undefinedPercentChanges == [1, 1, 0, 0])
        let results = try TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb).results()
        #expect(results.remission?.overall.byArm[0].undefinedPercentChanges == 2)
    }

    @Test func ruleAllNeedsEveryParameter() throws {
        let adlb = TemporaryStudy.cPeptide([("A", (100, 120), (500, 400)), ("B", (100, 120), (500, 600)),
                                            ("C", (100, 100), (500, 500)), ("D", (100, 100), (500, 500))])
        #expect(try statuses(adlb, plan: "remission: {rule: all}\n") == [.nonResponder, .responder, .nonResponder, .nonResponder])
    }

    @Test func nonResponderKeepsParticipantsWithAMissingPrimaryValue() throws {
        let adlb = TemporaryStudy.cPeptide([("A", (100, nil), (500, 400)), ("B", (100, nil), (500, 600)),
                                            ("C", (100, nil), (500, nil)), ("D", (100, 100), (500, 500))])
        let results = try TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb).results()
        let arms = try #require(results.remission?.overall.byArm)
        #expect(arms.map(\.n) == [2, 2])
        #expect(arms.map(\.responders) == [1, 0])
        #expect(arms.map(\.missingCountedAsNonResponders) == [1, 1])
    }

    @Test func completeCaseDropsParticipantsMissingAPrimaryValueAndCountsThem() throws {
        let adlb = TemporaryStudy.cPeptide([("A", (100, nil), (500, 400)), ("B", (100, 120), (500, 600)),
                                            ("C", (100, nil), (500, nil)), ("D", (100, 100), (500, 500))])
        let results = try TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb, plan: "remission: {missing: completeCase}\n").results()
        let arms = try #require(results.remission?.overall.byArm)
        #expect(arms.map(\.n) == [1, 1])
        #expect(arms.map(\.excluded) == [1, 1])
        #expect(results.participantFlow?.byArm.map(\.analysed) == [1, 1])
        #expect(results.notes.contains { $0.section == "remission" && $0.message.contains("excluded by completeCase") })
    }

    @Test func nonResponderCountsAMissingBaselineAndKeepsTheParticipant() throws {
        // A has no fasting baseline but meets the rule on CPEPP (rule any); B has no CPEPP baseline and
        // does not meet it on CPEPF; C has neither baseline.
        let adlb = TemporaryStudy.cPeptide([("A", (nil, 120), (500, 600)), ("B", (100, 105), (nil, 600)),
                                            ("C", (nil, 150), (nil, 700)), ("D", (100, 100), (500, 500))])
        let study = try TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb).derived()
        #expect(study.remission.status == [.responder, .nonResponder, .nonResponder, .nonResponder])
        #expect(study.remission.missingBaseline == [true, true, true, false])
        let arms = try #require(TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb).results().remission?.overall.byArm)
        #expect(arms.map(\.n) == [2, 2])
        #expect(arms.map(\.missingBaseline) == [2, 1])
        #expect(arms.map(\.missingCountedAsNonResponders) == [1, 1])
    }

    @Test func completeCaseLeavesOutAParticipantMissingABaselineAndCountsIt() throws {
        let adlb = TemporaryStudy.cPeptide([("A", (nil, 120), (500, 600)), ("B", (100, 120), (500, 600)),
                                            ("C", (100, 100), (nil, 500)), ("D", (100, 100), (500, 500))])
        let results = try TemporaryStudy(adsl: Self.fourParticipants, adlb: adlb,
                                         plan: "remission: {missing: completeCase}\n").results()
        let arms = try #require(results.remission?.overall.byArm)
        #expect(arms.map(\.n) == [1, 1])
        #expect(arms.map(\.excluded) == [1, 1])
        #expect(arms.map(\.missingBaseline) == [1, 1])
    }
}
