/// A vertical bar from `base` to `value` at a category (or a number) on the x axis.
public struct BarMark: Mark {
    /// The category (or number) the bar stands at.
    public var x: Coordinate
    /// The top of the bar.
    public var value: Double
    /// The bottom of the bar.
    public var base: Double
    /// The series giving colour, fill and dodging.
    public var series: String?

    /// A bar at `x` from `base` (default 0) to `value`.
    public init(x: Coordinate, value: Double, base: Double = 0, series: String? = nil) {
        self.x = x; self.value = value; self.base = base; self.series = series
    }

    public func coordinates(on axis: Axis) -> [Coordinate] { axis == .x ? [x] : [.value(base), .value(value)] }
    public var legendSymbol: LegendSymbol { .area }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        guard let top = context.point(x: x, y: .value(value), series: series),
              let bottom = context.point(x: x, y: .value(base), series: series) else { return }
        let width = context.slotWidth(on: .x) * 0.9
        let style = context.style(series)
        let rect = Rect(x: top.x - width / 2, y: min(top.y, bottom.y), width: width, height: abs(bottom.y - top.y))
        scene.rectangle(rect, stroke: Stroke(color: style.color, width: context.theme.dataLineWidth), fill: style.areaFill)
    }
}
