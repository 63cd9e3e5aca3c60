import Plot
import TrialAnalysis

// Temporary: these four need `Results.figureData` from the analysis branch.
struct CPeptideChangeFigure: TrialFigureBuilder {
    static let name = FigureName.cpeptideChange
    static let defaultWidth = FigureWidth.double
    init(results: Results, plan: AnalysisPlan) {}
    func drawable(width: FigureWidth) -> any Drawable { Figure(note: "pending") {} }
    func height(width: FigureWidth) -> Length { .millimetres(80) }
}
struct CPeptideTrajectoryFigure: TrialFigureBuilder {
    static let name = FigureName.cpeptideTrajectory
    static let defaultWidth = FigureWidth.double
    init(results: Results, plan: AnalysisPlan) {}
    func drawable(width: FigureWidth) -> any Drawable { Figure(note: "pending") {} }
    func height(width: FigureWidth) -> Length { .millimetres(80) }
}
struct HbA1cTrajectoryFigure: TrialFigureBuilder {
    static let name = FigureName.hba1cTrajectory
    static let defaultWidth = FigureWidth.single
    init(results: Results, plan: AnalysisPlan) {}
    func drawable(width: FigureWidth) -> any Drawable { Figure(note: "pending") {} }
    func height(width: FigureWidth) -> Length { .millimetres(80) }
}
struct InsulinDoseTrajectoryFigure: TrialFigureBuilder {
    static let name = FigureName.insulinDoseTrajectory
    static let defaultWidth = FigureWidth.single
    init(results: Results, plan: AnalysisPlan) {}
    func drawable(width: FigureWidth) -> any Drawable { Figure(note: "pending") {} }
    func height(width: FigureWidth) -> Length { .millimetres(80) }
}
