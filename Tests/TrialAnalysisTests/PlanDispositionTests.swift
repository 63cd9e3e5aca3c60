import Foundation
import Testing
import TrialAnalysis
import TrialData

/// The plan's `disposition` key: reading, defaults, its canonical YAML, mistakes at their lines,
/// and the checks against the subject-level data.
@Suite struct PlanDispositionTests {
    static let disposition = PlanBaselineTests.sets + """
        disposition:
          set: Intent-to-treat
          status: COMP24FL
          completedLabel: Completed week 24
          discontinuedLabel: Discontinued before week 24
          reason: DCSREAS
          reasons: {Adverse Event: Adverse event, Death: Died}
          test: none

        """

    @Test func readsEveryKey() throws {
        let plan = try AnalysisPlan.load(yaml: Self.disposition).plan
        #expect(plan.disposition == DispositionPlan(
            status: "COMP24FL", reason: "DCSREAS", set: "Intent-to-treat", completedLabel: "Completed week 24",
            discontinuedLabel: "Discontinued before week 24",
            reasons: [BaselineLevel(value: "Adverse Event", label: "Adverse event"), BaselineLevel(value: "Death", label: "Died")],
            test: .none))
    }

    @Test func absentIsNilAndEmptyKeepsTheDefaults() throws {
        #expect(try AnalysisPlan.load(yaml: PlanBaselineTests.sets).plan.disposition == nil)
        let plan = try AnalysisPlan.load(yaml: PlanBaselineTests.sets + "disposition: {}\n").plan
        #expect(plan.disposition == DispositionPlan())
        #expect(plan.disposition?.test == .fisherExact)
    }

    @Test func roundTripsThroughTheCanonicalYAML() throws {
        let plan = try AnalysisPlan.load(yaml: Self.disposition).plan
        #expect(plan.canonicalYAML.hasSuffix("""
            disposition:
              set: "Intent-to-treat"
              status: "COMP24FL"
              completedLabel: "Completed week 24"
              discontinuedLabel: "Discontinued before week 24"
              reason: "DCSREAS"
              reasons: {"Adverse Event": "Adverse event", "Death": "Died"}
              test: none

            """))
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        let defaults = try AnalysisPlan.load(yaml: PlanBaselineTests.sets + "disposition: {}\n").plan
        #expect(try AnalysisPlan.load(yaml: defaults.canonicalYAML).plan == defaults)
        #expect(!AnalysisPlan().canonicalYAML.contains("disposition"))
    }

    @Test func everyMistakeAtItsLine() {
        #expect(planDiagnostics(PlanBaselineTests.sets + "disposition:\n  sets: ITT\n  test: chi-square\n  reasons: [Death, Death]\n") == [
            "error: study.yaml:8:3: disposition: unknown key 'sets'; did you mean 'set'?",
            "error: study.yaml:9:9: disposition.test: expected one of 'fisher-exact', 'none', got \"chi-square\"",
            "error: study.yaml:10:12: disposition.reasons: category 'Death' is listed twice",
        ])
        #expect(planDiagnostics(PlanBaselineTests.sets + "disposition: {set: Intent-to-treet}\n") == [
            "error: study.yaml:7:20: disposition.set: 'Intent-to-treet' is not one of the plan's analysis sets (Intent-to-treat); "
                + "did you mean 'Intent-to-treat'?",
        ])
        #expect(planDiagnostics("disposition: {}\n") == [
            "error: study.yaml:1:14: disposition: the disposition table reads CDISC ADaM subject-level variables: 'data: {format: adam, …}'",
        ])
    }

    @Test func enrolmentCountsAreReadInOrderRoundTripAndMustNotExceedTheAssessed() throws {
        let yaml = PlanBaselineTests.sets + "disposition:\n  assessed: 300\n  excluded: {Not eligible: 30, Declined: 16}\n"
        let plan = try AnalysisPlan.load(yaml: yaml).plan
        #expect(plan.disposition?.assessed == 300)
        #expect(plan.disposition?.excluded == [EligibilityExclusion(reason: "Not eligible", n: 30), EligibilityExclusion(reason: "Declined", n: 16)])
        #expect(plan.canonicalYAML.contains("  assessed: 300\n  excluded: {\"Not eligible\": 30, \"Declined\": 16}\n"))
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        #expect(planDiagnostics(PlanBaselineTests.sets + "disposition:\n  assessed: 40\n  excluded: {Not eligible: 30, Declined: 16, Other: -1}\n") == [
            "error: study.yaml:9:13: disposition.excluded: 46 people excluded before randomisation, more than the 40 assessed for eligibility",
            "error: study.yaml:9:53: disposition.excluded.Other: expected a whole number from 0 to 2147483647, got \"-1\"",
        ])
    }

    static func problems(_ yaml: String) throws -> [String] {
        let plan = try AnalysisPlan.load(yaml: PlanBaselineTests.sets + yaml)
        return plan.dispositionProblems(with: DispositionTests.participants).map(\.description)
    }

    @Test func variablesMustBeInTheSubjectLevelData() throws {
        #expect(try Self.problems("disposition: {}\n").isEmpty)
        #expect(try Self.problems("disposition:\n  status: DONE\n  reason: DCDECOD\n  reasons: [DEATH, ADVERSE EVENT]\n").isEmpty)
        #expect(try Self.problems("disposition:\n  status: EOSTT\n  reason: DCDECODE\n") == [
            "error: study.yaml:8:11: disposition.status: 'EOSTT' is not a variable of adsl.xpt; did you mean 'EOSSTT'?",
            "error: study.yaml:9:11: disposition.reason: 'DCDECODE' is not a variable of adsl.xpt; did you mean 'DCDECOD'?",
        ])
        #expect(try Self.problems("disposition:\n  reasons: [DEATH]\n") == [
            "error: study.yaml:8:12: disposition.reasons: DCDECOD has values the reasons do not list: 'ADVERSE EVENT'",
        ])
        let withoutStatus = ParticipantTable(ids: StringTable(["1"]), arms: ["Placebo", "Active"], arm: [0], columns: [])
        let plan = try AnalysisPlan.load(yaml: PlanBaselineTests.sets + "disposition: {}\n")
        #expect(plan.dispositionProblems(with: withoutStatus).map(\.description) == [
            "error: study.yaml:7:14: disposition: adsl.xpt has no EOSSTT; name the variable that says who completed (e.g. 'status: COMP24FL')",
        ])
    }

    @Test func theCDISCPilotLoadsWithItsDispositionTable() throws {
        let input = try StudyInput.load(from: BaselineCharacteristicsTests.pilotFolder)
        #expect(input.plan.plan.disposition?.status == "COMP24FL")
        #expect(input.plan.plan.disposition?.reasons?.count == 9)
    }
}
