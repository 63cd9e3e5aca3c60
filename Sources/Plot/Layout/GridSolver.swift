import Foundation

/// Sizes the panels of a figure's grid: equal plotting rectangles, with margins for the measured
/// tick labels, axis titles, panel titles and text columns.
struct GridSolver {
    let figure: Figure
    let area: Rect
    let measurer: any TextMeasurer
    let columns: Int
    let rows: Int
    let ruleLabelBandHeight: Double
    var theme: Theme { figure.theme }

    init(figure: Figure, area: Rect, measurer: any TextMeasurer) {
        self.figure = figure; self.area = area; self.measurer = measurer
        columns = max(1, min(figure.columns, figure.panels.count))
        rows = (figure.panels.count + columns - 1) / columns
        ruleLabelBandHeight = GridSolver.ruleLabelBandHeight(figure, measurer: measurer)
    }

    /// Estimates refined from pass to pass.
    private struct Estimate: Equatable {
        var plotWidth: Double
        var plotHeight: Double
    }

    /// The layout of every panel.
    func solve() -> [PanelLayout] {
        guard !figure.panels.isEmpty else { return [] }
        var estimate = Estimate(plotWidth: area.width / Double(columns) * 0.75, plotHeight: area.height / Double(rows) * 0.7)
        var result: [PanelLayout] = []
        for _ in 0..<3 {
            let (layouts, next) = pass(estimate)
            result = layouts
            if abs(next.plotWidth - estimate.plotWidth) < 0.5 && abs(next.plotHeight - estimate.plotHeight) < 0.5 { break }
            estimate = next
        }
        return result
    }

    func showsYLabels(column: Int) -> Bool { !figure.sharesY || column == 0 }
    func showsXLabels(row: Int, index: Int) -> Bool {
        !figure.sharesX || row == rows - 1 || index + columns >= figure.panels.count
    }

    /// Coordinates feeding panel `index`'s scale on `axis`: its own, or every panel's when shared.
    private func coordinates(_ index: Int, _ axis: Axis) -> [Coordinate] {
        let shared = axis == .x ? figure.sharesX : figure.sharesY
        return shared ? figure.panels.flatMap { $0.coordinates(on: axis) } : figure.panels[index].coordinates(on: axis)
    }

    private func resolveX(_ index: Int, plotWidth: Double) -> ResolvedScale {
        let target = min(8, max(3, Int(plotWidth / 45) + 1))
        return ResolvedScale(scale: figure.panels[index].x, coordinates: coordinates(index, .x), targetTickCount: target, axis: .x)
    }

    private func resolveY(_ index: Int, plotHeight: Double) -> ResolvedScale {
        let panel = figure.panels[index]
        let target = min(7, max(3, Int(plotHeight / 32) + 1))
        let coordinates = coordinates(index, .y)
        var resolved = ResolvedScale(scale: panel.y, coordinates: coordinates, targetTickCount: target, axis: .y)
        let marks = figure.sharesY ? figure.panels.flatMap(\.marks) : panel.marks
        let headroom = marks.map { $0.headroom(theme: theme, measurer: measurer) }.max() ?? 0
        if headroom > 0, panel.y.limits == nil, case .linear(let lower, let upper) = resolved.mapping,
           plotHeight > 3 * headroom {
            var scale = panel.y
            scale.limits = lower...(upper + (upper - lower) * headroom / (plotHeight - headroom))
            resolved = ResolvedScale(scale: scale, coordinates: coordinates, targetTickCount: target, axis: .y)
        }
        return resolved
    }

    /// Height of an axis title line, 0 when the title is empty.
    func titleThickness(_ title: RichText) -> Double {
        title.isEmpty ? 0 : measurer.measure(title, font: theme.axisTitleFont).height + theme.spacing
    }

    /// The width of the y-axis margin: tick marks, labels and title.
    func yAxisWidth(_ scale: ResolvedScale, labels: AxisLabels) -> Double {
        let ticks = scale.isBand ? 0 : theme.tickLength
        return ticks + theme.spacing + labels.thickness(axis: .y) + titleThickness(scale.title)
    }

    func xAxisHeight(_ scale: ResolvedScale, labels: AxisLabels) -> Double {
        theme.tickLength + theme.spacing / 2 + labels.thickness(axis: .x) + titleThickness(scale.title)
    }

    /// Width of a panel's text columns, with a gap before each.
    func textColumnsWidth(_ panel: Panel) -> Double {
        panel.textColumns.reduce(0) { $0 + 3 * theme.spacing + textColumnWidth($1) }
    }

    /// Width of one text column: its widest cell or its (bold) title.
    func textColumnWidth(_ column: TextColumn) -> Double {
        ([measurer.measure(column.title, font: theme.textColumnTitleFont, wrapWidth: nil).width]
            + column.cells.values.map { measurer.measure($0, font: theme.tickFont).width }).max() ?? 0
    }

    /// The height of the band just above each plotting area for vertical rules' labels.
    static func ruleLabelBandHeight(_ figure: Figure, measurer: any TextMeasurer) -> Double {
        figure.panels.flatMap(\.marks).map { $0.labelBandHeight(theme: figure.theme, measurer: measurer) }.max() ?? 0
    }

