import Plot

/// Light horizontal lines through the rows of a categorical y axis, drawn behind the data, so a
/// dot far from its label is read on the right row (dot plots, forest plots).
struct RowGuides: Mark {
    /// The rows.
    var labels: [String]

    func coordinates(on axis: Axis) -> [Coordinate] { axis == .y ? labels.map(Coordinate.category) : [] }

    func draw(in context: MarkContext, into scene: inout Scene) {
        let stroke = Stroke(color: context.theme.gridColor, width: context.theme.axisLineWidth)
        let area = context.plotArea
        for label in labels {
            guard let fraction = context.y.fraction(of: .category(label)) else { continue }
            let y = area.maxY - fraction * area.height
            scene.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), stroke: stroke)
        }
    }
}
