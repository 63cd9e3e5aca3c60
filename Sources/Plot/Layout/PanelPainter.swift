/// Turns one laid-out panel into primitives: grid, marks, axes with ticks and labels, titles and
/// text columns.
struct PanelPainter {
    let panel: Panel
    let layout: PanelLayout
    let context: MarkContext
    let grid: GridSolver
    var theme: Theme { context.theme }
    var area: Rect { layout.plotArea }

    func draw(into scene: inout Scene) {
        if theme.grid == .major { drawGrid(into: &scene) }
        var marks = Scene(size: scene.size)
        for mark in panel.marks { mark.draw(in: context, into: &marks) }
        scene.items += separatingBandLabels(marks.items)
        drawXAxis(into: &scene)
        drawYAxis(into: &scene)
        if let title = panel.title {
            let titleBottom = area.minY - theme.spacing - grid.ruleLabelBandHeight
            let font = theme.panelTitleFont
            scene.append(.text(SceneText(text: title, font: font, color: theme.textColor,
                                         anchorPoint: Point(x: area.minX, y: titleBottom), anchor: TextAnchor(.leading, .bottom),
                                         wrapWidth: layout.titleWidth,
                                         size: grid.measurer.measure(title, font: font, wrapWidth: layout.titleWidth))))
        }
        drawTextColumns(into: &scene)
    }

    /// Labels in the band above the plotting area (vertical rules') kept apart: a label that would
    /// overlap the one before repeats it (dropped) or is moved right past it.
    private func separatingBandLabels(_ items: [SceneItem]) -> [SceneItem] {
        var result = items
        var previous: SceneText?
        let bandLabels = items.indices.compactMap { index -> (Int, SceneText)? in
            guard case .text(let text) = items[index], text.frame.maxY <= area.minY + 1e-6 else { return nil }
            return (index, text)
        }.sorted { $0.1.frame.minX < $1.1.frame.minX }
        var dropped: Set<Int> = []
        for (index, text) in bandLabels {
            guard let before = previous, text.frame.minX < before.frame.maxX + theme.spacing else {
                previous = text
                continue
            }
            if text.text == before.text {
                dropped.insert(index)
            } else {
                var moved = text
                moved.anchorPoint.x += before.frame.maxX + theme.spacing - text.frame.minX
                result[index] = .text(moved)
                previous = moved
            }
        }
        return result.indices.filter { !dropped.contains($0) }.map { result[$0] }
    }

    private func drawGrid(into scene: inout Scene) {
        let stroke = Stroke(color: theme.gridColor, width: theme.axisLineWidth * 0.8)
        if !layout.y.isBand {
            for fraction in layout.y.tickFractions {
                let y = area.maxY - fraction * area.height
                scene.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), stroke: stroke)
            }
        }
        if !layout.x.isBand {
            for fraction in layout.x.tickFractions {
                let x = area.minX + fraction * area.width
                scene.line(from: Point(x: x, y: area.minY), to: Point(x: x, y: area.maxY), stroke: stroke)
            }
        }
    }

    private func drawXAxis(into scene: inout Scene) {
        let stroke = theme.axisStroke
        scene.line(from: Point(x: area.minX, y: area.maxY), to: Point(x: area.maxX, y: area.maxY), stroke: stroke)
        for label in layout.xTickLabels {
            let x = label.anchorPoint.x
            scene.line(from: Point(x: x, y: area.maxY), to: Point(x: x, y: area.maxY + theme.tickLength), stroke: stroke)
            scene.append(.text(label))
        }
        guard !layout.x.title.isEmpty, !layout.xTickLabels.isEmpty else { return }
        let labelsBottom = layout.xTickLabels.map(\.frame.maxY).max() ?? area.maxY + theme.tickLength
        scene.append(context.text(layout.x.title, font: theme.axisTitleFont,
                                  at: Point(x: area.midX, y: labelsBottom + theme.spacing), anchor: TextAnchor(.center, .top)))
    }

    private func drawYAxis(into scene: inout Scene) {
        let stroke = theme.axisStroke
        let isBand = layout.y.isBand
        if !isBand {
            scene.line(from: Point(x: area.minX, y: area.minY), to: Point(x: area.minX, y: area.maxY), stroke: stroke)
        }
        for label in layout.yTickLabels {
            if !isBand {
                let y = label.anchorPoint.y
                scene.line(from: Point(x: area.minX, y: y), to: Point(x: area.minX - theme.tickLength, y: y), stroke: stroke)
            }
            scene.append(.text(label))
        }
        guard !layout.y.title.isEmpty, !layout.yTickLabels.isEmpty else { return }
        let labelsLeft = layout.yTickLabels.map(\.frame.minX).min() ?? area.minX
        let size = grid.measurer.measure(layout.y.title, font: theme.axisTitleFont)
        scene.append(.text(SceneText(text: layout.y.title, font: theme.axisTitleFont, color: theme.textColor,
                                     anchorPoint: Point(x: labelsLeft - theme.spacing, y: area.midY),
                                     anchor: TextAnchor(.trailing, .middle), quarterTurns: 1, alignment: .center, size: size)))
    }

    private func drawTextColumns(into scene: inout Scene) {
        var x = area.maxX
        for column in panel.textColumns {
            let width = grid.textColumnWidth(column)
            x += 3 * theme.spacing
            let anchorX: Double
            switch column.alignment {
            case .leading: anchorX = x
            case .center: anchorX = x + width / 2
            case .trailing: anchorX = x + width
            }
            scene.append(context.text(column.title, font: theme.textColumnTitleFont,
                                      at: Point(x: anchorX, y: area.minY - theme.spacing),
                                      anchor: TextAnchor(column.alignment, .bottom)))
            for (category, text) in column.cells.sorted(by: { $0.key < $1.key }) {
                guard let fraction = layout.y.fraction(of: .category(category)) else { continue }
                scene.append(context.text(text, font: theme.tickFont, at: Point(x: anchorX, y: area.maxY - fraction * area.height),
                                          anchor: TextAnchor(column.alignment, .middle)))
            }
            x += width
        }
    }
}
