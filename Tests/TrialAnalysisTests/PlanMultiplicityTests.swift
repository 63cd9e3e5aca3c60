import Testing
import TrialAnalysis
import TrialData

/// The plan's `multiplicity`: the adjustment of each arm's comparison with the reference.
@Suite struct PlanMultiplicityTests {
    static let threeArms = """
        arms:
          - {label: Placebo, reference: true, dose: 0}
          - {label: Low, dose: 54}
          - {label: High, dose: 81}

        """

    @Test func defaultsToNoneAndReadsEachAdjustment() throws {
        #expect(try AnalysisPlan.load(yaml: Self.threeArms, file: "study.yaml").plan.multiplicity == .none)
        for name in ["none", "holm", "bonferroni", "hochberg"] {
            let plan = try AnalysisPlan.load(yaml: Self.threeArms + "multiplicity: \(name)\n", file: "study.yaml").plan
            #expect(plan.multiplicity.rawValue == name)
        }
    }

    @Test func aWrongValueOrAMisspelledKeyIsAnErrorAtItsLine() {
        #expect(planDiagnostics(Self.threeArms + "multiplicity: sidak\n") == [
            "error: study.yaml:5:15: multiplicity: expected one of 'none', 'bonferroni', 'holm', 'hochberg', got \"sidak\"",
        ])
        #expect(planDiagnostics("multiplicty: holm\n").first?.contains("did you mean 'multiplicity'") == true)
    }

    @Test func theCanonicalPlanWritesItWhereItAppliesAndReadsBackEqual() throws {
        let threeArms = try AnalysisPlan.load(yaml: Self.threeArms, file: "study.yaml").plan
        #expect(threeArms.canonicalYAML.contains("\nmultiplicity: none\n"))
        #expect(try AnalysisPlan.load(yaml: threeArms.canonicalYAML, file: "study.yaml").plan == threeArms)
        // Two-arm plans read as before unless they set it.
        #expect(!AnalysisPlan().canonicalYAML.contains("multiplicity"))
        let holm = try AnalysisPlan.load(yaml: "multiplicity: holm\n", file: "study.yaml").plan
        #expect(try AnalysisPlan.load(yaml: holm.canonicalYAML, file: "study.yaml").plan == holm)
    }
}
