import Plot
import TrialAnalysis

/// `emergent-events`: a dot plot of the percentage of each arm's participants with the most
/// frequent treatment-emergent preferred terms, one symbol per arm in the plan's order.
struct EmergentEventsFigure: TrialFigureBuilder {
    static let name = FigureName.emergentEvents
    static let defaultWidth = FigureWidth.onehalf
    /// The most terms drawn; a figure with more stops being readable at journal size.
    static let maximumTerms = 20

    let results: Results
    let plan: AnalysisPlan
    /// The treatment-emergent events drawn.
    let events: TreatmentEmergentEvents

    /// The figure of `results`, or `nil` without treatment-emergent events by term.
    init?(results: Results, plan: AnalysisPlan) {
        guard let events = results.treatmentEmergentEvents, events.classes.contains(where: { !$0.terms.isEmpty }) else { return nil }
        self.results = results
        self.plan = plan
        self.events = events
    }

    /// Every listed term with its class.
    private var allTerms: [(soc: String, term: EmergentEventTerm)] {
        events.classes.flatMap { eventClass in eventClass.terms.map { (eventClass.soc, $0) } }
    }

    /// The terms drawn, most participants (all arms) first, then in the table's order, each with a
    /// label unique within the figure (the class added to a term listed under two classes).
    var rows: [(label: String, term: EmergentEventTerm)] {
        let ordered = allTerms.enumerated().sorted { left, right in
            let (a, b) = (left.element.term.incidence.totalSubjects, right.element.term.incidence.totalSubjects)
            return a != b ? a > b : left.offset < right.offset
        }.prefix(Self.maximumTerms).map(\.element)
        let repeated = Set(Dictionary(grouping: ordered) { $0.term.term }.filter { $0.value.count > 1 }.keys)
        return ordered.map { (repeated.contains($0.term.term) ? "\($0.term.term) (\($0.soc))" : $0.term.term, $0.term) }
    }

    /// The percentage of the arm's participants in the set with the term; nil for an empty or unknown arm.
    func percentage(_ count: AdverseEventCount) -> Double? {
        guard let n = events.arms.first(where: { $0.arm == count.arm })?.n, n > 0 else { return nil }
        return 100 * Double(count.subjects) / Double(n)
    }

    func drawable(width: FigureWidth) -> any Drawable {
        let rows = rows
        let labels = rows.map(\.label)
        let highest = max(rows.flatMap { $0.term.incidence.byArm.compactMap(percentage) }.max() ?? 0, 1)
        return Figure(legend: .bottom, note: RichText(note(shown: rows.count)), seriesOrder: plan.armOrder, seriesStyles: plan.armStyles) {
            // Zero stays a little inside the axis so that a 0% dot is not drawn on the axis line.
            Panel(x: .linear("Participants with the event (%)", limits: (-0.03 * highest)...(1.04 * highest)), y: .categorical(labels)) {
                RowGuides(labels: labels)
                for row in rows {
                    for count in row.term.incidence.byArm {
                        if let percentage = percentage(count) {
                            PointMark(x: .value(percentage), y: .category(row.label), series: count.arm)
                        }
                    }
                }
            }
        }
    }

    /// On whom, what a symbol is, and how many terms are left out.
    private func note(shown: Int) -> String {
        let population = events.set.map { "the \($0) set" + (events.byActualTreatment ? " by actual treatment" : "") } ?? "all participants"
        let arms = events.arms.map { "\($0.arm) \(FigureText.count($0.n))" }.joined(separator: ", ")
        return "Percentage of the participants of \(population) (\(arms)) with at least one treatment-emergent event of the "
            + "preferred term, by arm." + FigureText.selection(shown: shown, of: allTerms.count, "most frequent", "terms listed")
    }

    func height(width: FigureWidth) -> Length {
        .millimetres(36 + 5.2 * Double(max(rows.count, 2)) + (width == .single ? 12 : 0))
    }
}
