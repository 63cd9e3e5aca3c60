import Plot
import TrialAnalysis

/// `adverse-events`: a dot plot of the percentage of participants with each adverse-event term by
/// arm, beside the risk difference (treatment − control) with its 95 % CI. The most frequent terms
/// are shown when there are many, with a note saying how many.
struct AdverseEventsFigure: TrialFigureBuilder {
    static let name = FigureName.adverseEvents
    static let defaultWidth = FigureWidth.double
    /// The most terms drawn; a figure with more stops being readable at journal size.
    static let maximumTerms = 25

    let results: Results
    let plan: AnalysisPlan
    /// The sections of the seed study's layout that the figure draws.
    private let seed: SeedStudySections

    /// The figure of `results`, or `nil` when the results lack the seed study's sections.
    init?(results: Results, plan: AnalysisPlan) {
        guard let seed = results.seedStudySections else { return nil }
        self.results = results
        self.plan = plan
        self.seed = seed
    }

    /// The terms drawn, most participants (both arms) first, with a label unique within the figure.
    private var rows: [(label: String, term: AdverseEventTerm)] {
        let terms = seed.adverseEvents.byTerm
        let ordered = terms.enumerated().sorted { left, right in
            let (a, b) = (left.element.byArm.reduce(0) { $0 + $1.subjects }, right.element.byArm.reduce(0) { $0 + $1.subjects })
            return a != b ? a > b : left.offset < right.offset
        }.prefix(Self.maximumTerms).map(\.element)
        let repeated = Set(Dictionary(grouping: ordered, by: \.term).filter { $0.value.count > 1 }.keys)
        return ordered.map { (repeated.contains($0.term) ? "\($0.term) (\($0.soc))" : $0.term, $0) }
    }

    /// The percentage of the arm's participants with the term; nil for an empty or unknown arm.
    private func incidence(_ count: AdverseEventCount) -> Double? {
        guard let n = results.arms.first(where: { $0.arm == count.arm })?.n, n > 0 else { return nil }
        return 100 * Double(count.subjects) / Double(n)
    }

    func drawable(width: FigureWidth) -> any Drawable {
        let rows = rows
        let labels = rows.map(\.label)
        // In one column the two panels' axis titles would run into each other: break them into lines.
        let breakOnNarrow = width == .single ? "\n" : " "
        let highest = max(rows.flatMap { $0.term.byArm.compactMap(incidence) }.max() ?? 0, 1)
        return Figure(sharesY: true, legend: .bottom, note: RichText(note(shown: rows.count)), seriesOrder: plan.armOrder, seriesStyles: plan.armStyles) {
            // Zero stays a little inside the axis so that a 0% dot is not drawn on the axis line.
            Panel(x: .linear(RichText("Participants with\(breakOnNarrow)event (%)"), limits: (-0.03 * highest)...(1.04 * highest)), y: .categorical(labels)) {
                RowGuides(labels: labels)
                for row in rows {
                    for count in row.term.byArm {
                        if let percentage = incidence(count) {
                            PointMark(x: .value(percentage), y: .category(row.label), series: count.arm)
                        }
                    }
                }
            }
            Panel(x: .linear(RichText("Risk difference\(breakOnNarrow)(percentage points)")),
                  y: .categorical(labels)) {
                RowGuides(labels: labels)
                RuleMark(x: 0)
                for row in rows {
                    let difference = row.term.difference
                    if let lower = difference.ciLower, let upper = difference.ciUpper {
                        ErrorBarMark(at: .category(row.label), lower: 100 * lower, upper: 100 * upper, orientation: .horizontal,
                                     capWidth: 0)
                    }
                    if let estimate = difference.estimate {
                        PointMark(x: .value(100 * estimate), y: .category(row.label), shape: .diamond)
                    }
                }
            }
        }
    }

    /// What the dots and diamonds are, and how many terms are left out.
    private func note(shown: Int) -> String {
        let total = seed.adverseEvents.byTerm.count
        guard total > 0 else { return "No adverse events were recorded." }
        let arms = results.arms.map { "\($0.arm) \(FigureText.count($0.n))" }.joined(separator: ", ")
        return "Percentage of participants with at least one event of the term (\(arms)). "
            + "Diamonds: risk difference, \(plan.arms.treatment) − \(plan.arms.control), with 95% Newcombe CI."
            + FigureText.selection(shown: shown, of: total, "most frequent", "terms")
    }

    func height(width: FigureWidth) -> Length {
        .millimetres(34 + 5.2 * Double(max(rows.count, 2)) + (width == .single ? 25 : 0))
    }
}
