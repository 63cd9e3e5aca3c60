import Testing
import TrialAnalysis
import TrialData

@Suite struct PlanRoundTripTests {
    static let custom = """
        title: "Stem cells: a \\"second\\" look"
        arms:
          treatment: Active
          control: 'Placebo'
        visits: [0, 1.5, 6, 12, 24]
        baselineVisit: 0
        primaryVisit: 24
        infusionMonths: [0]
        parameters:
          CPEPF: {label: "Fasting C-peptide", unit: nmol/L, decimals: 3}
          GAD65:
            label: GAD antibodies
            unit: ""
            decimals: 0
        remission:
          parameters: [CPEPF]
          rule: all
          minPercentIncrease: 12.5
          missing: completeCase
        subgroups:
          - name: Age
            variable: AGE
            cut: 21
            labels: [Adult, Youth]
          - name: Weight
            variable: BMI
            cut: -0.5
            labels: ["≥ -0.5", "< -0.5"]
        continuousTest: welch-t
        pairedTest: paired-t
        logistic:
          population: all
          covariates: [GAD65.BASE, AGE, SEX]
          method: firth
          oddsRatioPer: {AGE: 10, GAD65.BASE: 2.5}
        figures: [consort, remission-rates]
        """

    @Test func customPlanReadsEveryKey() throws {
        let plan = try AnalysisPlan.load(yaml: Self.custom).plan
        #expect(plan.title == "Stem cells: a \"second\" look")
        #expect(plan.arms == ArmLabels(treatment: "Active", control: "Placebo"))
        #expect(plan.visits == [0, 1.5, 6, 12, 24])
        #expect(plan.primaryVisit == 24)
        #expect(plan.infusionMonths == [0])
        #expect(plan.parameters == [
            ParameterDefinition(code: "CPEPF", label: "Fasting C-peptide", unit: "nmol/L", decimals: 3),
            ParameterDefinition(code: "GAD65", label: "GAD antibodies", unit: "", decimals: 0),
        ])
        #expect(plan.remission == RemissionRule(parameters: ["CPEPF"], rule: .all, minPercentIncrease: 12.5, missing: .completeCase))
        #expect(plan.subgroups.map(\.labels) == [["Adult", "Youth"], ["≥ -0.5", "< -0.5"]])
        #expect(plan.subgroups[1].cut == -0.5)
        #expect(plan.continuousTest == .welchT)
        #expect(plan.pairedTest == .pairedT)
        #expect(plan.logistic == LogisticSpecification(population: .all, covariates: ["GAD65.BASE", "AGE", "SEX"], method: .firth,
                                                       oddsRatioPer: ["AGE": 10, "GAD65.BASE": 2.5]))
        #expect(plan.figures == [.consort, .remissionRates])
    }

    @Test func customPlanRoundTripsThroughItsCanonicalYAML() throws {
        let plan = try AnalysisPlan.load(yaml: Self.custom).plan
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
    }

    @Test func builtInPlanRoundTripsThroughItsCanonicalYAML() throws {
        #expect(try AnalysisPlan.load(yaml: AnalysisPlan().canonicalYAML).plan == AnalysisPlan())
    }

    @Test func canonicalYAMLIsStableText() throws {
        let plan = try AnalysisPlan.load(yaml: Self.custom).plan
        let text = plan.canonicalYAML
        #expect(try AnalysisPlan.load(yaml: text).plan.canonicalYAML == text)
        #expect(text.hasSuffix("\n"))
        #expect(text.contains("visits: [0, 1.5, 6, 12, 24]\n"))
        #expect(text.contains("  \"GAD65\": {label: \"GAD antibodies\", unit: \"\", decimals: 0}\n"))
    }

    @Test func builtInCanonicalYAMLReadsAsDocumented() {
        #expect(AnalysisPlan().canonicalYAML == """
            title: "UC-MSC in recent-onset type 1 diabetes"
            arms:
              treatment: "UC-MSC"
              control: "Control"
            visits: [0, 3, 6, 9, 12]
            baselineVisit: 0
            primaryVisit: 12
            infusionMonths: [0, 3]
            parameters:
              "CPEPF": {label: "Fasting C-peptide", unit: "pmol/L", decimals: 1}
              "CPEPP": {label: "Postprandial C-peptide", unit: "pmol/L", decimals: 1}
              "HBA1C": {label: "HbA1c", unit: "%", decimals: 1}
              "INSDOSE": {label: "Daily insulin dose", unit: "IU/kg/day", decimals: 2}
            remission:
              parameters: ["CPEPF", "CPEPP"]
              rule: any
              minPercentIncrease: 10
              missing: nonResponder
            subgroups:
              - name: "Onset"
                variable: "AGEDX"
                cut: 18
                labels: ["Adult-onset", "Juvenile-onset"]
            continuousTest: mann-whitney
            pairedTest: wilcoxon
            logistic:
              population: treatment
              covariates: ["CPEPF.BASE", "MSCDOSE"]
              method: auto
              oddsRatioPer: {"CPEPF.BASE": 100}
            figures: [cpeptide-change, cpeptide-trajectory, hba1c-trajectory, insulin-dose-trajectory, insulin-independence, remission-rates, remission-forest, consort, adverse-events]

            """)
    }

    @Test func textWithLineBreaksTabsAndEscapesSurvivesTheRoundTrip() throws {
        var plan = AnalysisPlan()
        plan.title = "Line one\nline\ttwo \\ \u{A0} \u{FEFF} 中文"
        plan.subgroups = []
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
    }

    @Test func controlCharactersInPlanTextsAreRefusedAtTheirValue() throws {
        var plan = AnalysisPlan()
        plan.title = "bell \u{7} delete \u{7F} next line \u{85}"
        plan.subgroups = []
        let error = #expect(throws: TrialReportError.self) { try AnalysisPlan.load(yaml: plan.canonicalYAML) }
        #expect(error?.diagnostics.map(\.message) == [RenderableText.problem(with: "\u{7}")])
    }

    @Test func locationsPointAtTheWrittenValues() throws {
        let locations = try AnalysisPlan.load(yaml: Self.custom, file: "plans/study.yaml").locations
        #expect(locations["primaryVisit"].description == "plans/study.yaml:7:15")
        #expect(locations["logistic.covariates[1]"].description == "plans/study.yaml:33:28")
        #expect(locations["subgroups[1].variable"].description == "plans/study.yaml:26:15")
        #expect(locations["parameters.GAD65.unit"].description == "plans/study.yaml:13:11")
    }

    @Test func defaultValuesAreLocatedAtTheirNearestWrittenParentOrTheFile() throws {
        let locations = try AnalysisPlan.load(yaml: "title: T\nlogistic:\n  method: ml\n").locations
        #expect(locations["logistic.covariates[0]"].description == "study.yaml:3:3")
        #expect(locations["arms.control"].description == "study.yaml")
        #expect(!locations.contains("arms.control"))
        #expect(LoadedPlan.builtIn.locations["arms.control"].description == "built-in plan")
    }
}
