import Testing
import TrialAnalysis
import TrialData

@Suite struct PlanErrorTests {
    @Test func unknownKeySuggestsTheClosestKnownKey() {
        #expect(planDiagnostics("primaryvisit: 12\n") == [
            "error: study.yaml:1:1: unknown key 'primaryvisit'; did you mean 'primaryVisit'?",
        ])
        #expect(planDiagnostics("remission:\n  rules: all\n") == [
            "error: study.yaml:2:3: remission: unknown key 'rules'; did you mean 'rule'?",
        ])
    }

    @Test func unknownKeyFarFromAnyListsTheKnownKeys() {
        #expect(planDiagnostics("logistic: {weights: x}\n") == [
            "error: study.yaml:1:12: logistic: unknown key 'weights'; the known keys are population, covariates, method, oddsRatioPer",
        ])
    }

    @Test func oddsRatioUnitsMustBePositiveAndNameACovariateOfTheModel() {
        #expect(planDiagnostics("logistic:\n  covariates: [AGE]\n  oddsRatioPer: {AGE: 0, BMI: 5, SEX: ten}\n") == [
            "error: study.yaml:3:23: logistic.oddsRatioPer.AGE: must be greater than 0, got 0",
            "error: study.yaml:3:31: logistic.oddsRatioPer.BMI: 'BMI' is not one of the model's covariates (AGE)",
            "error: study.yaml:3:39: logistic.oddsRatioPer.SEX: expected a number, got \"ten\"",
        ])
    }

    @Test func wrongTypeNamesWhatWasExpectedAndWhatWasFound() {
        #expect(planDiagnostics("primaryVisit: twelve\n") == [
            "error: study.yaml:1:15: primaryVisit: expected a number, got \"twelve\"",
        ])
        #expect(planDiagnostics("visits: 12\n") == [
            "error: study.yaml:1:9: visits: expected a list, got \"12\"",
        ])
        #expect(planDiagnostics("arms: UC-MSC\n") == [
            "error: study.yaml:1:7: arms: expected a mapping of keys to values, got \"UC-MSC\"",
        ])
        #expect(planDiagnostics("arms: [UC-MSC, Control]\n") == [
            "error: study.yaml:1:8: arms[0]: expected an arm {label: …, reference: true or false, dose: …}, got \"UC-MSC\"",
            "error: study.yaml:1:16: arms[1]: expected an arm {label: …, reference: true or false, dose: …}, got \"Control\"",
        ])
        #expect(planDiagnostics("title:\n") == [
            "error: study.yaml:1:7: title: expected text, got nothing",
        ])
    }

    @Test func quotedNumberIsNotANumber() {
        #expect(planDiagnostics("primaryVisit: \"12\"\n") == [
            "error: study.yaml:1:15: primaryVisit: expected a number, got \"12\"",
        ])
    }

    @Test func thresholdMustBeAFiniteNonNegativeNumber() {
        #expect(planDiagnostics("remission: {minPercentIncrease: ten}\n") == [
            "error: study.yaml:1:33: remission.minPercentIncrease: expected a number, got \"ten\"",
        ])
        #expect(planDiagnostics("remission: {minPercentIncrease: .inf}\n") == [
            "error: study.yaml:1:33: remission.minPercentIncrease: expected a finite number, got .inf",
        ])
        #expect(planDiagnostics("remission: {minPercentIncrease: -5}\n") == [
            "error: study.yaml:1:33: remission.minPercentIncrease: must not be negative, got -5",
        ])
    }

    @Test func invalidChoiceListsTheAllowedValues() {
        #expect(planDiagnostics("continuousTest: t-test\n") == [
            "error: study.yaml:1:17: continuousTest: expected one of 'mann-whitney', 'welch-t', got \"t-test\"",
        ])
        #expect(planDiagnostics("logistic:\n  method: exact\n") == [
            "error: study.yaml:2:11: logistic.method: expected one of 'ml', 'firth', 'auto', got \"exact\"",
        ])
        #expect(planDiagnostics("figures: [consort, forest]\n") == [
            "error: study.yaml:1:20: figures[1]: expected one of "
                + FigureName.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ", got \"forest\"",
        ])
    }

    @Test func primaryVisitMustBeOneOfTheVisits() {
        #expect(planDiagnostics("visits: [0, 6, 12]\nprimaryVisit: 9\n") == [
            "error: study.yaml:2:15: primaryVisit: 9 is not one of the visits (0, 6, 12)",
        ])
        #expect(planDiagnostics("primaryVisit: 0\n") == [
            "error: study.yaml:1:15: primaryVisit: the primary visit must come after the baseline visit 0",
        ])
    }

    @Test func baselineVisitMustBeOneOfTheVisits() {
        #expect(planDiagnostics("visits: [3, 12]\n") == [
            "error: study.yaml:1:9: visits: the baseline visit 0 is not one of the visits (3, 12)",
        ])
    }

    @Test func visitsMustBeDistinctAndNonNegative() {
        #expect(planDiagnostics("visits: [0, 3, 3, -6, 12]\n") == [
            "error: study.yaml:1:16: visits[2]: visit 3 is listed twice",
            "error: study.yaml:1:19: visits[3]: must not be negative, got -6",
        ])
    }

    @Test func armLabelsMustBeNonEmptyAndDifferent() {
        #expect(planDiagnostics("arms: {treatment: \"\"}\n") == [
            "error: study.yaml:1:19: arms.treatment: must not be empty",
        ])
        #expect(planDiagnostics("arms:\n  treatment: A\n  control: A\n") == [
            "error: study.yaml:3:12: arms.control: the treatment and control arms must have different labels, both are 'A'",
        ])
    }

    @Test func subgroupNeedsExactlyTwoDistinctLabels() {
        #expect(planDiagnostics("subgroups:\n  - {variable: AGE, cut: 30, labels: [Old, Middle, Young]}\n") == [
            "error: study.yaml:2:38: subgroups[0].labels: expected 2 labels (values >= cut, then values < cut), got 3",
        ])
        #expect(planDiagnostics("subgroups:\n  - {variable: AGE, cut: 30, labels: [Old, Old]}\n") == [
            "error: study.yaml:2:44: subgroups[0].labels[1]: label 'Old' is listed twice",
        ])
    }

    @Test func subgroupNeedsVariableAndCut() {
        #expect(planDiagnostics("subgroups:\n  - name: Age\n") == [
            "error: study.yaml:2:5: subgroups[0]: missing key 'variable'",
        ])
        #expect(planDiagnostics("subgroups:\n  - {name: Age, variable: AGE}\n") == [
            "error: study.yaml:2:5: subgroups[0]: missing key 'cut' (the seed study's file layout splits a subgroup at a cut; "
                + "categories need 'data: {format: adam, …}')",
        ])
    }

    @Test func subgroupNamesMustBeDistinct() {
        #expect(planDiagnostics("subgroups:\n  - {name: Age, variable: AGE, cut: 30}\n  - {name: Age, variable: AGE, cut: 40}\n") == [
            "error: study.yaml:3:12: subgroups[1].name: subgroup 'Age' is defined twice",
        ])
    }

    @Test func parameterCodeMustBeAPARAMCD() {
        #expect(planDiagnostics("parameters:\n  C-PEP: {label: C-peptide}\n") == [
            "error: study.yaml:2:3: parameters.C-PEP: 'C-PEP' is not a PARAMCD code (letters, digits and '_')",
        ])
    }

    @Test func remissionParametersMustBeParametersOfThePlan() {
        #expect(planDiagnostics("remission: {parameters: [CPEPF, GLUC]}\n") == [
            "error: study.yaml:1:33: remission.parameters[1]: 'GLUC' is not one of the plan's parameters (CPEPF, CPEPP, HBA1C, INSDOSE)",
        ])
    }

    @Test func parameterDecimalsMustBeASmallWholeNumber() {
        #expect(planDiagnostics("parameters:\n  CPEPF: {decimals: 1.5}\n") == [
            "error: study.yaml:2:21: parameters.CPEPF.decimals: expected a whole number from 0 to 10, got \"1.5\"",
        ])
    }

    @Test func duplicateCovariateIsReported() {
        #expect(planDiagnostics("logistic: {covariates: [AGE, AGE]}\n") == [
            "error: study.yaml:1:30: logistic.covariates[1]: covariate 'AGE' is listed twice",
        ])
    }

    @Test func rootMustBeAMapping() {
        #expect(planDiagnostics("- title\n") == [
            "error: study.yaml:1:1: expected a mapping of keys to values, got a list",
        ])
    }

    @Test func yamlSyntaxErrorCarriesYamsLineAndColumn() {
        #expect(planDiagnostics("title: T\narms: {treatment: A\nvisits: [0]\n") == [
            "error: study.yaml:3:7: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 7)",
        ])
    }

    @Test func duplicateKeyIsRefused() {
        #expect(planDiagnostics("title: A\ntitle: B\n") == [
            "error: study.yaml:1:1: key 'title' is written more than once in the same mapping",
        ])
    }

    /// Guides/Plan.md shows the first five lines of this plan and the messages they give.
    @Test func everyMistakeIsReportedAtOnceInDocumentOrder() {
        let yaml = """
            primaryvisit: 12
            visits: [0, 3, six]
            arms: {treatment: A, control: A}
            remission:
              rule: some
              minPercentIncrease: ten
            subgroups:
              - {variable: AGEDX, cut: 18, labels: [Adult]}
            logistic: {population: everyone}
            """
        #expect(planDiagnostics(yaml, file: "my study/study.yaml") == [
            "error: my study/study.yaml:1:1: unknown key 'primaryvisit'; did you mean 'primaryVisit'?",
            "error: my study/study.yaml:2:16: visits[2]: expected a number, got \"six\"",
            "error: my study/study.yaml:3:31: arms.control: the treatment and control arms must have different labels, both are 'A'",
            "error: my study/study.yaml:5:9: remission.rule: expected one of 'any', 'all', got \"some\"",
            "error: my study/study.yaml:6:23: remission.minPercentIncrease: expected a number, got \"ten\"",
            "error: my study/study.yaml:8:40: subgroups[0].labels: expected 2 labels (values >= cut, then values < cut), got 1",
            "error: my study/study.yaml:9:24: logistic.population: expected one of 'treatment', 'all', got \"everyone\"",
        ])
    }

    @Test func planErrorsAreInvalidInput() {
        #expect {
            try AnalysisPlan.load(yaml: "primaryVisit: x\n")
        } throws: { error in
            (error as? TrialReportError)?.kind == .invalidInput && ExitStatus((error as! TrialReportError).kind) == .invalidInput
        }
    }
}
