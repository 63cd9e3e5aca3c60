/// A polyline through points in order, in the series' colour and dash (a trajectory over visits).
public struct LineMark: Mark {
    /// The vertices in drawing order.
    public var points: [(x: Coordinate, y: Coordinate)]
    /// The series giving colour and dash.
    public var series: String?

    /// A line through `points` in order, drawn in `series`' colour and dash.
    public init(points: [(x: Coordinate, y: Coordinate)], series: String? = nil) {
        self.points = points; self.series = series
    }

    public func coordinates(on axis: Axis) -> [Coordinate] { points.map { axis == .x ? $0.x : $0.y } }
    public var legendSymbol: LegendSymbol { .line }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        let placed = points.compactMap { context.point(x: $0.x, y: $0.y, series: series) }
        guard placed.count > 1 else { return }
        scene.append(.path(points: placed, closed: false, stroke: context.dataStroke(series), fill: nil))
    }
}
