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

    /// Draws the line; a point that cannot be placed (a missing or non-finite value) breaks it,
    /// as ggplot2's `geom_path` does at `NA`, rather than joining its neighbours across the gap.
    public func draw(in context: MarkContext, into scene: inout Scene) {
        var run: [Point] = []
        func finishRun() {
            if run.count > 1 { scene.append(.path(points: run, closed: false, stroke: context.dataStroke(series), fill: nil)) }
            run = []
        }
        for point in points {
            if let placed = context.point(x: point.x, y: point.y, series: series) {
                run.append(placed)
            } else {
                finishRun()
            }
        }
        finishRun()
    }
}
