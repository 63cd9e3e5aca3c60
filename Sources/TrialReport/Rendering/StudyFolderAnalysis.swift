import Foundation
import Plot
import TrialAnalysis
import TrialData

/// The analysis stage of `trialreport render`: reads and validates the study folder with its plan
/// (`StudyInput.load`) and runs every analysis (`StudyAnalysis.run`).
public struct StudyFolderAnalysis: StudyAnalyzing {
    /// The stage.
    public init() {}

    public func analyze(dataDirectory: URL, planFile: URL?) throws(TrialReportError) -> AnalysedStudy {
        let input = try StudyInput.load(from: dataDirectory, resolvedPlan: planFile)
        try input.checkAnalysable()
        let (plan, warnings, lockedPlan) = (input.plan.plan, input.data.warnings, input.planFile)
        let results = input.analysed()
        return AnalysedStudy(results: results, plan: plan, planSource: planFile?.lastPathComponent ?? "the built-in plan",
                             warnings: warnings, planFile: lockedPlan)
    }
}

/// The figures stage of `trialreport render`: the trial's figures of issue 5 (`TrialFigures`),
/// each at the width it is designed for, in the plan's `figureStyle`. The report's documents draw
/// each without its note, which their caption carries; the files keep it unless the plan leaves
/// notes to the caption.
public struct TrialFigureSource: FigureMaking {
    /// The stage.
    public init() {}

    public func figures(results: Results, plan: AnalysisPlan) -> [ReportFigure] {
        let figures = TrialFigures(results: results, plan: plan)
        return figures.names.map { name in
            let figure = figures.build(name)
            let shown = figure.withoutNote()
            let size = { (figure: TrialFigure) in Size(width: figure.pageWidth.points, height: figure.height.points) }
            return ReportFigure(name: name.rawValue, drawable: shown.drawable, size: size(shown), note: figure.note,
                                file: figure.drawsNote ? (figure.drawable, size(figure)) : nil)
        }
    }
}
