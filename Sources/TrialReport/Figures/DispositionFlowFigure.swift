import Plot
import TrialAnalysis

/// `disposition-flow`: a CONSORT-style flow of a CDISC ADaM study's participants, one column per arm
/// in the plan's order. When the data hold the CONSORT 2010 flow (`Results.consortFlow`), its
/// boxes (`ConsortFlowDiagram`); otherwise the set of the disposition table, allocated to each
/// arm, completed and discontinued (with each reason found) in one box, and the participants of
/// each analysis set — drawn from the results' disposition and analysis sets alone.
struct DispositionFlowFigure: TrialFigureBuilder {
    static let name = FigureName.dispositionFlow
    static let defaultWidth = FigureWidth.double
    static let narrowestWidth = FigureWidth.onehalf

    let results: Results
    let plan: AnalysisPlan
    /// The disposition drawn.
    let disposition: DispositionTable

    /// The figure of `results`, or `nil` without a disposition table.
    init?(results: Results, plan: AnalysisPlan) {
        guard let disposition = results.disposition, !disposition.arms.isEmpty else { return nil }
        self.results = results
        self.plan = plan
        self.disposition = disposition
    }

    func drawable(width: FigureWidth) -> any Drawable {
        if let flow = results.consortFlow { return ConsortFlowDiagram(flow: flow).diagram }
        let population = disposition.set.map { "\($0) set" } ?? "All participants"
        var boxes = [FlowDiagram.Box("set", RichText("\(population) (\(FigureText.count(disposition.total)))"),
                                     row: 0, column: 0, span: disposition.arms.count, isHeader: true)]
        var arrows: [FlowDiagram.Arrow] = []
        for (column, arm) in disposition.arms.enumerated() {
            let stages = [
                "Allocated to \(arm.arm) (\(FigureText.count(arm.n)))",
                ([Self.line(disposition.completed, column), Self.line(disposition.discontinued, column)] + reasonLines(column)
                    + otherLines(column)).joined(separator: "\n"),
                results.analysisSets.isEmpty ? "" : (["Analysis sets"] + results.analysisSets.map { set in
                    "\(set.name) (\(FigureText.count(set.byArm.first { $0.arm == arm.arm }?.n ?? 0)))"
                }).joined(separator: "\n"),
            ]
            var previous = "set"
            for (row, text) in stages.enumerated() where !text.isEmpty {
                let id = "\(column)-\(row)"
                boxes.append(FlowDiagram.Box(id, RichText(text), row: row + 1, column: column))
                arrows.append(FlowDiagram.Arrow(from: previous, to: id))
                previous = id
            }
        }
        return FlowDiagram(columns: disposition.arms.count, boxes: boxes, arrows: arrows)
    }

    /// "Completed week 24 (n = 60)".
    private static func line(_ row: DispositionRow, _ column: Int) -> String {
        "\(row.label) (\(FigureText.count(row.byArm[column])))"
    }

    /// The reasons for discontinuation with participants in the arm, and those without a reason.
    private func reasonLines(_ column: Int) -> [String] {
        (disposition.reasons + [disposition.missingReason].compactMap { $0 })
            .filter { $0.byArm[column] > 0 }
            .map { "\u{2003}" + ($0.value == nil ? "No reason given" : $0.label) + " (\(Display.integer($0.byArm[column])))" }
    }

    /// Other statuses and a missing status with participants in the arm.
    private func otherLines(_ column: Int) -> [String] {
        (disposition.otherStatuses + [disposition.missingStatus]).filter { $0.byArm[column] > 0 }
            .map { "\($0.value == nil ? "Status missing" : $0.label) (\(FigureText.count($0.byArm[column])))" }
    }

    func height(width: FigureWidth) -> Length {
        if let flow = results.consortFlow {
            return scaledHeight(50 + 4.5 * Double(ConsortFlowDiagram(flow: flow).lines), width: width, perStep: 0)
        }
        let reasons = disposition.arms.indices.map { reasonLines($0).count }.max() ?? 0
        return scaledHeight(80 + 4.5 * Double(reasons + results.analysisSets.count), width: width, perStep: 0)
    }
}
