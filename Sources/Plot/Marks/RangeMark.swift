/// A horizontal bar from `start` to `end` on a row (swimmer plots), with an arrow head at the end
/// when the interval is still going on.
public struct RangeMark: Mark {
    public var row: Coordinate
    public var start: Double
    public var end: Double
    public var series: String?
    public var arrow: Bool
    /// Bar thickness as a fraction of the row's slot.
    public var thickness: Double

    public init(row: Coordinate, from start: Double, to end: Double, series: String? = nil, arrow: Bool = false,
                thickness: Double = 0.55) {
        self.row = row; self.start = start; self.end = end; self.series = series; self.arrow = arrow
        self.thickness = thickness
    }

    public func coordinates(on axis: Axis) -> [Coordinate] { axis == .y ? [row] : [.value(start), .value(end)] }
    public var legendSymbol: LegendSymbol { .area }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        guard let left = context.point(x: .value(start), y: row, series: series),
              let right = context.point(x: .value(end), y: row, series: series) else { return }
        let half = min(context.slotWidth(on: .y) * thickness / 2, 5)
        let style = context.style(series)
        let stroke = Stroke(color: style.color, width: context.theme.dataLineWidth * 0.8)
        scene.rectangle(Rect(x: left.x, y: left.y - half, width: right.x - left.x, height: 2 * half),
                        stroke: stroke, fill: style.filled ? style.color : style.color.lightened(0.7))
        guard arrow else { return }
        let length = half * 2.2
        let head = [Point(x: right.x + 1, y: right.y - half * 1.5), Point(x: right.x + 1 + length, y: right.y),
                    Point(x: right.x + 1, y: right.y + half * 1.5)]
        scene.append(.path(points: head, closed: true, stroke: nil, fill: style.color))
    }
}
