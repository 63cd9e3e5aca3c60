import Foundation
import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// What the figures say: numbers through `Display`, names from the plan, the registry.
@Suite struct FigureContentTests {
    static let figures = TrialFigures(results: FigureSamples.example, plan: FigureSamples.plan)

    static func text(_ name: FigureName, _ results: Results = FigureSamples.example, plan: AnalysisPlan = FigureSamples.plan) -> String {
        FigureFiles.texts(TrialFigures(results: results, plan: plan).build(name)).joined(separator: "\n")
    }

    @Test func everyNameBuildsItsOwnFigure() {
        for name in FigureName.seedStudy { #expect(Self.figures.build(name).name == name) }
    }

    @Test func remissionRatesShowFisherPValuesAndGroupSizes() {
        let text = Self.text(.remissionRates)
        #expect(text.contains("p\u{A0}=\u{A0}0.016"))
        #expect(text.contains("p\u{A0}>\u{A0}0.999"))
        #expect(text.contains("Adult-onset\n(n\u{A0}=\u{A0}17 vs\u{A0}16)"))
    }

    @Test func forestNamesTheMethodAndShowsOddsRatiosWithReadableDecimals() {
        let text = Self.text(.remissionForest)
        #expect(text.contains("Firth's penalized-likelihood logistic regression"))
        // 0.9979 would read "1.00" with two decimals; three keep the interval off 1.
        #expect(text.contains("0.988 (0.975 to 0.998)"))
        #expect(text.contains("Univariable models"))
        var ml = FigureSamples.example
        ml.logistic?.method = .ml
        ml.logistic?.univariable = []
        let mlText = Self.text(.remissionForest, ml)
        #expect(mlText.replacingOccurrences(of: "\n", with: " ").contains("Multivariable model: maximum-likelihood logistic regression"))
        #expect(mlText.contains("Wald 95% CI and p."))
        #expect(!mlText.contains("Univariable models"))
    }

    @Test func trajectoryNoteNamesAnArmWithoutValuesAtAVisit() throws {
        var results = FigureSamples.example
        let index = try #require(results.figureData.trajectories.firstIndex { $0.parameter == "HBA1C" && $0.subgroup == nil })
        let visit = try #require(results.figureData.trajectories[index].byArm[1].points.firstIndex { $0.visit == 6 })
        results.figureData.trajectories[index].byArm[1].points[visit] = TrajectoryPoint(visit: 6, n: 0, mean: nil, sem: nil)
        let text = Self.text(.hba1cTrajectory, results).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("No values: Control at month 6."))
        #expect(!Self.text(.hba1cTrajectory).contains("No values"))
    }

    @Test func forestWritesNotEstimableForAnInfiniteOddsRatio() {
        var separated = FigureSamples.example
        separated.logistic?.terms[2] = LogisticTerm(term: "MSCDOSE", estimate: nil, standardError: nil, oddsRatio: nil,
                                                    ciLower: nil, ciUpper: nil, pValue: nil)
        #expect(Self.text(.remissionForest, separated).contains("not estimable"))
    }

    @Test func armNamesComeFromThePlan() {
        var plan = FigureSamples.plan
        plan.arms = ArmLabels(treatment: "Cells", control: "Standard care")
        var results = FigureSamples.example
        results.remission?.overall.byArm[0].arm = "Cells"
        results.remission?.overall.byArm[1].arm = "Standard care"
        let text = Self.text(.remissionRates, results, plan: plan)
        #expect(text.contains("Cells") && text.contains("Standard care"))
    }

    @Test func consortFollowsTheParticipantFlow() {
        let text = Self.text(.consort)
        #expect(text.contains("Enrolled (n\u{A0}=\u{A0}53)"))
        #expect(text.contains("Allocated to UC-MSC (n\u{A0}=\u{A0}27)"))
        #expect(text.contains("Received second infusion (n\u{A0}=\u{A0}26)"))
        #expect(text.contains("Completed month 12 (n\u{A0}=\u{A0}25)"))
    }

    @Test func swimmerLabelsEachDurationAndSaysWhoStoppedInsulin() {
        let text = Self.text(.insulinIndependence)
        for duration in ["11.5\u{A0}mo", "7.0\u{A0}mo", "3.0\u{A0}mo"] { #expect(text.contains(duration)) }
        #expect(text.contains("UC-MSC 3 of 27, Control 0 of 26"))
    }

    @Test func missingFigureDataGivesEmptyPanelsNotACrash() throws {
        for name in [FigureName.cpeptideChange, .cpeptideTrajectory, .hba1cTrajectory, .insulinDoseTrajectory] {
            var results = FigureSamples.example
            results.figureData = .empty
            let png = try TrialFigures(results: results, plan: FigureSamples.plan).build(name).render(as: .png, dpi: 72)
            #expect(!png.isEmpty)
        }
    }

    @Test func aWidthOverridesEveryFiguresOwnDownToItsNarrowest() {
        for name in FigureName.seedStudy where name != .remissionForest {
            let figure = Self.figures.build(name, width: .single)
            #expect(figure.width == .single && abs(figure.canvas().size.width - Length.singleColumn.points) < 1e-9)
        }
        #expect(Self.figures.build(.remissionForest, width: .single).width == .onehalf)
        #expect(Self.figures.build(.adverseEvents).width == .double)
        #expect(Self.figures.build(.remissionRates).width == .single)
    }

    @Test func writeAllWritesThePlansFiguresInEachFormat() throws {
        var plan = FigureSamples.plan
        plan.figures = [.consort, .remissionRates]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try TrialFigures(results: FigureSamples.example, plan: plan).writeAll(to: folder, dpi: 72)
        #expect(written.map(\.lastPathComponent) == ["consort.pdf", "consort.svg", "consort.png",
                                                      "remission-rates.pdf", "remission-rates.svg", "remission-rates.png"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 6)
    }
}
