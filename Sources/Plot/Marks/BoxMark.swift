/// A box-and-whisker glyph at a category: box from the lower to the upper quartile, a line at the
/// median, whiskers, and outliers as points (hide them when the raw points are drawn too).
public struct BoxMark: Mark {
    /// The category (or number) the box stands at.
    public var x: Coordinate
    /// What the box shows.
    public var statistics: BoxStatistics
    /// The series giving colour, fill and dodging.
    public var series: String?
    /// Whether outliers are drawn as open symbols.
    public var showsOutliers: Bool

    /// A box for `statistics` at `x`; set `showsOutliers` false when the raw points are drawn as well.
    public init(x: Coordinate, statistics: BoxStatistics, series: String? = nil, showsOutliers: Bool = true) {
        self.x = x; self.statistics = statistics; self.series = series; self.showsOutliers = showsOutliers
    }

    public func coordinates(on axis: Axis) -> [Coordinate] {
        guard axis == .y else { return [x] }
        let values = [statistics.lowerWhisker, statistics.upperWhisker] + (showsOutliers ? statistics.outliers : [])
        return values.map(Coordinate.value)
    }
    public var legendSymbol: LegendSymbol { .area }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        func y(_ value: Double) -> Double? { context.point(x: x, y: .value(value), series: series)?.y }
        guard let centre = context.point(x: x, y: .value(statistics.median), series: series),
              let q1 = y(statistics.lowerQuartile), let q3 = y(statistics.upperQuartile),
              let low = y(statistics.lowerWhisker), let high = y(statistics.upperWhisker) else { return }
        let style = context.style(series)
        let stroke = Stroke(color: style.color, width: context.theme.dataLineWidth)
        let half = context.slotWidth(on: .x) * 0.36
        scene.line(from: Point(x: centre.x, y: q3), to: Point(x: centre.x, y: high), stroke: stroke)
        scene.line(from: Point(x: centre.x, y: q1), to: Point(x: centre.x, y: low), stroke: stroke)
        scene.rectangle(Rect(x: centre.x - half, y: q3, width: 2 * half, height: q1 - q3), stroke: stroke, fill: style.areaFill)
        scene.line(from: Point(x: centre.x - half, y: centre.y), to: Point(x: centre.x + half, y: centre.y),
                   stroke: Stroke(color: style.color, width: context.theme.dataLineWidth * 1.8))
        guard showsOutliers else { return }
        for outlier in statistics.outliers {
            guard let outlierY = y(outlier) else { continue }
            scene.append(PointSymbol.item(style.shape, at: Point(x: centre.x, y: outlierY), size: context.theme.pointSize * 0.8,
                                          color: style.color, filled: false, lineWidth: context.theme.dataLineWidth * 0.8))
        }
    }
}