    /// The height of the band above each plotting area for panel letters, panel titles (wrapped at
    /// `titleWidth`), text-column titles and rule labels.
    func titleBandHeight(titleWidth: Double) -> Double {
        let heights = figure.panels.flatMap { panel in
            (panel.title.map { [measurer.measure($0, font: theme.panelTitleFont, wrapWidth: titleWidth).height] } ?? [])
                + panel.textColumns.map { measurer.measure($0.title, font: theme.textColumnTitleFont).height }
        }
        return (heights.max().map { $0 + theme.spacing } ?? 0) + ruleLabelBandHeight + letterBandHeight
    }

    /// The height of the line above the titles that holds the panel letters; 0 without them.
    var letterBandHeight: Double {
        figure.showsPanelLetters ? measurer.measure(RichText("A"), font: theme.panelLetterFont).height + theme.spacing / 2 : 0
    }

    private func pass(_ estimate: Estimate) -> ([PanelLayout], Estimate) {
        let indices = figure.panels.indices
        let yScales = indices.map { resolveY($0, plotHeight: estimate.plotHeight) }
        let yLabels = indices.map {
            AxisLabels(scale: yScales[$0], axis: .y, length: estimate.plotHeight, font: theme.tickFont, measurer: measurer)
        }
        let yWidth = indices.map { yAxisWidth(yScales[$0], labels: yLabels[$0]) }.max() ?? 0
        let xScales = indices.map { resolveX($0, plotWidth: estimate.plotWidth) }
        let xLabels = indices.map {
            AxisLabels(scale: xScales[$0], axis: .x, length: estimate.plotWidth, font: theme.tickFont, measurer: measurer)
        }
        let xHeight = indices.map { xAxisHeight(xScales[$0], labels: xLabels[$0]) }.max() ?? 0
        // Continuous x labels are centred on their ticks, so the last one reaches past the plot.
        let rightOverhang = indices.map { index -> Double in
            guard !xScales[index].isBand, let last = xLabels[index].fractions.indices.last,
                  xLabels[index].fractions[last] > 0.95 else { return 0 }
            return xLabels[index].sizes[last].width / 2
        }.max() ?? 0
        let textWidth = figure.panels.map(textColumnsWidth).max() ?? 0
        let columnGap = 4 * theme.spacing
        let yMargins = (0..<columns).map { showsYLabels(column: $0) ? yWidth : 0 }
        let plotWidth = (area.width - yMargins.reduce(0, +) - Double(columns) * textWidth
            - Double(columns - 1) * columnGap - (textWidth > 0 ? 0 : rightOverhang)) / Double(columns)
        // Titles wrap within the plotting area, clear of the text columns' headings beside it.
        let titleWidth = max(plotWidth, 1)
        let titleBandHeight = self.titleBandHeight(titleWidth: titleWidth)
        let rowGap = 2 * theme.spacing
        let xMargins = (0..<rows).map { row in (figure.sharesX && row < rows - 1) ? 0 : xHeight }
        let plotHeight = (area.height - xMargins.reduce(0, +) - Double(rows) * titleBandHeight
            - Double(rows - 1) * rowGap) / Double(rows)

        var layouts: [PanelLayout] = []
        for index in indices {
            let (row, column) = (index / columns, index % columns)
            let x = area.minX + (0..<column).reduce(0) { $0 + yMargins[$1] + plotWidth + textWidth + columnGap } + yMargins[column]
            let y = area.minY + (0..<row).reduce(0) { $0 + titleBandHeight + plotHeight + xMargins[$1] + rowGap } + titleBandHeight
            let plotArea = Rect(x: x, y: y, width: max(plotWidth, 1), height: max(plotHeight, 1))
            var layout = PanelLayout(plotArea: plotArea, x: xScales[index], y: yScales[index], xTickLabels: [], yTickLabels: [],
                                     titleWidth: titleWidth, cellOrigin: Point(x: x - yMargins[column], y: y - titleBandHeight))
            if showsXLabels(row: row, index: index) {
                layout.xTickLabels = tickTexts(xLabels[index], axis: .x, scale: xScales[index], plotArea: plotArea)
            }
            if showsYLabels(column: column) {
                layout.yTickLabels = tickTexts(yLabels[index], axis: .y, scale: yScales[index], plotArea: plotArea)
            }
            layouts.append(layout)
        }
        return (layouts, Estimate(plotWidth: plotWidth, plotHeight: plotHeight))
    }

    /// Places tick labels beside their ticks.
    private func tickTexts(_ labels: AxisLabels, axis: Axis, scale: ResolvedScale, plotArea: Rect) -> [SceneText] {
        zip(labels.fractions, zip(labels.labels, labels.sizes)).map { fraction, label in
            let anchorPoint: Point
            let anchor: TextAnchor
            if axis == .x {
                anchorPoint = Point(x: plotArea.minX + fraction * plotArea.width,
                                    y: plotArea.maxY + theme.tickLength + theme.spacing / 2)
                anchor = TextAnchor(.center, .top)
            } else {
                let ticks = scale.isBand ? 0 : theme.tickLength
                anchorPoint = Point(x: plotArea.minX - ticks - theme.spacing, y: plotArea.maxY - fraction * plotArea.height)
                anchor = TextAnchor(.trailing, .middle)
            }
            return SceneText(text: label.0, font: theme.tickFont, color: theme.textColor, anchorPoint: anchorPoint,
                             anchor: anchor, quarterTurns: labels.quarterTurns, wrapWidth: labels.wrapWidth,
                             alignment: axis == .y ? .trailing : .center, size: label.1)
        }
    }
}
