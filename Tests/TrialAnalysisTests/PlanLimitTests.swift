import Testing
@testable import TrialAnalysis
import TrialData

/// `PlanLimit`: lists longer than their limit are refused at the first item too many, quickly.
@Suite struct PlanLimitTests {
    /// `key: [0, 1, …]` with `count` numbers on one line.
    static func numberList(_ key: String, count: Int) -> String {
        "\(key): [" + (0..<count).map(String.init).joined(separator: ", ") + "]\n"
    }

    /// `count` parameters `P0`, `P1`… one per line, and remission judged on all of them.
    static func parameters(count: Int, remission: Int) -> String {
        "parameters:\n" + (0..<count).map { "  P\($0): {unit: x}\n" }.joined()
            + "remission:\n  parameters: [" + (0..<remission).map { "P\($0)" }.joined(separator: ", ") + "]\n"
    }

    /// `count` subgroups splitting AGEDX at 1, 2…, each written on four lines from line 2.
    static func subgroups(count: Int) -> String {
        "subgroups:\n" + (0..<count).map { "  - name: S\($0)\n    variable: AGEDX\n    cut: \($0 + 1)\n    labels: [high, low]\n" }.joined()
    }

    /// 10,000 visits took 267 s before the limit; refused, well within the minute.
    @Test(.timeLimit(.minutes(1))) func tenThousandVisitsAreRefusedAtTheFirstVisitTooManyQuickly() {
        let yaml = Self.numberList("visits", count: 10_000)
        let column = yaml.range(of: " 200,")!.lowerBound.utf16Offset(in: yaml) + 2
        let diagnostics = planDiagnostics(yaml)
        #expect(diagnostics == [
            "error: study.yaml:1:\(column): visits: more than 200 visits: a plan may list at most 200 (this one lists 10000)",
        ])
    }

    @Test func twoHundredVisitsAreAccepted() throws {
        let plan = try AnalysisPlan.load(yaml: Self.numberList("visits", count: 200) + "primaryVisit: 12\n").plan
        #expect(plan.visits.count == 200)
    }

    @Test func infusionMonthsAreLimitedLikeVisits() {
        let diagnostics = planDiagnostics(Self.numberList("infusionMonths", count: 201))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasSuffix("infusionMonths: more than 200 infusion months: a plan may list at most 200 (this one lists 201)") == true)
    }

    /// 300 subgroups took 187 s before the limit; refused, well within the minute.
    @Test(.timeLimit(.minutes(1))) func threeHundredSubgroupsAreRefusedAtTheTwentyFirstQuickly() {
        let diagnostics = planDiagnostics(Self.subgroups(count: 300))
        #expect(diagnostics == [
            "error: study.yaml:\(2 + 20 * 4):5: subgroups: more than 20 subgroups: a plan may list at most 20 (this one lists 300)",
        ])
    }

    @Test func twentySubgroupsAreAccepted() throws {
        #expect(try AnalysisPlan.load(yaml: Self.subgroups(count: 20)).plan.subgroups.count == 20)
    }

    @Test func sixtyFiveRemissionParametersAreRefusedAtTheirLine() {
        let yaml = Self.parameters(count: 64, remission: 65)
        let diagnostics = planDiagnostics(yaml)
        let remissionLine = 64 + 3
        #expect(diagnostics.contains {
            $0.hasPrefix("error: study.yaml:\(remissionLine):")
                && $0.hasSuffix("remission.parameters: more than 8 remission parameters: a plan may list at most 8 (this one lists 65)")
        })
    }

    @Test func sixtyFiveParametersAreRefusedAtTheSixtyFifth() {
        #expect(planDiagnostics(Self.parameters(count: 65, remission: 1)) == [
            "error: study.yaml:66:3: parameters: more than 64 parameters: a plan may list at most 64 (this one lists 65)",
        ])
    }

    @Test func limitsAreAcceptedAtTheirValue() throws {
        let plan = try AnalysisPlan.load(yaml: Self.parameters(count: 64, remission: 8)).plan
        #expect(plan.parameters.count == 64)
        #expect(plan.remission.parameters.count == 8)
    }

    @Test func twentyOneCovariatesAreRefused() {
        let covariates = (0...20).map { "C\($0)" }.joined(separator: ", ")
        let diagnostics = planDiagnostics("logistic:\n  covariates: [\(covariates)]\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasSuffix("logistic.covariates: more than 20 covariates: a plan may list at most 20 (this one lists 21)") == true)
    }

    @Test func visitsParametersAndSubgroupsTogetherAreLimitedToThreeThousandReportRows() {
        // 200 visits × 8 parameters × 3 groups (all, and the default subgroup's two) = 4,800.
        let yaml = Self.numberList("visits", count: 200) + Self.parameters(count: 8, remission: 2)
        #expect(planDiagnostics(yaml) == [
            "error: study.yaml:1:9: visits: 200 visits × 8 parameters × 3 groups (all participants and two per subgroup) make "
                + "4800 report rows, more than the 3000 a plan may have (time and memory grow with them); "
                + "list fewer visits, parameters or subgroups",
        ])
    }

    @Test func theLimitOfReportRowsIsReportedAtTheFirstKeyThePlanGives() {
        // The default 5 visits × 64 parameters × 21 groups = 6,720.
        let diagnostics = planDiagnostics(Self.parameters(count: 64, remission: 2) + Self.subgroups(count: 10))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("error: study.yaml:2:3: parameters: 5 visits × 64 parameters × 21 groups") == true,
                "\(diagnostics)")
    }

    @Test func eachLimitAloneStaysWithinTheReportRows() throws {
        for yaml in [Self.numberList("visits", count: 200), Self.parameters(count: 64, remission: 8), Self.subgroups(count: 20)] {
            #expect(planDiagnostics(yaml) == [], "\(yaml.prefix(40))")
        }
    }

    @Test func aPlanOverALimitKeepsTheDefaultSoTheDataAreStillChecked() throws {
        let reading = try AnalysisPlan.read(yaml: Self.numberList("visits", count: 201), file: "study.yaml")
        #expect(reading.plan.plan.visits == AnalysisPlan().visits)
        #expect(reading.hasFailed("visits"))
    }
}
