/// A significance bracket between two positions on a band x axis with a label above (a p-value).
///
/// The bracket's legs go down from `y` towards the data; its label sits above the bar.
/// Ends may name a series to reach one dodged group within a band.
public struct BracketMark: Mark {
    /// The left end: a category and optionally one dodged series within it.
    public var from: (category: Coordinate, series: String?)
    /// The right end.
    public var to: (category: Coordinate, series: String?)
    /// The height of the bracket in data units.
    public var y: Double
    /// The text above the bracket, e.g. "p = 0.012".
    public var label: RichText

    public init(from: Coordinate, series fromSeries: String? = nil, to: Coordinate, series toSeries: String? = nil,
                y: Double, label: RichText) {
        self.from = (from, fromSeries); self.to = (to, toSeries); self.y = y; self.label = label
    }

    /// Room for the label: the bracket and a line of text above it.
    public func coordinates(on axis: Axis) -> [Coordinate] { axis == .x ? [from.category, to.category] : [.value(y)] }

    public func headroom(theme: Theme, measurer: any TextMeasurer) -> Double {
        measurer.measure(label, font: theme.annotationFont).height + 2
    }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        guard let left = context.point(x: from.category, y: .value(y), series: from.series),
              let right = context.point(x: to.category, y: .value(y), series: to.series) else { return }
        let leg = 3.0
        let stroke = Stroke(color: context.theme.axisColor, width: context.theme.axisLineWidth)
        scene.append(.path(points: [Point(x: left.x, y: left.y + leg), left, right, Point(x: right.x, y: right.y + leg)],
                           closed: false, stroke: stroke, fill: nil))
        scene.append(context.text(label, at: Point(x: (left.x + right.x) / 2, y: left.y - 1), anchor: TextAnchor(.center, .bottom)))
    }
}
