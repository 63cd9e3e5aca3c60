import Plot
import TrialAnalysis

/// `consort`: the CONSORT participant-flow diagram — enrolled, allocated per arm, second infusion
/// (arms with infusions), completed the primary visit, analysed — as boxes and arrows.
struct ConsortFigure: TrialFigureBuilder {
    static let name = FigureName.consort
    static let defaultWidth = FigureWidth.onehalf

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

    private var flow: ParticipantFlow { seed.participantFlow }

    func drawable(width: FigureWidth) -> any Drawable {
        let flow = flow
        let month = Display.planValue(plan.primaryVisit)
        let arms = flow.byArm
        var boxes = [FlowDiagram.Box("enrolled", RichText("Enrolled (\(FigureText.count(flow.enrolled)))"),
                                     row: 0, column: 0, span: max(arms.count, 1), isHeader: true)]
        var arrows: [FlowDiagram.Arrow] = []
        // Stages line up across arms; an arm without a second infusion leaves that row empty.
        let secondRow = arms.contains { $0.secondInfusion != nil } ? 1 : 0
        for (column, arm) in arms.enumerated() {
            let remission = seed.remission.overall.byArm.first { $0.arm == arm.arm }
            var stages: [(row: Int, text: String)] = [(1, "Allocated to \(arm.arm) (\(FigureText.count(arm.allocated)))")]
            if let second = arm.secondInfusion {
                stages.append((2, "Received second infusion (\(FigureText.count(second)))"))
            }
            stages.append((2 + secondRow, "Completed month \(month) (\(FigureText.count(arm.completedPrimaryVisit)))\n"
                + "No month-\(month) value (\(FigureText.count(arm.allocated - arm.completedPrimaryVisit)))"))
            stages.append((3 + secondRow, "Analysed for remission (\(FigureText.count(arm.analysed)))" + analysisDetail(remission)))
            var previous = "enrolled"
            for stage in stages {
                let id = "\(column)-\(stage.row)"
                boxes.append(FlowDiagram.Box(id, RichText(stage.text), row: stage.row, column: column))
                arrows.append(FlowDiagram.Arrow(from: previous, to: id))
                previous = id
            }
        }
        return FlowDiagram(columns: max(arms.count, 1), boxes: boxes, arrows: arrows)
    }

    /// How missing values entered the remission analysis of an arm, when any did.
    private func analysisDetail(_ arm: RemissionArm?) -> String {
        guard let arm else { return "" }
        var lines: [String] = []
        if arm.missingCountedAsNonResponders > 0 {
            lines.append("Missing value counted as no remission (\(FigureText.count(arm.missingCountedAsNonResponders)))")
        }
        if arm.excluded > 0 {
            lines.append("Excluded for a missing value (\(FigureText.count(arm.excluded)))")
        }
        return lines.map { "\n" + $0 }.joined()
    }

    func height(width: FigureWidth) -> Length { scaledHeight(width == .single ? 120 : 105, width: width, perStep: 0) }
}
