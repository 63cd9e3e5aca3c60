import Foundation
import Plot

/// One figure of each kind, drawn from made-up but deterministic data, with the page size it is meant for.
struct GalleryFigure: Sendable {
    var name: String
    var drawable: any Drawable
    var width: Length
    var height: Length
}

enum MadeUpData {
    /// A standard normal deviate from two hashed uniforms (Box–Muller); deterministic in `seed`.
    static func normal(_ seed: UInt64) -> Double {
        let u1 = max(Jitter.unitOffset(seed: seed &* 2 &+ 1), 1e-12)
        let u2 = Jitter.unitOffset(seed: seed &* 2 &+ 2)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    static func sample(count: Int, mean: Double, sd: Double, seed: UInt64) -> [Double] {
        (0..<count).map { mean + sd * normal(seed &* 1000 &+ UInt64($0)) }
    }
}

enum Gallery {
    static let arms = ["UC-MSC", "Control"]

    static var all: [GalleryFigure] {
        [boxWithJitter, trajectories, swimmer, forest, barsWithCI, dotPlot, consort, unicodeText]
    }

    /// Percent change by onset group and arm: boxes, jittered points, n under each group, p-value brackets.
    static var boxWithJitter: GalleryFigure {
        // No-break spaces keep "(n = 17 vs 16)" on one line when labels wrap in narrow figures.
        let groups = [("Adult-onset\n(n\u{A0}=\u{A0}17\u{A0}vs\u{A0}16)", [17, 16]),
                      ("Juvenile-onset\n(n\u{A0}=\u{A0}10\u{A0}vs\u{A0}10)", [10, 10])]
        let figure = Figure(legend: .top) {
            for (panelIndex, parameter) in ["Fasting C-peptide", "Postprandial C-peptide"].enumerated() {
                Panel(title: RichText(parameter), x: .categorical(groups.map(\.0)), y: .linear("Change from baseline (%)")) {
                    for (groupIndex, group) in groups.enumerated() {
                        for (armIndex, arm) in arms.enumerated() {
                            let seed = UInt64(panelIndex * 100 + groupIndex * 10 + armIndex)
                            let shift = armIndex == 0 && groupIndex == 0 ? 35.0 : 0
                            let values = MadeUpData.sample(count: group.1[armIndex], mean: -10 + shift, sd: 30, seed: seed)
                            BoxMark(x: .category(group.0), statistics: BoxStatistics(values: values)!, series: arm,
                                    showsOutliers: false)
                            for (index, value) in values.enumerated() {
                                PointMark(x: .category(group.0), y: .value(value), series: arm, jitter: 0.7,
                                          jitterSeed: seed &* 1000 &+ UInt64(index), size: 3.2, opacity: 0.85)
                            }
                        }
                        BracketMark(from: .category(group.0), series: arms[0], to: .category(group.0), series: arms[1],
                                    y: 110, label: groupIndex == 0 ? "p = 0.012" : "p = 0.64")
                    }
                    RuleMark(y: 0)
                }
            }
        }
        return GalleryFigure(name: "box-jitter", drawable: figure, width: .doubleColumn, height: .millimetres(80))
    }

    /// Mean ± SEM over visits by arm, infusions marked at months 0 and 3; rows by onset group.
    static var trajectories: GalleryFigure {
        let visits = [0.0, 3, 6, 9, 12]
        let figure = Figure(columns: 2, sharesX: true, legend: .top, continuousDodge: 3) {
            for (rowIndex, group) in ["Adult-onset", "Juvenile-onset"].enumerated() {
                for (columnIndex, parameter) in ["Fasting", "Postprandial"].enumerated() {
                    Panel(title: RichText("\(parameter) C-peptide, \(group.lowercased())"),
                          x: .linear("Month", ticks: visits), y: .linear("C-peptide (pmol/L)")) {
                        RuleMark(x: 0, label: "Infusion")
                        RuleMark(x: 3, label: "Infusion")
                        for (armIndex, arm) in arms.enumerated() {
                            let base = columnIndex == 0 ? 250.0 : 700
                            let means = visits.enumerated().map { visitIndex, month in
                                base * (1 + (armIndex == 0 ? 0.02 : -0.04) * month) - Double(rowIndex) * 40
                                    + 10 * MadeUpData.normal(UInt64(visitIndex + 10 * armIndex + 100 * rowIndex))
                            }
                            let sem = columnIndex == 0 ? 22.0 : 60
                            LineMark(points: zip(visits, means).map { (.value($0), .value($1)) }, series: arm)
                            for (month, mean) in zip(visits, means) {
                                ErrorBarMark(at: .value(month), lower: mean - sem, upper: mean + sem, series: arm)
                                PointMark(x: .value(month), y: .value(mean), series: arm)
                            }
                        }
                    }
                }
            }
        }
        return GalleryFigure(name: "trajectory", drawable: figure, width: .doubleColumn, height: .millimetres(120))
    }

