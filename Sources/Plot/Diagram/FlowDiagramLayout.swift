/// The laid-out diagram: equal-width columns, each row as tall as its tallest box, arrows routed
/// between box edges with right-angled bends in the gaps between rows.
public struct FlowDiagramLayout: Sendable {
    public var boxFrames: [String: Rect]
    public var scene: Scene

    /// - Complexity: O(boxes + arrows).
    init(diagram: FlowDiagram, size: Size, measurer: any TextMeasurer) {
        let theme = diagram.theme
        let margin = theme.spacing
        let padding = 2 * theme.spacing
        let columnGap = 4 * theme.spacing
        let font = theme.font(theme.axisTitleSize)
        let columnWidth = (size.width - 2 * margin - Double(diagram.columns - 1) * columnGap) / Double(diagram.columns)
        func width(of box: FlowDiagram.Box) -> Double {
            Double(box.span) * columnWidth + Double(box.span - 1) * columnGap
        }
        let textSizes = diagram.boxes.map { box in
            measurer.measure(box.text, font: box.isHeader ? theme.font(theme.axisTitleSize, bold: true) : font,
                             wrapWidth: width(of: box) - 2 * padding)
        }
        let rowCount = (diagram.boxes.map(\.row).max() ?? -1) + 1
        var rowHeights = [Double](repeating: 0, count: rowCount)
        for (box, textSize) in zip(diagram.boxes, textSizes) {
            rowHeights[box.row] = max(rowHeights[box.row], textSize.height + 2 * padding)
        }
        let spare = size.height - 2 * margin - rowHeights.reduce(0, +)
        let rowGap = rowCount > 1 ? min(max(spare / Double(rowCount - 1), 10), 36) : 0
        var rowTops: [Double] = []
        let used = rowHeights.reduce(0, +) + Double(max(rowCount - 1, 0)) * rowGap
        var y = max(margin, (size.height - used) / 2)
        for height in rowHeights {
            rowTops.append(y)
            y += height + rowGap
        }

        var scene = Scene(size: size)
        var frames: [String: Rect] = [:]
        for (box, textSize) in zip(diagram.boxes, textSizes) {
            let x = margin + Double(box.column) * (columnWidth + columnGap)
            let frame = Rect(x: x, y: rowTops[box.row], width: width(of: box), height: rowHeights[box.row])
            frames[box.id] = frame
            scene.rectangle(frame, stroke: Stroke(color: theme.axisColor, width: theme.axisLineWidth * 1.5),
                            fill: box.isHeader ? Color(hex: 0xDCEBF5) : .white)
            let textFont = box.isHeader ? theme.font(theme.axisTitleSize, bold: true) : font
            scene.append(.text(SceneText(text: box.text, font: textFont, color: theme.textColor,
                                         anchorPoint: Point(x: frame.midX, y: frame.midY), anchor: .center,
                                         wrapWidth: frame.width - 2 * padding,
                                         alignment: box.isHeader ? .center : .leading, size: textSize)))
        }
        for arrow in diagram.arrows {
            guard let source = frames[arrow.from], let target = frames[arrow.to] else { continue }
            FlowDiagramLayout.route(from: source, to: target, rowGap: rowGap, theme: theme, into: &scene)
        }
        boxFrames = frames
        self.scene = scene
    }

    /// Draws an arrow from `source` to `target`: sideways within a row, straight down when aligned,
    /// otherwise down, across in the gap above the target, and down again.
    static func route(from source: Rect, to target: Rect, rowGap: Double, theme: Theme, into scene: inout Scene) {
        let stroke = Stroke(color: theme.axisColor, width: theme.axisLineWidth * 1.5)
        var points: [Point]
        if target.minY >= source.maxY - 1e-9 {
            let start = Point(x: source.midX, y: source.maxY)
            let end = Point(x: target.midX, y: target.minY)
            if abs(start.x - end.x) < 0.5 {
                points = [start, end]
            } else {
                let bendY = target.minY - rowGap / 2
                points = [start, Point(x: start.x, y: bendY), Point(x: end.x, y: bendY), end]
            }
        } else {
            let toRight = target.midX > source.midX
            points = [Point(x: toRight ? source.maxX : source.minX, y: source.midY),
                      Point(x: toRight ? target.minX : target.maxX, y: source.midY)]
        }
        let head = 4.0
        let end = points[points.count - 1]
        let before = points[points.count - 2]
        let length = max(((end.x - before.x) * (end.x - before.x) + (end.y - before.y) * (end.y - before.y)).squareRoot(), 1e-9)
        let (ux, uy) = ((end.x - before.x) / length, (end.y - before.y) / length)
        let base = Point(x: end.x - ux * head, y: end.y - uy * head)
        points[points.count - 1] = base
        scene.append(.path(points: points, closed: false, stroke: stroke, fill: nil))
        scene.append(.path(points: [end, Point(x: base.x - uy * head * 0.5, y: base.y + ux * head * 0.5),
                                    Point(x: base.x + uy * head * 0.5, y: base.y - ux * head * 0.5)],
                           closed: true, stroke: nil, fill: theme.axisColor))
    }
}
