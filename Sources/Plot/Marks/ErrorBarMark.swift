/// An interval with caps: mean ± SEM, a 95% CI. Vertical at an x position, or horizontal at a y
/// position (forest plots). Error bars add no legend symbol: the points or bars they accompany do.
public struct ErrorBarMark: Mark {
    /// Which way the interval runs.
    public enum Orientation: Sendable, Hashable { case vertical, horizontal }

    /// Where the interval sits on the other axis (a category or a number).
    public var position: Coordinate
    /// The lower end of the interval.
    public var lower: Double
    /// The upper end of the interval.
    public var upper: Double
    /// Vertical (value on y) or horizontal (value on x).
    public var orientation: Orientation
    /// The series giving colour and dodging.
    public var series: String?
    /// Cap length as a fraction of the series slot; 0 for none.
    public var capWidth: Double

    /// An interval from `lower` to `upper` at `position` on the other axis.
    public init(at position: Coordinate, lower: Double, upper: Double, orientation: Orientation = .vertical,
                series: String? = nil, capWidth: Double = 0.3) {
        self.position = position; self.lower = lower; self.upper = upper; self.orientation = orientation
        self.series = series; self.capWidth = capWidth
    }

    private var valueAxis: Axis { orientation == .vertical ? .y : .x }

    public func coordinates(on axis: Axis) -> [Coordinate] { axis == valueAxis ? [.value(lower), .value(upper)] : [position] }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        func place(_ value: Double) -> Point? {
            orientation == .vertical ? context.point(x: position, y: .value(value), series: series)
                : context.point(x: .value(value), y: position, series: series)
        }
        guard let start = place(lower), let end = place(upper) else { return }
        let stroke = context.dataStroke(series, dashed: false)
        scene.line(from: start, to: end, stroke: stroke)
        let otherAxis: Axis = orientation == .vertical ? .x : .y
        let half = min(context.slotWidth(on: otherAxis) * capWidth / 2, 4)
        guard half > 0 else { return }
        for point in [start, end] {
            if orientation == .vertical {
                scene.line(from: Point(x: point.x - half, y: point.y), to: Point(x: point.x + half, y: point.y), stroke: stroke)
            } else {
                scene.line(from: Point(x: point.x, y: point.y - half), to: Point(x: point.x, y: point.y + half), stroke: stroke)
            }
        }
    }
}
