import Foundation
import Testing
import TrialAnalysis

/// The plan's `safety` section: the set, orders, threshold and tests of the treatment-emergent
/// adverse events table, read with locations and written back in the canonical YAML.
@Suite struct PlanSafetySectionTests {
    static let pilot = PlanADaMTests.pilot + """

        safety:
          set: Safety
          classOrder: alphabetical
          termOrder: frequency
          minimumPercent: 2.5
          tests: [versus-reference, global]
          total: true
        """

    @Test func readsEveryKey() throws {
        let plan = try AnalysisPlan.load(yaml: Self.pilot).plan
        #expect(plan.safety == SafetySpecification(set: "Safety", classOrder: .alphabetical, termOrder: .frequency,
                                                   minimumPercent: 2.5, tests: [.versusReference, .global], total: true))
    }

    @Test func theBundledPilotPlanAsksForTable14_5_01() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot/study.yaml")
        #expect(try AnalysisPlan.load(contentsOf: folder).plan.safety
            == SafetySpecification(set: "Safety", tests: [.versusReference, .global]))
    }

    @Test func absentIsNilAndEmptyKeepsTheDefaults() throws {
        #expect(try AnalysisPlan.load(yaml: PlanADaMTests.pilot).plan.safety == nil)
        #expect(try AnalysisPlan.load(yaml: "safety: {}").plan.safety == SafetySpecification())
        #expect(try AnalysisPlan.load(yaml: "safety: {tests: []}").plan.safety?.tests == [])
    }

    @Test func roundTripsThroughTheCanonicalYAML() throws {
        let plan = try AnalysisPlan.load(yaml: Self.pilot).plan
        #expect(plan.canonicalYAML.hasSuffix("""
            safety:
              set: "Safety"
              classOrder: alphabetical
              termOrder: frequency
              minimumPercent: 2.5
              tests: [versus-reference, global]
              total: true

            """))
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        let defaults = try AnalysisPlan.load(yaml: "safety: {}").plan
        #expect(try AnalysisPlan.load(yaml: defaults.canonicalYAML).plan == defaults)
        #expect(!AnalysisPlan().canonicalYAML.contains("safety"))
    }

    @Test func everyMistakeAtItsLine() {
        #expect(planDiagnostics("safety:\n  sets: Safety\n  classOrder: size\n  minimumPercent: 0\n  tests: [global, global, pairwise]\n  total: yes please\n") == [
            "error: study.yaml:2:3: safety: unknown key 'sets'; did you mean 'set'?",
            "error: study.yaml:3:15: safety.classOrder: expected one of 'alphabetical', 'frequency', got \"size\"",
            "error: study.yaml:4:19: safety.minimumPercent: must be greater than 0 and at most 100, got 0",
            "error: study.yaml:5:19: safety.tests[1]: test 'global' is listed twice",
            "error: study.yaml:5:27: safety.tests[2]: expected one of 'versus-reference', 'global', got \"pairwise\"",
            "error: study.yaml:6:10: safety.total: expected true or false, got \"yes please\"",
        ])
        #expect(planDiagnostics("safety: [Safety]\n") == ["error: study.yaml:1:9: safety: expected a mapping of keys to values, got a list"])
    }

    @Test func theSetMustBeOneOfThePlansSets() {
        #expect(planDiagnostics(PlanADaMTests.pilot + "\nsafety: {set: Safty}\n")
            == ["error: study.yaml:14:15: safety.set: 'Safty' is not one of the plan's sets ('Safety', 'Efficacy'); did you mean 'Safety'?"])
        #expect(planDiagnostics("safety: {set: Safety}\n")
            == ["error: study.yaml:1:15: safety.set: 'Safety' is not one of the plan's sets (the plan has none)"])
    }
}
