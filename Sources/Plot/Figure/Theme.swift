/// Sizes, fonts and colours of a figure, all lengths in points.
///
/// The default follows journal figure rules: Liberation Sans (metric-compatible with Arial),
/// 7–9 pt text, 0.5–1 pt lines, white background, no grid, Okabe–Ito colours.
public struct Theme: Sendable {
    /// Whether light grid lines mark the major ticks.
    public enum Grid: Sendable, Hashable { case none, major }

    /// Font family for every text; changeable, e.g. to "DejaVu Sans".
    public var fontFamily: String = "Liberation Sans"
    /// Tick labels and text columns, in points.
    public var tickLabelSize: Double = 7
    /// Axis titles and diagram text.
    public var axisTitleSize: Double = 8
    /// Legend entries.
    public var legendSize: Double = 7.5
    /// Panel titles (bold).
    public var panelTitleSize: Double = 8.5
    /// Rule labels, bracket labels, text marks and the note.
    public var annotationSize: Double = 7
    /// Panel letters (bold), when the figure has them.
    public var panelLetterSize: Double = 9
    /// The colour of all text.
    public var textColor: Color = .black
    /// Axis lines, ticks, brackets and diagram boxes.
    public var axisColor: Color = .black
    /// Width of axis lines and ticks.
    public var axisLineWidth: Double = 0.5
    /// Width of data lines, error bars and outlines.
    public var dataLineWidth: Double = 0.9
    /// Length of tick marks, outwards.
    public var tickLength: Double = 3
    /// Diameter of point symbols.
    public var pointSize: Double = 4.6
    /// No grid by default.
    public var grid: Grid = .none
    /// A light grey that stays behind the data.
    public var gridColor: Color = Color(hex: 0xE5E5E5)
    /// Space between neighbouring elements (text and axis, panel and panel).
    public var spacing: Double = 3
    /// Series colours, in order of appearance.
    public var palette: [Color] = Palette.okabeIto

    /// The default journal theme; change properties to adapt it.
    public init() {}

    /// The default journal theme.
    public static let journal = Theme()

    func font(_ size: Double, bold: Bool = false) -> Font { Font(family: fontFamily, size: size, bold: bold) }
    var tickFont: Font { font(tickLabelSize) }
    var axisTitleFont: Font { font(axisTitleSize) }
    var legendFont: Font { font(legendSize) }
    var panelTitleFont: Font { font(panelTitleSize, bold: true) }
    var annotationFont: Font { font(annotationSize) }
    var panelLetterFont: Font { font(panelLetterSize, bold: true) }
    var textColumnTitleFont: Font { font(tickLabelSize, bold: true) }
    var axisStroke: Stroke { Stroke(color: axisColor, width: axisLineWidth) }
}
