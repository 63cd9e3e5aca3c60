/// Text at a data position, shifted by an offset in points (labels, n = …, durations); dodged with
/// its series, but adding no legend symbol.
public struct TextMark: Mark {
    /// The horizontal position.
    public var x: Coordinate
    /// The vertical position.
    public var y: Coordinate
    /// What is written.
    public var text: RichText
    /// Which point of the text box lies at the position.
    public var anchor: TextAnchor
    /// A shift in points after placing (positive x right, positive y down).
    public var offset: Point
    /// The series the text is dodged with.
    public var series: String?

    /// `text` anchored at (`x`, `y`) by `anchor`, moved by `offset` points.
    public init(x: Coordinate, y: Coordinate, text: RichText, anchor: TextAnchor = .center,
                offset: Point = Point(x: 0, y: 0), series: String? = nil) {
        self.x = x; self.y = y; self.text = text; self.anchor = anchor; self.offset = offset; self.series = series
    }

    public func coordinates(on axis: Axis) -> [Coordinate] { [axis == .x ? x : y] }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        guard let point = context.point(x: x, y: y, series: series) else { return }
        scene.append(context.text(text, at: Point(x: point.x + offset.x, y: point.y + offset.y), anchor: anchor))
    }
}
