/// A reference line across the whole panel: vertical at an x value or horizontal at a y value
/// (no effect at odds ratio 1, an infusion month, a threshold).
///
/// A vertical rule's label goes in a band above the plotting area, so it never covers data; a
/// horizontal rule's label sits above the line at the right end.
public struct RuleMark: Mark {
    /// `.x` for a vertical line at an x position, `.y` for a horizontal one.
    public var axis: Axis
    /// Where the line crosses its axis.
    public var position: Coordinate
    /// Dashed (default) or solid.
    public var dashed: Bool
    /// The line colour (grey by default, so data stays in front).
    public var color: Color
    /// A short label; see the type's description for where it goes.
    public var label: RichText?

    /// A vertical line at `x`.
    public init(x: Coordinate, dashed: Bool = true, color: Color = .grey, label: RichText? = nil) {
        axis = .x; position = x; self.dashed = dashed; self.color = color; self.label = label
    }

    /// A horizontal line at `y`.
    public init(y: Coordinate, dashed: Bool = true, color: Color = .grey, label: RichText? = nil) {
        axis = .y; position = y; self.dashed = dashed; self.color = color; self.label = label
    }

    public func coordinates(on axis: Axis) -> [Coordinate] { axis == self.axis ? [position] : [] }

    public func labelBandHeight(theme: Theme, measurer: any TextMeasurer) -> Double {
        guard axis == .x, let label else { return 0 }
        return measurer.measure(label, font: theme.annotationFont).height + 1
    }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        let stroke = Stroke(color: color, width: context.theme.axisLineWidth, dash: dashed ? [2.5, 1.5] : [])
        let area = context.plotArea
        if axis == .x, let fraction = context.x.fraction(of: position) {
            let x = area.minX + fraction * area.width
            scene.line(from: Point(x: x, y: area.minY), to: Point(x: x, y: area.maxY), stroke: stroke)
            if let label {
                // Near an end of the axis, the label runs inwards so it stays over the panel.
                let horizontal: TextAnchor.Horizontal = fraction < 0.1 ? .leading : (fraction > 0.9 ? .trailing : .center)
                scene.append(context.text(label, at: Point(x: x, y: area.minY - 1), anchor: TextAnchor(horizontal, .bottom)))
            }
        } else if axis == .y, let fraction = context.y.fraction(of: position) {
            let y = area.maxY - fraction * area.height
            scene.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), stroke: stroke)
            if let label {
                scene.append(context.text(label, at: Point(x: area.maxX - 1, y: y - 1), anchor: TextAnchor(.trailing, .bottom)))
            }
        }
    }
}