    /// One bar per insulin-independent participant, arrow when ongoing, infusions marked, duration labelled.
    static var swimmer: GalleryFigure {
        let episodes: [(id: String, start: Double, end: Double, ongoing: Bool, arm: String)] = [
            ("P-017", 3.2, 12, true, "UC-MSC"), ("P-004", 4.1, 11.5, false, "UC-MSC"),
            ("P-031", 5.0, 9.6, false, "UC-MSC"), ("P-022", 6.3, 9.4, false, "Control"),
        ].sorted { ($0.2 - $0.1) > ($1.2 - $1.1) }
        let figure = Figure(legend: .bottom) {
            Panel(x: .linear("Months since first infusion", limits: 0...13.5, ticks: [0, 3, 6, 9, 12]),
                  y: .categorical(episodes.map(\.id), title: "Participant")) {
                RuleMark(x: 0, label: "Infusion")
                RuleMark(x: 3, label: "Infusion")
                for episode in episodes {
                    RangeMark(row: .category(episode.id), from: episode.start, to: episode.end, series: episode.arm,
                              arrow: episode.ongoing, label: RichText(String(format: "%.1f mo", episode.end - episode.start)))
                }
            }
        }
        return GalleryFigure(name: "swimmer", drawable: figure, width: .oneAndHalfColumn, height: .millimetres(55))
    }

    /// Odds ratios and 95% CIs on a log axis with a text column of the numbers.
    static var forest: GalleryFigure {
        let rows: [(label: String, or: Double, lower: Double, upper: Double, p: String)] = [
            ("UC-MSC vs control", 6.8, 1.6, 29.5, "0.010"),
            ("Adult-onset (age at diagnosis ≥ 18 y)", 2.1, 0.55, 8.1, "0.28"),
            ("Baseline HbA\u{2081}c, per 1%", 0.62, 0.33, 1.15, "0.13"),
            ("Baseline C-peptide, per 100 pmol/L", 1.35, 0.92, 1.98, "0.12"),
            ("Female vs male", 0.85, 0.24, 3.0, "0.80"),
        ]
        let cells = Dictionary(uniqueKeysWithValues: rows.map {
            ($0.label, RichText(String(format: "%.2f (%.2f, %.2f)", $0.or, $0.lower, $0.upper)))
        })
        let pCells = Dictionary(uniqueKeysWithValues: rows.map { ($0.label, RichText($0.p)) })
        let figure = Figure(legend: .none, note: "Firth-penalised logistic regression; profile-likelihood 95% CIs.") {
            Panel(x: .log("Odds ratio (95% CI), log scale"), y: .categorical(rows.map(\.label)),
                  textColumns: [TextColumn(title: "OR (95% CI)", cells: cells), TextColumn(title: "p", cells: pCells, alignment: .trailing)]) {
                RuleMark(x: 1, dashed: true)
                for row in rows {
                    ErrorBarMark(at: .category(row.label), lower: row.lower, upper: row.upper, orientation: .horizontal,
                                 capWidth: 0)
                    PointMark(x: .value(row.or), y: .category(row.label), shape: .square)
                }
            }
        }
        return GalleryFigure(name: "forest", drawable: figure, width: .doubleColumn, height: .millimetres(60))
    }

    /// Remission percentage with 95% Wilson CIs by arm, overall and by onset group, with Fisher p.
    static var barsWithCI: GalleryFigure {
        let groups = ["Overall", "Adult-onset", "Juvenile-onset"]
        let values: [[(Double, Double, Double)]] = [
            [(40.7, 24.5, 59.3), (11.5, 4.0, 29.0)], [(47.1, 26.2, 69.0), (6.3, 1.1, 28.3)], [(30.0, 10.8, 60.3), (20.0, 5.7, 51.0)],
        ]
        let pValues = ["p = 0.025", "p = 0.018", "p > 0.99"]
        let figure = Figure(legend: .top) {
            Panel(x: .categorical(groups), y: .linear("Participants in remission (%)", limits: 0...100, ticks: [0, 20, 40, 60, 80, 100])) {
                for (groupIndex, group) in groups.enumerated() {
                    for (armIndex, arm) in arms.enumerated() {
                        let (estimate, lower, upper) = values[groupIndex][armIndex]
                        BarMark(x: .category(group), value: estimate, series: arm)
                        ErrorBarMark(at: .category(group), lower: lower, upper: upper, series: arm)
                    }
                    BracketMark(from: .category(group), series: arms[0], to: .category(group), series: arms[1],
                                y: 80, label: RichText(pValues[groupIndex]))
                }
            }
        }
        return GalleryFigure(name: "bars-ci", drawable: figure, width: .singleColumn, height: .millimetres(70))
    }

