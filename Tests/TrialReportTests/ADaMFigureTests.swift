import Foundation
import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// The figures of a CDISC ADaM study, on the CDISC pilot (three arms): which are drawn, the arms'
/// styles, and that the numbers plotted are the numbers of the results. The files themselves (PNG,
/// SVG, PDF, identical bytes) are checked with every figure in `FigureRenderingTests`.
@Suite struct ADaMFigureTests {
    static let results = FigureSamples.pilot.results
    static let plan = FigureSamples.pilot.plan
    static let figures = TrialFigures(results: results, plan: plan)
    static let arms = ["Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"]

    static func figure(_ name: FigureName) throws -> Figure {
        try #require(figures.build(name).drawable as? Figure)
    }

    static func text(_ name: FigureName) -> String {
        FigureFiles.texts(figures.build(name)).joined(separator: "\n").replacingOccurrences(of: "\n", with: " ")
    }

    /// The number of a coordinate on a continuous axis, or its category.
    static func number(_ coordinate: Coordinate) -> Double? {
        if case .value(let value) = coordinate { return value }
        return nil
    }

    static func category(_ coordinate: Coordinate) -> String? {
        if case .category(let name) = coordinate { return name }
        return nil
    }

    @Test func thePilotDrawsTheADaMFiguresAndNoSeedStudyFigure() {
        #expect(Self.plan.figures == FigureName.adam)
        #expect(Self.figures.names == FigureName.adam)
        for name in FigureName.seedStudy { #expect(!Self.figures.canDraw(name), "\(name.rawValue)") }
        let seed = TrialFigures(results: FigureSamples.example, plan: FigureSamples.plan)
        for name in FigureName.adam { #expect(!seed.canDraw(name), "\(name.rawValue)") }
    }

    @Test func eachArmHasItsOwnColourSymbolAndLineTypeInThePlansOrder() throws {
        let styles = Self.plan.armOrder.map { Self.plan.armStyles[$0] }.compactMap { $0 }
        #expect(Self.plan.armOrder == Self.arms && styles.count == 3)
        #expect(styles.map(\.color) == Array(Palette.okabeIto.prefix(3)))
        #expect(Set(styles.map(\.shape)).count == 3 && Set(styles.map(\.dash)).count == 3)
        // Two arms keep the styles the seed study's figures have always had.
        for index in 0..<2 {
            #expect(SeriesStyle.distinct(index: index, palette: Palette.okabeIto) == SeriesStyle.automatic(index: index, palette: Palette.okabeIto))
        }
        for name in [FigureName.endpointMeans, .emergentEvents] {
            #expect(try Self.figure(name).seriesNames == Self.arms, "\(name.rawValue) legend")
        }
    }

    @Test func meansByVisitAreTheResultsMeansWithTheirIntervals() throws {
        let endpoint = try #require(Self.results.modelEndpoints.first)
        let panel = try #require(try Self.figure(.endpointMeans).panels.first)
        var means: [String: Double] = [:]
        var intervals: [String: [Double]] = [:]
        for mark in panel.marks {
            if let point = mark as? PointMark, let visit = Self.category(point.x), let y = Self.number(point.y) {
                means["\(visit) \(point.series ?? "")"] = y
            }
            if let bar = mark as? ErrorBarMark, let visit = Self.category(bar.position) {
                intervals["\(visit) \(bar.series ?? "")"] = [bar.lower, bar.upper]
            }
        }
        var expectedMeans: [String: Double] = [:]
        var expectedIntervals: [String: [Double]] = [:]
        for visit in endpoint.byVisit {
            for arm in visit.byArm {
                if let mean = arm.mean { expectedMeans["\(visit.visitLabel) \(arm.arm)"] = mean }
                if let lower = arm.ciLower, let upper = arm.ciUpper { expectedIntervals["\(visit.visitLabel) \(arm.arm)"] = [lower, upper] }
            }
        }
        #expect(means.count == 9 && means == expectedMeans)
        #expect(intervals.count == 9 && intervals == expectedIntervals)
        // The baseline visit has no change from baseline: it is not drawn.
        guard case .categorical(let visits) = panel.x.kind else { Issue.record("the visits are not categories"); return }
        #expect(visits == ["Week 8", "Week 16", "Week 24"])
    }

    @Test func theForestShowsEachArmsDifferenceFromTheReference() throws {
        let endpoint = try #require(Self.results.modelEndpoints.first)
        let panel = try #require(try Self.figure(.endpointForest).panels.first)
        var plotted: [String: [Double]] = [:]
        for mark in panel.marks {
            if let point = mark as? PointMark, let arm = Self.category(point.y), let x = Self.number(point.x) { plotted[arm, default: []].insert(x, at: 0) }
            if let bar = mark as? ErrorBarMark, let arm = Self.category(bar.position) { plotted[arm, default: []] += [bar.lower, bar.upper] }
        }
        let expected = Dictionary(uniqueKeysWithValues: endpoint.differences.compactMap { difference in
            difference.difference.flatMap { estimate in
                estimate.estimate.map { (difference.arm, [$0, estimate.ciLower ?? .nan, estimate.ciUpper ?? .nan]) }
            }
        })
        #expect(plotted.count == 2 && plotted == expected)
        let cells = panel.textColumns[0].cells.mapValues(\.plainText)
        let low = try #require(endpoint.differences.first?.difference)
        #expect(cells["Xanomeline Low Dose"] == Display.estimateWithInterval(low.estimate, lower: low.ciLower, upper: low.ciUpper, decimals: 2))
        #expect(panel.textColumns[1].cells["Xanomeline Low Dose"]?.plainText == Display.pValue(low.pValue))
    }

    @Test func emergentEventsShowEachArmsPercentageOfTheMostFrequentTerms() throws {
        let events = try #require(Self.results.treatmentEmergentEvents)
        let panel = try #require(try Self.figure(.emergentEvents).panels.first)
        var plotted: [String: Double] = [:]
        for mark in panel.marks {
            if let point = mark as? PointMark, let term = Self.category(point.y), let x = Self.number(point.x) {
                plotted["\(term) \(point.series ?? "")"] = x
            }
        }
        let sizes = Dictionary(uniqueKeysWithValues: events.arms.map { ($0.arm, $0.n) })
        let terms = events.classes.flatMap(\.terms)
        let top = terms.map(\.incidence.totalSubjects).sorted(by: >)[EmergentEventsFigure.maximumTerms - 1]
        var expected: [String: Double] = [:]
        for term in terms where term.incidence.totalSubjects > top {
            for count in term.incidence.byArm { expected["\(term.term) \(count.arm)"] = 100 * Double(count.subjects) / Double(sizes[count.arm] ?? 0) }
        }
        #expect(plotted.count == 3 * EmergentEventsFigure.maximumTerms)
        // Every term more frequent than the 20th is drawn with each arm's percentage (ties at the 20th are cut by table order).
        for (key, value) in expected { #expect(plotted[key] == value, "\(key)") }
        #expect(!expected.isEmpty)
    }

    @Test func notesSayWhatIsDrawnOnWhomAndHowMany() {
        let means = Self.text(.endpointMeans)
        #expect(means.contains("Mean with 95% CI (t distribution) by visit and arm."))
        #expect(means.contains("ADAS-Cog(11) change from baseline to week 24: the change from baseline of Adas-Cog(11) Subscore (ACTOT) "
            + "in the Efficacy set (N\u{A0}=\u{A0}234)"))
        #expect(means.contains("records with ANL01FL = Y"))
        let forest = Self.text(.endpointForest)
        #expect(forest.contains("analysis of covariance CHG ~ arm + SITEGR1 + BASE"))
        #expect(forest.contains("proportional weights"))
        #expect(forest.contains("Difference in LS means from Placebo (95% CI)"))
        let events = Self.text(.emergentEvents)
        #expect(events.contains("the Safety set by actual treatment (Placebo n\u{A0}=\u{A0}86"))
        #expect(events.contains("most frequent of"))
    }

    @Test func withoutTheConsortFlowTheDispositionFlowCountsEachArmAsTheDispositionTableDoes() throws {
        let disposition = try #require(Self.results.disposition)
        var withoutConsort = Self.results
        withoutConsort.consortFlow = nil
        let text = FigureFiles.texts(TrialFigures(results: withoutConsort, plan: Self.plan).build(.dispositionFlow))
            .joined(separator: "\n").replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Intent-to-treat set (n\u{A0}=\u{A0}254)"))
        for (column, arm) in disposition.arms.enumerated() {
            #expect(text.contains("Allocated to \(arm.arm) (n\u{A0}=\u{A0}\(arm.n))"), "\(arm.arm)")
            #expect(text.contains("\(disposition.completed.label) (n\u{A0}=\u{A0}\(disposition.completed.byArm[column]))"))
            #expect(text.contains("\(disposition.discontinued.label) (n\u{A0}=\u{A0}\(disposition.discontinued.byArm[column]))"))
        }
        // The pilot's CSR Table 14-1.02: 60, 28 and 30 completed week 24; 8, 44 and 39 left for an adverse event.
        #expect(disposition.completed.byArm == [60, 28, 30])
        #expect(disposition.reasons.first { $0.label == "Adverse Event" }?.byArm == [8, 44, 39])
        #expect(text.contains("Adverse Event (44)") && text.contains("Efficacy (n\u{A0}=\u{A0}74)"))
        // A reason no one in an arm gave is not listed in that arm's box.
        #expect(Self.figures.canDraw(.dispositionFlow))
        var withoutDisposition = Self.results
        withoutDisposition.disposition = nil
        #expect(!TrialFigures(results: withoutDisposition, plan: Self.plan).canDraw(.dispositionFlow))
    }

    @Test func withTheConsortFlowTheFigureHasTheConsort2010BoxesWithItsCounts() throws {
        var results = Self.results
        var flow = try #require(results.consortFlow)
        flow.assessed = 300
        flow.excluded = [ConsortCount(reason: "Declined to participate", n: 46)]
        results.consortFlow = flow
        let text = FigureFiles.texts(TrialFigures(results: results, plan: Self.plan).build(.dispositionFlow))
            .joined(separator: "\n").replacingOccurrences(of: "\n", with: " ")
        let n = { (count: Int) in "(n\u{A0}=\u{A0}\(count))" }
        for box in ["Assessed for eligibility \(n(300))", "Excluded \(n(46))", "Declined to participate \(n(46))", "Randomised \(n(254))"] {
            #expect(text.contains(box), "\(box)")
        }
        for arm in flow.arms {
            #expect(text.contains("Allocated to \(arm.arm) \(n(arm.allocated))"), "\(arm.arm)")
            #expect(text.contains("Received allocated intervention \(n(try #require(arm.received)))"))
            #expect(text.contains("Lost to follow-up \(n(arm.lostToFollowUp))") && text.contains("Discontinued \(n(arm.discontinued))"))
            for set in arm.analysis { #expect(text.contains("\(set.set) set \(n(set.analysed))")) }
        }
        // The pilot: every participant received the allocated intervention; the efficacy set leaves out 7, 3 and 10.
        #expect(flow.arms.map(\.received) == [86, 84, 84])
        #expect(flow.arms.map { $0.analysis.last?.excluded } == [7, 3, 10])
        #expect(text.contains("Efficacy set: EFFFL not Y \(n(10))"))
    }

    /// An endpoint analysed on the log scale (`logOffset`): its panel plots each arm's ratio of
    /// geometric means with its CI on a log axis, the reference line at 1, the ratio in the text column.
    @Test func aLogScaleEndpointsForestShowsTheRatio() throws {
        var results = Self.results
        let difference = ModelEstimate(estimate: 0.1, se: 0.05, df: 200, ciLower: 0.0, ciUpper: 0.2, t: 2, pValue: 0.047)
        results.modelEndpoints = [try #require(Self.results.modelEndpoints.first)]
        results.modelEndpoints[0].logOffset = 1
        let ratio = BackTransformedEstimate(estimate: exp(0.1), ciLower: 1, ciUpper: exp(0.2))
        results.modelEndpoints[0].differences = [
            ModelDifference(arm: "Xanomeline High Dose", reference: "Placebo", difference: difference, ratio: ratio),
        ]
        let figure = try #require(TrialFigures(results: results, plan: Self.plan).build(.endpointForest).drawable as? Figure)
        let panel = try #require(figure.panels.first)
        let points = panel.marks.compactMap { $0 as? PointMark }.compactMap { Self.number($0.x) }
        #expect(points == [exp(0.1)])
        #expect(panel.marks.compactMap { $0 as? RuleMark }.count == 1)
        #expect(panel.textColumns[0].title.plainText == "Ratio (95% CI)")
        #expect(panel.textColumns[0].cells["Xanomeline High Dose"]?.plainText
            == Display.estimateWithInterval(exp(0.1), lower: 1, upper: exp(0.2), decimals: 2))
        #expect(panel.x.title.plainText.hasPrefix("Ratio of geometric means of value + 1 to Placebo"))
    }

}
