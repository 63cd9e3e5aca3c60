/// A horizontal bar from `start` to `end` on a row (swimmer plots), with an arrow head at the end
/// when the interval is still going on and an optional label (the duration) just past the end.
public struct RangeMark: Mark {
    /// The row (a category of the y scale).
    public var row: Coordinate
    /// Where the bar starts on x.
    public var start: Double
    /// Where the bar ends on x.
    public var end: Double
    /// The series giving colour and fill.
    public var series: String?
    /// Whether the interval goes on past `end` (drawn as an arrow head).
    public var arrow: Bool
    /// Bar thickness as a fraction of the row's slot (at most 7 pt).
    public var thickness: Double
    /// Text written just past the end (or the arrow head).
    public var label: RichText?

    /// A bar on `row` from `start` to `end` (x values), an arrow head when `arrow`, `label` past the end.
    public init(row: Coordinate, from start: Double, to end: Double, series: String? = nil, arrow: Bool = false,
                thickness: Double = 0.55, label: RichText? = nil) {
        self.row = row; self.start = start; self.end = end; self.series = series; self.arrow = arrow
        self.thickness = thickness; self.label = label
    }

    public func coordinates(on axis: Axis) -> [Coordinate] { axis == .y ? [row] : [.value(start), .value(end)] }
    public var legendSymbol: LegendSymbol { .area }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        guard let left = context.point(x: .value(start), y: row, series: series),
              let right = context.point(x: .value(end), y: row, series: series) else { return }
        let half = min(context.slotWidth(on: .y) * thickness / 2, 3.5)
        let style = context.style(series)
        let stroke = Stroke(color: style.color, width: context.theme.dataLineWidth * 0.8)
        scene.rectangle(Rect(x: left.x, y: left.y - half, width: right.x - left.x, height: 2 * half),
                        stroke: stroke, fill: style.areaFill)
        var labelX = right.x + context.theme.spacing
        if arrow {
            let length = half * 1.8
            let head = [Point(x: right.x + 1, y: right.y - half * 1.4), Point(x: right.x + 1 + length, y: right.y),
                        Point(x: right.x + 1, y: right.y + half * 1.4)]
            scene.append(.path(points: head, closed: true, stroke: nil, fill: style.color))
            labelX += 1 + length
        }
        if let label {
            scene.append(context.text(label, at: Point(x: labelX, y: right.y), anchor: TextAnchor(.leading, .middle)))
        }
    }
}