    /// Adverse-event incidence by term and arm, with the risk difference and its CI in a second panel.
    static var dotPlot: GalleryFigure {
        let terms = ["Headache", "Fever", "Upper respiratory tract infection", "Hypoglycaemia", "Nausea", "Fatigue"]
        let incidence: [[Double]] = [[30, 24], [31, 19], [22, 23], [23, 12], [14, 8], [15, 16]]
        let figure = Figure(sharesY: true, legend: .bottom) {
            Panel(x: .linear("Participants with event (%)", includesZero: true), y: .categorical(terms)) {
                for (termIndex, term) in terms.enumerated() {
                    for (armIndex, arm) in arms.enumerated() {
                        PointMark(x: .value(incidence[termIndex][armIndex]), y: .category(term), series: arm)
                    }
                }
            }
            Panel(x: .linear("Risk difference (percentage points)"), y: .categorical(terms)) {
                RuleMark(x: 0)
                for (termIndex, term) in terms.enumerated() {
                    let difference = incidence[termIndex][0] - incidence[termIndex][1]
                    let halfWidth = 14.0 + 2 * Double(termIndex)
                    ErrorBarMark(at: .category(term), lower: difference - halfWidth, upper: difference + halfWidth, orientation: .horizontal,
                                 capWidth: 0)
                    PointMark(x: .value(difference), y: .category(term), shape: .diamond)
                }
            }
        }
        return GalleryFigure(name: "dot-plot", drawable: figure, width: .doubleColumn, height: .millimetres(70))
    }

    /// The CONSORT participant flow.
    static var consort: GalleryFigure {
        let diagram = FlowDiagram(columns: 2, boxes: [
            .init("assessed", "Assessed for eligibility (n = 64)\nExcluded (n = 11): not meeting inclusion criteria (n = 8), declined (n = 3)",
                  row: 0, column: 0, span: 2),
            .init("randomised", "Randomised (n = 53)", row: 1, column: 0, span: 2, isHeader: true),
            .init("a", "Allocated to UC-MSC (n = 27)\nReceived first infusion (n = 27)", row: 2, column: 0),
            .init("b", "Allocated to control (n = 26)\nReceived standard care (n = 26)", row: 2, column: 1),
            .init("a2", "Received second infusion (n = 26)", row: 3, column: 0),
            .init("b2", "Second visit attended (n = 26)", row: 3, column: 1),
            .init("a3", "Completed 12 months (n = 26)\nLost to follow-up (n = 1)", row: 4, column: 0),
            .init("b3", "Completed 12 months (n = 25)\nWithdrew consent (n = 1)", row: 4, column: 1),
            .init("a4", "Analysed (n = 27)", row: 5, column: 0),
            .init("b4", "Analysed (n = 26)", row: 5, column: 1),
        ], arrows: [
            .init(from: "assessed", to: "randomised"), .init(from: "randomised", to: "a"), .init(from: "randomised", to: "b"),
            .init(from: "a", to: "a2"), .init(from: "b", to: "b2"), .init(from: "a2", to: "a3"), .init(from: "b2", to: "b3"),
            .init(from: "a3", to: "a4"), .init(from: "b3", to: "b4"),
        ])
        return GalleryFigure(name: "consort", drawable: diagram, width: .oneAndHalfColumn, height: .millimetres(130))
    }

    /// Greek, µ, ≥, superscripts and Chinese through Pango, in titles, tick labels and annotations.
    static var unicodeText: GalleryFigure {
        let figure = Figure(legend: .right) {
            Panel(title: "空腹 C 肽 (fasting C-peptide)",
                  x: .categorical(["µ ≥ 7%", "β-cell", "治疗组"]),
                  y: .linear("Dose (10" + .superscript("6") + " cells/kg)")) {
                BarMark(x: "µ ≥ 7%", value: 1.2, series: "UC-MSC <low>")
                BarMark(x: "β-cell", value: 2.4, series: "UC-MSC <low>")
                BarMark(x: "治疗组", value: 0.8, series: "UC-MSC <low>")
            }
        }
        return GalleryFigure(name: "unicode", drawable: figure, width: .singleColumn, height: .millimetres(60))
    }
}
