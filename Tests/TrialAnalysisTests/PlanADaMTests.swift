import Testing
import TrialAnalysis
import TrialData

/// The plan's description of ADaM data: `data`, the list form of `arms` and `sets`.
@Suite struct PlanADaMTests {
    static let pilot = """
        data:
          format: adam
          subjects: data/adsl.xpt
          events: data/adae.xpt
          related: [POSSIBLE, PROBABLE]
          notRelated: [NONE, REMOTE]
        arms:
          - {label: Placebo, reference: true, dose: 0}
          - {label: Xanomeline Low Dose, dose: 54}
          - {label: Xanomeline High Dose, dose: 81}
        sets:
          - {name: Safety, flag: SAFFL, byActualTreatment: true}
          - {name: Efficacy, flag: EFFFL}
        """

    @Test func pilotPlanReadsTheLayoutArmsAndSets() throws {
        let plan = try AnalysisPlan.load(yaml: Self.pilot).plan
        #expect(plan.data == .adam(AdamLayout(subjects: "data/adsl.xpt", events: "data/adae.xpt",
                                              relatedValues: ["POSSIBLE", "PROBABLE"], unrelatedValues: ["NONE", "REMOTE"])))
        #expect(plan.arms.ordered == ["Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"])
        #expect(plan.arms.list.map(\.dose) == [0, 54, 81])
        #expect(plan.arms.referenceIndex == 0)
        #expect(plan.arms.control == "Placebo")
        #expect(plan.sets == [AnalysisSet(name: "Safety", flag: "SAFFL", byActualTreatment: true),
                              AnalysisSet(name: "Efficacy", flag: "EFFFL")])
        guard case .adam(let layout) = plan.studyExpectations.layout else {
            Issue.record("the expectations should carry the ADaM layout")
            return
        }
        #expect(layout.flags == ["SAFFL", "EFFFL"])
    }

    @Test func pilotPlanRoundTripsThroughItsCanonicalYAML() throws {
        let plan = try AnalysisPlan.load(yaml: Self.pilot).plan
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
    }

    @Test func theShorthandStaysTheShorthand() throws {
        let plan = try AnalysisPlan.load(yaml: "arms: {treatment: A, control: B}").plan
        #expect(plan.arms.isShorthand)
        #expect(plan.arms.ordered == ["A", "B"])
        #expect(plan.canonicalYAML.contains("arms:\n  treatment: \"A\"\n  control: \"B\"\n"))
    }

    @Test func armListNeedsExactlyOneReferenceAndDistinctLabels() {
        #expect(planDiagnostics("arms:\n  - {label: A}\n  - {label: B}\n")
            == ["error: study.yaml:2:3: arms: one arm must be the reference ('reference: true')"])
        #expect(planDiagnostics("arms:\n  - {label: A, reference: true}\n  - {label: B, reference: true}\n")
            == ["error: study.yaml:2:3: arms: only one arm can be the reference; 2 are"])
        #expect(planDiagnostics("arms:\n  - {label: A, reference: true}\n  - {label: A}\n")
            == ["error: study.yaml:3:13: arms[1].label: arm 'A' is listed twice"])
        #expect(planDiagnostics("arms:\n  - {label: A, reference: true}\n")
            == ["error: study.yaml:2:3: arms: at least two arms are needed"])
        #expect(planDiagnostics("arms:\n  - {label: A, reference: maybe}\n  - {label: B, refrence: true}\n") == [
            "error: study.yaml:2:27: arms[0].reference: expected true or false, got \"maybe\"",
            "error: study.yaml:3:16: arms[1]: unknown key 'refrence'; did you mean 'reference'?",
        ])
    }

    @Test func setsNeedADaMDataAndDistinctNamesAndFlags() {
        #expect(planDiagnostics("sets:\n  - {name: Safety, flag: SAFFL}\n")
            == ["error: study.yaml:2:3: sets: analysis sets need subject-level flags: 'data: {format: adam, …}'"])
        let twice = "data: {format: adam}\nsets:\n  - {name: Safety, flag: SAFFL}\n  - {name: Safety, flag: SAFFL}\n"
        #expect(planDiagnostics(twice) == [
            "error: study.yaml:4:12: sets[1].name: 'Safety' is listed twice",
            "error: study.yaml:4:26: sets[1].flag: 'SAFFL' is listed twice",
        ])
    }

    @Test func dataKeysOfADaMNeedItsFormatAndFilesStayInsideTheFolder() {
        #expect(planDiagnostics("data: {subjects: adsl.xpt}\n")
            == ["error: study.yaml:1:18: data.subjects: 'subjects' needs 'format: adam' (the seed study's files have fixed names)"])
        #expect(planDiagnostics("data: {format: adam, subjects: ../other/adsl.xpt}\n")
            == ["error: study.yaml:1:32: data.subjects: '../other/adsl.xpt' must be a path inside the study folder"])
    }

    @Test func keysOfTheSeedStudysLayoutAreRefusedForADaMDataAtTheirLines() {
        let plan = "data: {format: adam}\nvisits: [0, 24]\nremission: {minPercentIncrease: 5}\nfigures: [consort]\n"
        let message = "is analysed only in the seed study's file layout; this version does not analyse it for CDISC ADaM data "
            + "(Guides/ADaMStudies.md lists what it does): remove it"
        #expect(planDiagnostics(plan) == [
            "error: study.yaml:2:9: visits: 'visits' \(message)",
            "error: study.yaml:3:12: remission: 'remission' \(message)",
            "error: study.yaml:4:11: figures[0]: figure 'consort' is not drawn for a CDISC ADaM study, which draws "
                + FigureName.adam.map { "'\($0.rawValue)'" }.joined(separator: ", "),
        ])
        #expect(planDiagnostics("figures: [consort, endpoint-forest]\n") == [
            "error: study.yaml:1:20: figures[1]: figure 'endpoint-forest' is not drawn for the seed study's file layout, which draws "
                + FigureName.seedStudy.map { "'\($0.rawValue)'" }.joined(separator: ", "),
        ])
    }

    @Test func anADaMPlanDrawsItsOwnFiguresAndWritesNoSeedStudyKey() throws {
        let plan = try AnalysisPlan.load(yaml: Self.pilot).plan
        #expect(plan.figures == FigureName.adam)
        #expect(plan.canonicalYAML.contains("\nfigures: [" + FigureName.adam.map(\.rawValue).joined(separator: ", ") + "]\n"))
        for key in ["visits", "parameters", "remission", "subgroups", "logistic", "infusionMonths"] {
            #expect(!plan.canonicalYAML.contains("\n\(key):"), "\(key)")
        }
        let chosen = try AnalysisPlan.load(yaml: Self.pilot + "\nfigures: [emergent-events]\n").plan
        #expect(chosen.figures == [.emergentEvents])
        #expect(try AnalysisPlan.load(yaml: chosen.canonicalYAML).plan == chosen)
    }
}
