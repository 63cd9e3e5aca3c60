import Plot
import TrialAnalysis

/// How one of the trial's figures is made from `Results` and the plan. One conforming type per
/// figure; `TrialFigures` maps the fixed names to them.
protocol TrialFigureBuilder {
    /// The figure's fixed name.
    static var name: FigureName { get }
    /// The column width the figure is designed for.
    static var defaultWidth: FigureWidth { get }
    /// The narrowest width at which the figure stays readable; a narrower request is widened to it.
    static var narrowestWidth: FigureWidth { get }
    /// A builder reading `results`, labelled from `plan`, or `nil` when the results lack what the
    /// figure draws (the seed study's sections, in a CDISC ADaM study).
    init?(results: Results, plan: AnalysisPlan)
    /// The figure's description for a page `width` wide.
    func drawable(width: FigureWidth) -> any Drawable
    /// The page height that suits `width` (and the amount of data shown).
    func height(width: FigureWidth) -> Length
}

extension TrialFigureBuilder {
    /// Most figures fit one column.
    static var narrowestWidth: FigureWidth { .single }

    /// The figure at `width` (at least `narrowestWidth`), or at its designed width.
    func figure(width: FigureWidth?) -> TrialFigure {
        let requested = width ?? Self.defaultWidth
        let width = FigureWidth.allCases.firstIndex(of: requested)! < FigureWidth.allCases.firstIndex(of: Self.narrowestWidth)!
            ? Self.narrowestWidth : requested
        return TrialFigure(name: Self.name, drawable: drawable(width: width), width: width, height: height(width: width))
    }
}

/// The arms as series in the plan's order (the two-arm shorthand: treatment first), so every figure
/// gives each arm the same colour and symbol.
extension AnalysisPlan {
    var armOrder: [String] { arms.ordered }

    /// Each arm's colour (Okabe–Ito), symbol and line type, fixed by its place in the plan
    /// (`SeriesStyle.distinct`), so an arm looks the same in every figure, also in one that shows only some arms.
    var armStyles: [String: SeriesStyle] {
        Dictionary(uniqueKeysWithValues: armOrder.enumerated().map { ($1, SeriesStyle.distinct(index: $0, palette: Theme.journal.palette)) })
    }
}

/// A height in millimetres that grows by `perStep` for each column step above single (85 → 120 → 175 mm),
/// so a figure drawn wider keeps a similar shape.
func scaledHeight(_ millimetres: Double, width: FigureWidth, perStep: Double) -> Length {
    let steps: Double = switch width {
    case .single: 0
    case .onehalf: 1
    case .double: 2
    }
    return .millimetres(millimetres + steps * perStep)
}
