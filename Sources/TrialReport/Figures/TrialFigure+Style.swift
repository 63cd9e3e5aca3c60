import Plot
import TrialAnalysis

extension TrialFigure {
    /// The figure drawn in `style`: the preset's page width and font sizes, panel letters when
    /// asked, and without its note when the note goes to the caption.
    func styled(_ style: FigureStyle, measurer: any TextMeasurer = PangoTextMeasurer()) -> TrialFigure {
        var figure = self
        figure.pageWidth = style.preset.length(width)
        if var plot = drawable as? Figure {
            plot.theme = style.preset.theme
            plot.panelLetters = style.panelLetters
            figure.drawable = plot
            if style.preset != .default { figure.height = tallEnough(plot, width: figure.pageWidth, measurer: measurer) }
        } else if var diagram = drawable as? FlowDiagram {
            diagram.theme = style.preset.theme
            figure.drawable = diagram
        }
        return style.notes == .caption ? figure.withoutNote() : figure
    }

    /// The page height at which `restyled` (this figure in other sizes) on a page `width` wide has
    /// panels as tall as this figure's, scaled as its tick labels are when they are larger — so rows
    /// of labels keep their room when titles and notes take more lines; at most `maximumHeight` (or
    /// the figure's own height when taller), so that it still fits the report's page.
    /// - Complexity: at most four layouts of the figure.
    private func tallEnough(_ restyled: Figure, width: Length, measurer: any TextMeasurer) -> Length {
        guard let plot = drawable as? Figure else { return height }
        let panelHeight = { (figure: Figure, size: Size) in
            figure.layout(size: size, measurer: measurer).panels.first?.plotArea.height ?? 0
        }
        let growth = max(1, restyled.theme.tickLabelSize / plot.theme.tickLabelSize)
        let target = panelHeight(plot, Size(width: pageWidth.points, height: height.points)) * growth
        var pageHeight = height.points
        for _ in 0..<3 {
            let shortfall = target - panelHeight(restyled, Size(width: width.points, height: pageHeight))
            guard shortfall > 0.5 else { break }
            let rows = (restyled.panels.count + restyled.columns - 1) / restyled.columns
            pageHeight += shortfall * Double(max(1, rows))
        }
        return .points(min(pageHeight, max(height.points, Length.millimetres(Self.maximumHeight).points)))
    }

    /// Whether the image has the note under it.
    public var drawsNote: Bool { (drawable as? Figure)?.note != nil }

    /// The figure without its note, on a page shorter by the note's height, so the panels keep
    /// their size; the figure itself when it has no note.
    /// - Complexity: measures the note's text once.
    public func withoutNote(measurer: any TextMeasurer = PangoTextMeasurer()) -> TrialFigure {
        guard var plot = drawable as? Figure, plot.note != nil else { return self }
        var figure = self
        figure.height = .points(height.points - plot.noteHeight(width: pageWidth.points, measurer: measurer))
        plot.note = nil
        figure.drawable = plot
        return figure
    }
}
