import Foundation

/// Where one panel landed: its plotting rectangle, resolved scales and tick labels.
public struct PanelLayout: Sendable {
    public var plotArea: Rect
    public var x: ResolvedScale
    public var y: ResolvedScale
    public var xTickLabels: [SceneText]
    public var yTickLabels: [SceneText]
    /// The width the panel's title wraps at.
    public var titleWidth: Double
    /// The top left corner of the panel's cell: left of its y-axis margin, above its title band
    /// (where its panel letter goes).
    public var cellOrigin: Point
}

/// The layout of a figure, computed in plain Swift from measured text: margins fit the tick labels
/// and titles, tick labels never overlap, the legend sits outside every panel.
public struct FigureLayout: Sendable {
    public var size: Size
    public var panels: [PanelLayout]
    /// The legend's frame; nil without a legend.
    public var legendFrame: Rect?
    public var scene: Scene

    /// Lays out `figure` on a page of `size` points.
    /// - Complexity: O(marks + ticks); the grid is solved in at most three passes.
    init(figure: Figure, size: Size, measurer: any TextMeasurer) {
        self.size = size
        let theme = figure.theme
        let styles = SeriesStyles(names: figure.seriesNames, overrides: figure.seriesStyles, palette: theme.palette)
        var scene = Scene(size: size)
        var area = Rect(x: 0, y: 0, width: size.width, height: size.height).insetBy(theme.spacing)

        if let note = figure.note {
            let noteSize = measurer.measure(note, font: theme.annotationFont, wrapWidth: area.width)
            scene.append(.text(SceneText(text: note, font: theme.annotationFont, color: theme.textColor,
                                         anchorPoint: Point(x: area.minX, y: area.maxY), anchor: TextAnchor(.leading, .bottom),
                                         wrapWidth: area.width, size: noteSize)))
            area.size.height -= noteSize.height + 2 * theme.spacing
        }

        let legend = LegendLayout(figure: figure, styles: styles, measurer: measurer)
        legendFrame = nil
        if !legend.isEmpty && figure.legend != .none {
            let horizontal = figure.legend != .right
            let (offsets, legendSize) = legend.arrangement(horizontal: horizontal, maxWidth: area.width)
            let gap = 2 * theme.spacing
            let origin: Point
            switch figure.legend {
            case .right:
                origin = Point(x: area.maxX - legendSize.width, y: area.midY - legendSize.height / 2)
                area.size.width -= legendSize.width + gap
            case .top:
                origin = Point(x: area.midX - legendSize.width / 2, y: area.minY)
                area.origin.y += legendSize.height + gap
                area.size.height -= legendSize.height + gap
            case .bottom, .none:
                origin = Point(x: area.midX - legendSize.width / 2, y: area.maxY - legendSize.height)
                area.size.height -= legendSize.height + gap
            }
            legendFrame = Rect(x: origin.x, y: origin.y, width: legendSize.width, height: legendSize.height)
            legend.draw(at: origin, offsets: offsets, into: &scene)
        }

        let grid = GridSolver(figure: figure, area: area, measurer: measurer)
        panels = grid.solve()
        for (panel, layout) in zip(figure.panels, panels) {
            let context = MarkContext(plotArea: layout.plotArea, x: layout.x, y: layout.y, theme: theme, styles: styles,
                                      dodgeGroups: MarkContext.dodgeGroups(marks: panel.marks, x: layout.x, y: layout.y,
                                                                           styles: styles),
                                      continuousDodge: figure.continuousDodge, measurer: measurer)
            PanelPainter(panel: panel, layout: layout, context: context, grid: grid).draw(into: &scene)
        }
        if figure.showsPanelLetters {
            for (index, layout) in panels.enumerated() {
                let letter = RichText(Figure.panelLetter(index))
                scene.append(.text(SceneText(text: letter, font: theme.panelLetterFont, color: theme.textColor,
                                             anchorPoint: layout.cellOrigin, anchor: TextAnchor(.leading, .top),
                                             size: measurer.measure(letter, font: theme.panelLetterFont))))
            }
        }
        self.scene = scene
    }
}
