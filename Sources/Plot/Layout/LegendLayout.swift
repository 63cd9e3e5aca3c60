/// Places a legend's entries (key symbol + label) in a column (right of the panels) or in rows
/// (above or below them, wrapping at the available width).
struct LegendLayout {
    struct Entry {
        var label: RichText
        var style: SeriesStyle
        var symbol: LegendSymbol
        var labelSize: Size
    }

    let entries: [Entry]
    let title: RichText?
    let titleSize: Size
    let theme: Theme
    let keyWidth = 14.0
    var rowHeight: Double { max(entries.map(\.labelSize.height).max() ?? 0, theme.pointSize + 2) }

    init(figure: Figure, styles: SeriesStyles, measurer: any TextMeasurer) {
        theme = figure.theme
        title = figure.legendTitle
        titleSize = figure.legendTitle.map { measurer.measure($0, font: figure.theme.legendFont) } ?? .zero
        entries = styles.names.map { name in
            let symbol = figure.panels.flatMap(\.marks).filter { $0.series == name }
                .reduce(into: LegendSymbol()) { $0.formUnion($1.legendSymbol) }
            return Entry(label: RichText(name), style: styles.style(for: name), symbol: symbol,
                         labelSize: measurer.measure(RichText(name), font: figure.theme.legendFont))
        }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Entry origins (top-left, relative to the legend's top-left) and the legend's size.
    func arrangement(horizontal: Bool, maxWidth: Double) -> (origins: [Point], size: Size) {
        let gap = theme.spacing
        var origins: [Point] = []
        var x = 0.0
        var y = title == nil ? 0 : titleSize.height + gap / 2
        var width = titleSize.width
        for entry in entries {
            let entryWidth = keyWidth + gap + entry.labelSize.width
            if horizontal && x > 0 && x + entryWidth > maxWidth {
                x = 0
                y += rowHeight + gap / 2
            }
            origins.append(Point(x: x, y: y))
            width = max(width, x + entryWidth)
            if horizontal { x += entryWidth + 3 * gap } else { y += rowHeight + gap / 2 }
        }
        let height = horizontal ? y + rowHeight : y - gap / 2
        return (origins, Size(width: width, height: max(height, 0)))
    }

    /// Draws the legend with its top-left corner at `origin`, entries at `offsets` from `arrangement`.
    func draw(at origin: Point, offsets: [Point], into scene: inout Scene) {
        if let title {
            scene.append(.text(SceneText(text: title, font: theme.legendFont, color: theme.textColor, anchorPoint: origin,
                                         anchor: TextAnchor(.leading, .top), size: titleSize)))
        }
        for (entry, offset) in zip(entries, offsets) {
            let top = Point(x: origin.x + offset.x, y: origin.y + offset.y)
            let centre = Point(x: top.x + keyWidth / 2, y: top.y + rowHeight / 2)
            drawKey(entry, centre: centre, into: &scene)
            scene.append(.text(SceneText(text: entry.label, font: theme.legendFont, color: theme.textColor,
                                         anchorPoint: Point(x: top.x + keyWidth + theme.spacing, y: centre.y),
                                         anchor: TextAnchor(.leading, .middle), size: entry.labelSize)))
        }
    }

    private func drawKey(_ entry: Entry, centre: Point, into scene: inout Scene) {
        let style = entry.style
        if entry.symbol.contains(.area) {
            let swatch = Rect(x: centre.x - 5, y: centre.y - 3.5, width: 10, height: 7)
            scene.rectangle(swatch, stroke: Stroke(color: style.color, width: theme.dataLineWidth), fill: style.areaFill)
        }
        if entry.symbol.contains(.line) {
            scene.line(from: Point(x: centre.x - keyWidth / 2, y: centre.y), to: Point(x: centre.x + keyWidth / 2, y: centre.y),
                       stroke: Stroke(color: style.color, width: theme.dataLineWidth, dash: style.dash))
        }
        if entry.symbol.contains(.point) || entry.symbol.isEmpty {
            scene.append(PointSymbol.item(style.shape, at: centre, size: theme.pointSize, color: style.color,
                                          filled: style.filled, lineWidth: theme.dataLineWidth * 0.8))
        }
    }
}
