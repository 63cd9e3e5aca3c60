/// A figure: panels (facets) in a grid, a legend of the series, a theme. A value; drawing is a
/// separate step (`Canvas`).
///
/// ```swift
/// let figure = Figure(legend: .right) {
///     Panel(title: "Fasting", x: .categorical(), y: .linear("Change (%)")) {
///         BoxMark(x: "Adult", statistics: stats, series: "UC-MSC")
///         PointMark(x: "Adult", y: 12.5, series: "UC-MSC", jitter: 0.6, jitterSeed: 7)
///     }
/// }
/// let pdf = try Canvas(width: .singleColumn, height: .millimetres(70)).render(figure, as: .pdf)
/// ```
public struct Figure: Drawable {
    /// Where the legend goes; always outside the panels.
    public enum LegendPosition: Sendable, Hashable { case right, top, bottom, none }

    /// The panels in reading order (row by row).
    public var panels: [Panel]
    /// Panels per row; the grid has as many rows as needed.
    public var columns: Int
    /// One y range for all panels, with tick labels only on the left column.
    public var sharesY: Bool
    /// One x range for all panels, with tick labels only on the bottom row.
    public var sharesX: Bool
    /// The legend's position.
    public var legend: LegendPosition
    /// A title above the legend entries, e.g. "Arm".
    public var legendTitle: RichText?
    /// A note under the figure (method, abbreviations), wrapped to the figure's width.
    public var note: RichText?
    /// Sizes, fonts and colours.
    public var theme: Theme
    /// Legend order of the series; by default, their order of first appearance.
    public var seriesOrder: [String]?
    /// Styles for particular series; others get automatic ones.
    public var seriesStyles: [String: SeriesStyle]
    /// Offset in points between series on a continuous x axis (dodged error bars); 0 for none.
    public var continuousDodge: Double
    /// Whether each panel of a figure of several panels gets a bold letter (A, B, C …) at the top
    /// left of its cell, above its title; off by default.
    public var panelLetters = false

    /// A figure of `panels`, `columns` to a row (all in one row by default).
    public init(columns: Int? = nil, sharesX: Bool = false, sharesY: Bool = false, legend: LegendPosition = .right,
                legendTitle: RichText? = nil, note: RichText? = nil, theme: Theme = .journal,
                seriesOrder: [String]? = nil, seriesStyles: [String: SeriesStyle] = [:], continuousDodge: Double = 0,
                @PanelBuilder panels: () -> [Panel]) {
        self.panels = panels()
        self.columns = max(1, columns ?? self.panels.count)
        self.sharesX = sharesX; self.sharesY = sharesY; self.legend = legend; self.legendTitle = legendTitle
        self.note = note; self.theme = theme; self.seriesOrder = seriesOrder; self.seriesStyles = seriesStyles
        self.continuousDodge = continuousDodge
    }

    /// The series names in legend order.
    public var seriesNames: [String] {
        var names = seriesOrder ?? []
        for mark in panels.flatMap(\.marks) {
            if let series = mark.series, !names.contains(series) { names.append(series) }
        }
        return names
    }

    public func scene(size: Size, measurer: any TextMeasurer) -> Scene {
        layout(size: size, measurer: measurer).scene
    }

    /// The height the note takes at the bottom of a page `width` points wide, with its spacing; 0
    /// without a note. A figure drawn without its note on a page that much shorter keeps its panels' size.
    public func noteHeight(width: Double, measurer: any TextMeasurer) -> Double {
        guard let note else { return 0 }
        return measurer.measure(note, font: theme.annotationFont, wrapWidth: width - 2 * theme.spacing).height + 2 * theme.spacing
    }

    /// The letter of the panel at `index` in reading order: "A", "B", … "Z", then "AA", "AB", ….
    static func panelLetter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count ? String(letters[index]) : panelLetter(index / letters.count - 1) + String(letters[index % letters.count])
    }

    /// Whether the panels carry letters: asked for, and more than one panel.
    var showsPanelLetters: Bool { panelLetters && panels.count > 1 }

    /// The computed layout: panel rectangles, resolved scales, legend frame and the scene.
    public func layout(size: Size, measurer: any TextMeasurer) -> FigureLayout {
        FigureLayout(figure: self, size: size, measurer: measurer)
    }
}
