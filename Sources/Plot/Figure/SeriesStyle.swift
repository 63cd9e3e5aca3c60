/// Point symbols; each can be filled or open, so series stay apart in greyscale.
public enum PointShape: Sendable, Hashable, CaseIterable { case circle, triangle, square, diamond }

/// How one series (an arm, a group) is drawn: colour plus redundant shape, fill and dash cues.
public struct SeriesStyle: Sendable, Hashable {
    /// The series colour.
    public var color: Color
    /// The point symbol.
    public var shape: PointShape
    /// Solid symbols and tinted boxes when true; open symbols and white boxes when false.
    public var filled: Bool
    /// Dash pattern for lines, empty for solid.
    public var dash: [Double]

    /// A style from its parts.
    public init(color: Color, shape: PointShape, filled: Bool, dash: [Double] = []) {
        self.color = color; self.shape = shape; self.filled = filled; self.dash = dash
    }

    /// The default style of the `index`-th series: palette colour, then circle/triangle/square/diamond,
    /// alternating filled and open, solid and dashed.
    public static func automatic(index: Int, palette: [Color]) -> SeriesStyle {
        let shapes = PointShape.allCases
        return SeriesStyle(color: palette[index % palette.count], shape: shapes[index % shapes.count],
                           filled: index % 2 == 0, dash: index % 2 == 0 ? [] : [3.5, 1.8])
    }

    /// The style of the `index`-th of up to eight groups (the arms of a trial in the plan's order),
    /// each with a second cue besides its colour: palette colour, then circle, triangle, square,
    /// diamond; filled and open alternately; solid, dashed, dotted and dash-dotted lines. The first
    /// two are `automatic`'s.
    public static func distinct(index: Int, palette: [Color]) -> SeriesStyle {
        var style = automatic(index: index, palette: palette)
        style.dash = lineTypes[index % lineTypes.count]
        return style
    }

    /// The dash patterns of `distinct`, in points: solid, dashed, dotted, dash-dotted.
    public static let lineTypes: [[Double]] = [[], [3.5, 1.8], [0.9, 1.5], [4, 1.5, 0.9, 1.5]]

    /// The fill of a box, bar, range or legend swatch: a clear tint when filled, a faint one when open,
    /// so the two differ in greyscale and a median or error bar drawn in the series colour stays visible.
    public var areaFill: Color { color.lightened(filled ? 0.45 : 0.88) }
    /// The style used for marks with no series.
    public static let plain = SeriesStyle(color: .black, shape: .circle, filled: true)
}

/// The styles of a figure's series, in legend order.
public struct SeriesStyles: Sendable {
    public private(set) var names: [String]
    private var styles: [String: SeriesStyle]

    /// Styles for `names`, automatic unless overridden.
    public init(names: [String], overrides: [String: SeriesStyle], palette: [Color]) {
        self.names = names
        var styles: [String: SeriesStyle] = [:]
        for (index, name) in names.enumerated() {
            styles[name] = overrides[name] ?? SeriesStyle.automatic(index: index, palette: palette)
        }
        self.styles = styles
    }

    /// The style of `series`, `.plain` for nil or unknown names.
    public func style(for series: String?) -> SeriesStyle { series.flatMap { styles[$0] } ?? .plain }

    /// The position of `series` in the legend order.
    public func index(of series: String?) -> Int? { series.flatMap { names.firstIndex(of: $0) } }
}
