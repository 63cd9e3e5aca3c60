import Foundation
import Testing
import TrialAnalysis
import TrialData

/// The plan's `baseline` key: reading, defaults, its canonical YAML, mistakes at their lines, and
/// the checks against the subject-level data.
@Suite struct PlanBaselineTests {
    static let sets = """
        data: {format: adam, subjects: adsl.xpt}
        arms:
          - {label: Placebo, reference: true}
          - {label: Active}
        sets:
          - {name: Intent-to-treat, flag: ITTFL}

        """

    @Test func variablesAreNamesOrMappingsAndTheTestsDefaultToKruskalWallisAndFisher() throws {
        let plan = try AnalysisPlan.load(yaml: Self.sets + """
            baseline:
              variables:
                - AGE
                - {variable: SEX, label: Sex, levels: {F: Female, M: Male}}
                - {variable: AGEGR1, kind: categorical, orderBy: AGEGR1N}
                - {variable: BMIBL, decimals: 2}
                - {variable: BMIBLGR1, levels: ["<25", 25-<30, ">=30"]}
            """).plan
        let baseline = try #require(plan.baseline)
        #expect(baseline.set == nil)
        #expect(baseline.continuousTest == .kruskalWallis)
        #expect(baseline.categoricalTest == .fisherExact)
        #expect(baseline.variables == [
            BaselineVariable(variable: "AGE"),
            BaselineVariable(variable: "SEX", label: "Sex", levels: [BaselineLevel(value: "F", label: "Female"), BaselineLevel(value: "M", label: "Male")]),
            BaselineVariable(variable: "AGEGR1", kind: .categorical, orderBy: "AGEGR1N"),
            BaselineVariable(variable: "BMIBL", decimals: 2),
            BaselineVariable(variable: "BMIBLGR1", levels: ["<25", "25-<30", ">=30"].map { BaselineLevel(value: $0) }),
        ])
    }

    @Test func thePilotPlanRoundTripsThroughItsCanonicalYAML() throws {
        let text = try String(contentsOf: BaselineCharacteristicsTests.pilotFolder.appendingPathComponent("study.yaml"), encoding: .utf8)
        let plan = try AnalysisPlan.load(yaml: text).plan
        #expect(plan.baseline?.variables.count == 12)
        #expect(plan.baseline?.set == "Intent-to-treat")
        #expect(plan.baseline?.continuousTest == .anova)
        #expect(plan.baseline?.categoricalTest == .chiSquare)
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        #expect(plan.canonicalYAML.contains("""
            baseline:
              set: "Intent-to-treat"
              continuousTest: anova
              categoricalTest: chi-square
              variables:
                - {variable: "AGE", label: "Age (y)", decimals: 1}
                - {variable: "AGEGR1", label: "Age group (y)", decimals: 1, orderBy: "AGEGR1N"}
                - {variable: "SEX", decimals: 1, levels: {"F": "Female", "M": "Male"}}
            """))
    }

    @Test func aPlanWithoutBaselineWritesNone() {
        #expect(AnalysisPlan().baseline == nil)
        #expect(!AnalysisPlan().canonicalYAML.contains("baseline:"))
    }

    @Test func mistakesAreReportedAtTheirLines() {
        #expect(planDiagnostics("baseline:\n  set: X\n") == ["error: study.yaml:2:3: baseline: missing key 'variables' (the subject-level variables of the table)"])
        #expect(planDiagnostics("baseline:\n  variables: []\n") == ["error: study.yaml:2:14: baseline.variables: at least one variable is needed"])
        #expect(planDiagnostics("baseline:\n  continuousTest: t-test\n  variables: [AGE]\n")
            == ["error: study.yaml:2:19: baseline.continuousTest: expected one of 'anova', 'kruskal-wallis', 'none', got \"t-test\""])
        #expect(planDiagnostics("baseline:\n  variables:\n    - {variable: AGE, lable: Age}\n")
            == ["error: study.yaml:3:23: baseline.variables[0]: unknown key 'lable'; did you mean 'label'?"])
        #expect(planDiagnostics("baseline:\n  variables:\n    - {label: Age}\n")
            == ["error: study.yaml:3:7: baseline.variables[0]: missing key 'variable'"])
        #expect(planDiagnostics("baseline:\n  variables: [AGE, SEX, AGE]\n")
            == ["error: study.yaml:2:25: baseline.variables[2]: 'AGE' is listed twice"])
        #expect(planDiagnostics("baseline:\n  variables:\n    - {variable: AGE, kind: continuous, levels: [1]}\n")
            == ["error: study.yaml:3:49: baseline.variables[0].levels: 'levels' orders categories; 'AGE' is continuous"])
        #expect(planDiagnostics("baseline:\n  variables:\n    - {variable: SEX, levels: [F], orderBy: SEXN}\n")
            == ["error: study.yaml:3:45: baseline.variables[0].orderBy: give either 'levels' or 'orderBy', not both"])
        #expect(planDiagnostics("baseline:\n  variables:\n    - {variable: SEX, levels: [F, M, F]}\n")
            == ["error: study.yaml:3:31: baseline.variables[0].levels: category 'F' is listed twice"])
        #expect(planDiagnostics("baseline:\n  variables:\n    - {variable: AGE, decimals: 11}\n")
            == ["error: study.yaml:3:33: baseline.variables[0].decimals: expected a whole number from 0 to 10, got \"11\""])
    }

    @Test func theSetMustBeOneOfThePlans() {
        #expect(planDiagnostics(Self.sets + "baseline:\n  set: Intent-to-treet\n  variables: [AGE]\n")
            == ["error: study.yaml:8:8: baseline.set: 'Intent-to-treet' is not one of the plan's analysis sets (Intent-to-treat); "
                + "did you mean 'Intent-to-treat'?"])
        #expect(planDiagnostics("baseline:\n  set: ITT\n  variables: [AGE]\n")
            == ["error: study.yaml:2:8: baseline.set: 'ITT' is not an analysis set: the plan defines none ('sets')"])
    }

    @Test func atMost100Variables() {
        let variables = (0...100).map { "V\($0)" }.joined(separator: ", ")
        #expect(planDiagnostics("baseline:\n  variables: [\(variables)]\n").first?
            .hasSuffix("baseline.variables: more than 100 baseline variables: a plan may list at most 100 (this one lists 101)") == true)
    }

    // MARK: Against the data

    static func problems(_ yaml: String) throws -> [String] {
        let plan = try AnalysisPlan.load(yaml: Self.sets + yaml)
        let participants = ParticipantTable(
            ids: StringTable(["1", "2", "3"]), arms: ["Placebo", "Active"], arm: [0, 1, 1],
            columns: [DataColumn(name: "AGE", values: .numbers([60, 70, 80])),
                      DataColumn(name: "SEX", values: .text(codes: [0, 1, 1], levels: StringTable(["F", "M"]))),
                      DataColumn(name: "AGEGR1", values: .text(codes: [0, 1, 1], levels: StringTable(["<65", ">=65"]))),
                      DataColumn(name: "AGEGR1N", values: .numbers([1, 2, 3])),
                      DataColumn(name: "SUBJID", values: .numbers([1001, 1002, 1003]))])
        return plan.baselineProblems(with: participants).map(\.description)
    }

    @Test func variablesMustBeInTheSubjectLevelDataWithTheRightType() throws {
        #expect(try Self.problems("baseline:\n  variables: [AGE, SEX]\n").isEmpty)
        #expect(try Self.problems("baseline:\n  variables: [AEG]\n")
            == ["error: study.yaml:8:15: baseline.variables[0]: 'AEG' is not a variable of adsl.xpt; did you mean 'AGE'?"])
        #expect(try Self.problems("baseline:\n  variables:\n    - {variable: SEX, kind: continuous}\n")
            == ["error: study.yaml:9:29: baseline.variables[0].kind: 'SEX' holds text in adsl.xpt; a continuous variable must be numeric"])
        #expect(try Self.problems("baseline:\n  variables:\n    - {variable: AGEGR1, orderBy: AGEGRN}\n")
            == ["error: study.yaml:9:35: baseline.variables[0].orderBy: 'AGEGRN' is not a variable of adsl.xpt; did you mean 'AGEGR1N'?"])
        #expect(try Self.problems("baseline:\n  variables:\n    - {variable: AGEGR1, orderBy: SEX}\n")
            == ["error: study.yaml:9:35: baseline.variables[0].orderBy: 'SEX' holds text in adsl.xpt; the categories are ordered by a numeric variable"])
    }

    @Test func categoriesMustBeListedOrderedOnceAndFew() throws {
        #expect(try Self.problems("baseline:\n  variables:\n    - {variable: SEX, levels: [F]}\n")
            == ["error: study.yaml:9:31: baseline.variables[0].levels: SEX has values the levels do not list: 'M'"])
        #expect(try Self.problems("baseline:\n  variables:\n    - {variable: AGEGR1, orderBy: AGEGR1N}\n")
            == ["error: study.yaml:9:35: baseline.variables[0].orderBy: AGEGR1 '>=65' has AGEGR1N 2, 3; a category must have one order value"])
        let many = ParticipantTable(ids: StringTable((0..<51).map(String.init)), arms: ["Placebo", "Active"],
                                    arm: (0..<51).map { Int32($0 % 2) },
                                    columns: [DataColumn(name: "SITE", values: .numbers((0..<51).map(Double.init)))])
        let plan = try AnalysisPlan.load(yaml: Self.sets + "baseline:\n  variables:\n    - {variable: SITE, kind: categorical}\n")
        #expect(plan.baselineProblems(with: many).map(\.description)
            == ["error: study.yaml:9:30: baseline.variables[0].kind: 'SITE' has 51 categories in adsl.xpt, more than the 50 "
                + "a categorical variable may have; is it continuous?"])
    }

    @Test func theCDISCPilotLoadsWithItsBaselineTable() throws {
        let input = try StudyInput.load(from: BaselineCharacteristicsTests.pilotFolder)
        #expect(input.plan.plan.baseline?.variables.count == 12)
    }
}
