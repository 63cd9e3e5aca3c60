import Testing
import TrialAnalysis
import TrialData

@Suite struct PlanDataCheckTests {
    static let seedFacts = StudyDataFacts(
        armLabels: ["UC-MSC", "Control"],
        adslColumns: ["USUBJID", "ARM", "AGE", "AGEDX", "SEX", "BMI", "DIABDUR", "MSCDOSE", "LASTMO"],
        parameterCodes: ["CPEPF", "CPEPP", "HBA1C", "INSDOSE"]
    )

    @Test func builtInPlanFitsTheSeedStudyData() {
        #expect(LoadedPlan.builtIn.problems(with: Self.seedFacts).isEmpty)
    }

    @Test func dataProblemsPointAtThePlanLines() throws {
        let yaml = """
            arms: {treatment: UC-MSC, control: Standard care}
            remission: {parameters: [CPEPF, INSDOSE]}
            subgroups:
              - {name: Onset, variable: AGE_DX, cut: 18}
            logistic:
              covariates: [CPEPF.BASE, MSCDOSE, CPEPX.BASE, WEIGHT]
            """
        let loaded = try AnalysisPlan.load(yaml: yaml)
        var facts = Self.seedFacts
        facts.parameterCodes.remove("INSDOSE")
        #expect(loaded.problems(with: facts).map(\.description) == [
            "error: study.yaml:1:36: arms.control: arm 'Standard care' does not occur in adsl.csv column ARM (values found: 'Control', 'UC-MSC')",
            "error: study.yaml:2:33: remission.parameters[1]: parameter 'INSDOSE' does not occur in adlb.csv column PARAMCD",
            "error: study.yaml:4:29: subgroups[0].variable: 'AGE_DX' is not a column of adsl.csv; did you mean 'AGEDX'?",
            "error: study.yaml:6:37: logistic.covariates[2]: covariate 'CPEPX.BASE' is neither a column of adsl.csv nor PARAMCD.BASE "
                + "of a parameter in adlb.csv; did you mean 'CPEPF.BASE'?",
            "error: study.yaml:6:49: logistic.covariates[3]: covariate 'WEIGHT' is neither a column of adsl.csv nor PARAMCD.BASE "
                + "of a parameter in adlb.csv",
        ])
    }

    @Test func problemsWithDefaultValuesPointAtThePlanFile() {
        let facts = StudyDataFacts(armLabels: ["A", "B"], adslColumns: Self.seedFacts.adslColumns, parameterCodes: Self.seedFacts.parameterCodes)
        #expect(LoadedPlan.builtIn.problems(with: facts).map(\.description) == [
            "error: built-in plan: arms.treatment: arm 'UC-MSC' does not occur in adsl.csv column ARM (values found: 'A', 'B')",
            "error: built-in plan: arms.control: arm 'Control' does not occur in adsl.csv column ARM (values found: 'A', 'B')",
        ])
    }

    @Test func baselineCovariateNeedsTheParameterInTheData() {
        let facts = StudyDataFacts(armLabels: ["UC-MSC", "Control"], adslColumns: Self.seedFacts.adslColumns, parameterCodes: ["CPEPP"])
        let problems = LoadedPlan.builtIn.problems(with: facts).map(\.message)
        #expect(problems.contains { $0.hasPrefix("logistic.covariates[0]: covariate 'CPEPF.BASE' is neither") })
        #expect(problems.contains { $0.hasPrefix("remission.parameters[0]: parameter 'CPEPF' does not occur") })
    }
}
