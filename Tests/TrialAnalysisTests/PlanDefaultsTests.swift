import Testing
import TrialAnalysis

@Suite struct PlanDefaultsTests {
    @Test func builtInPlanIsTheSeedStudyOfSpecSection2() {
        let plan = AnalysisPlan()
        #expect(plan.title == "UC-MSC in recent-onset type 1 diabetes")
        #expect(plan.arms == ArmLabels(treatment: "UC-MSC", control: "Control"))
        #expect(plan.visits == [0, 3, 6, 9, 12])
        #expect(plan.primaryVisit == 12)
        #expect(plan.remission == RemissionRule(parameters: ["CPEPF", "CPEPP"], rule: .any, minPercentIncrease: 10, missing: .nonResponder))
        #expect(plan.subgroups == [SubgroupDefinition(name: "Onset", variable: "AGEDX", cut: 18,
                                                      labelAtOrAboveCut: "Adult-onset", labelBelowCut: "Juvenile-onset")])
        #expect(plan.continuousTest == .mannWhitney)
        #expect(plan.pairedTest == .wilcoxon)
        #expect(plan.logistic == LogisticSpecification(population: .treatment, covariates: ["CPEPF.BASE", "MSCDOSE"], method: .auto))
    }

    @Test func oddsRatiosOfBaselineFastingCPeptideArePer100UnitsUnlessTheModelLeavesItOut() throws {
        #expect(AnalysisPlan().logistic.oddsRatioPer == ["CPEPF.BASE": 100])
        let kept = try AnalysisPlan.load(yaml: "logistic:\n  covariates: [CPEPF.BASE, AGE]\n").plan
        #expect(kept.logistic.oddsRatioPer == ["CPEPF.BASE": 100])
        let dropped = try AnalysisPlan.load(yaml: "logistic:\n  covariates: [AGE]\n").plan
        #expect(dropped.logistic.oddsRatioPer.isEmpty)
        let perUnit = try AnalysisPlan.load(yaml: "logistic:\n  oddsRatioPer: {}\n").plan
        #expect(perUnit.logistic.oddsRatioPer.isEmpty)
    }

    @Test func builtInPlanHasTheSeedStudyExtras() {
        let plan = AnalysisPlan()
        #expect(plan.baselineVisit == 0)
        #expect(plan.infusionMonths == [0, 3])
        #expect(plan.parameters.map(\.code) == ["CPEPF", "CPEPP", "HBA1C", "INSDOSE"])
        #expect(plan.parameters.map(\.unit) == ["pmol/L", "pmol/L", "%", "IU/kg/day"])
        #expect(plan.figures == FigureName.seedStudy)
        #expect(plan.followUpVisits == [3, 6, 9, 12])
    }

    @Test func emptyAndCommentOnlyFilesGiveTheBuiltInPlan() throws {
        #expect(try AnalysisPlan.load(yaml: "").plan == AnalysisPlan())
        #expect(try AnalysisPlan.load(yaml: "# nothing yet\n").plan == AnalysisPlan())
    }

    @Test func specSection2ExampleGivesTheBuiltInPlan() throws {
        let yaml = """
            title: "UC-MSC in recent-onset type 1 diabetes"
            arms: {treatment: "UC-MSC", control: "Control"}
            visits: [0, 3, 6, 9, 12]          # months; 0 is baseline
            primaryVisit: 12
            remission:                         # primary endpoint
              parameters: [CPEPF, CPEPP]
              rule: any                        # any | all
              minPercentIncrease: 10           # percent change from baseline >= 10 (exactly 10 counts)
              missing: nonResponder            # nonResponder | completeCase
            subgroups:
              - name: Onset
                variable: AGEDX
                cut: 18                        # value >= cut -> labels[0], else labels[1]
                labels: ["Adult-onset", "Juvenile-onset"]
            continuousTest: mann-whitney       # mann-whitney | welch-t   (between arms)
            pairedTest: wilcoxon               # wilcoxon | paired-t      (within arm, visit vs baseline)
            logistic:                          # predictors of remission
              population: treatment            # treatment | all
              covariates: [CPEPF.BASE, MSCDOSE]  # ADSL columns or PARAMCD.BASE (baseline value)
              method: auto                     # ml | firth | auto
            """
        #expect(try AnalysisPlan.load(yaml: yaml).plan == AnalysisPlan())
    }

    @Test func partialSectionsKeepTheirOtherDefaults() throws {
        let plan = try AnalysisPlan.load(yaml: "remission: {rule: all}\nlogistic: {method: ml}\narms: {control: Standard care}\n").plan
        #expect(plan.remission == RemissionRule(rule: .all))
        #expect(plan.logistic == LogisticSpecification(method: .ml))
        #expect(plan.arms == ArmLabels(treatment: "UC-MSC", control: "Standard care"))
    }

    @Test func subgroupWithoutNameAndLabelsIsNamedForItsVariableAndCut() throws {
        let plan = try AnalysisPlan.load(yaml: "subgroups:\n  - {variable: AGE, cut: 30}\n").plan
        #expect(plan.subgroups == [SubgroupDefinition(name: "AGE", variable: "AGE", cut: 30,
                                                      labelAtOrAboveCut: "AGE >= 30", labelBelowCut: "AGE < 30")])
        #expect(plan.subgroups[0].level(of: 30) == "AGE >= 30")
        #expect(plan.subgroups[0].level(of: 29.9) == "AGE < 30")
        #expect(plan.subgroups[0].level(of: nil) == nil)
    }

    @Test func visitsAreUsedInAscendingOrder() throws {
        #expect(try AnalysisPlan.load(yaml: "visits: [12, 0, 6]\nprimaryVisit: 6\n").plan.visits == [0, 6, 12])
    }

    @Test func baselineCovariateNamesItsParameter() {
        #expect(LogisticSpecification.baselineParameter(of: "CPEPF.BASE") == "CPEPF")
        #expect(LogisticSpecification.baselineParameter(of: "MSCDOSE") == nil)
        #expect(LogisticSpecification.baselineParameter(of: ".BASE") == nil)
    }
}
