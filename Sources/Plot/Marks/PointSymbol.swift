/// Draws point symbols; shared by `PointMark` and legends.
enum PointSymbol {
    /// The primitives of a symbol of `shape` with diameter `size` centred at `center`.
    /// Filled symbols are solid; open ones have a white interior so they hide the grid behind them.
    static func item(_ shape: PointShape, at center: Point, size: Double, color: Color, filled: Bool,
                     lineWidth: Double) -> SceneItem {
        let radius = size / 2
        let stroke = Stroke(color: color, width: lineWidth)
        let fill: Color = filled ? color : .white
        func polygon(_ offsets: [(Double, Double)]) -> SceneItem {
            .path(points: offsets.map { Point(x: center.x + $0.0 * radius, y: center.y + $0.1 * radius) },
                  closed: true, stroke: stroke, fill: fill)
        }
        switch shape {
        case .circle:
            return .circle(center: center, radius: radius, stroke: stroke, fill: fill)
        case .square:
            return polygon([(-0.88, -0.88), (0.88, -0.88), (0.88, 0.88), (-0.88, 0.88)])
        case .triangle:
            return polygon([(0, -1.15), (1.05, 0.75), (-1.05, 0.75)])
        case .diamond:
            return polygon([(0, -1.2), (1.05, 0), (0, 1.2), (-1.05, 0)])
        }
    }
}
