/// What a mark needs to draw itself: the panel's plotting rectangle, its scales, the theme and series styles.
public struct MarkContext: Sendable {
    /// The panel's plotting rectangle in page points.
    public var plotArea: Rect
    /// The horizontal scale.
    public var x: ResolvedScale
    /// The vertical scale.
    public var y: ResolvedScale
    /// Sizes, fonts and colours.
    public var theme: Theme
    /// The style of every series.
    public var styles: SeriesStyles
    /// For each category of the band axis, the series drawn there in legend order; series sharing
    /// a band are placed side by side (like ggplot2's `position_dodge`).
    public var dodgeGroups: [String: [String]]
    /// Offset in points between series on a continuous x axis, so error bars do not overlap.
    public var continuousDodge: Double
    /// Measures text added by marks.
    public var measurer: any TextMeasurer

    /// The page position of a data point; nil when a coordinate does not fit its scale or is not finite.
    /// Series are dodged within bands, and by `continuousDodge` on a continuous x axis.
    public func point(x xCoordinate: Coordinate, y yCoordinate: Coordinate, series: String? = nil) -> Point? {
        guard let xFraction = x.fraction(of: xCoordinate), let yFraction = y.fraction(of: yCoordinate),
              xFraction.isFinite, yFraction.isFinite else { return nil }
        var point = Point(x: plotArea.minX + xFraction * plotArea.width, y: plotArea.maxY - yFraction * plotArea.height)
        let category = (x.isBand ? xCoordinate : yCoordinate).categoryName
        let (slot, count) = dodgeSlot(series, category: category)
        let offset = Double(slot) - Double(count - 1) / 2
        if x.isBand { point.x += offset * slotWidth(on: .x) } else { point.x += offset * continuousDodge }
        if y.isBand { point.y += offset * slotWidth(on: .y) }
        return point
    }

    /// The page length of one series' slot in a band: 80 % of the band shared among the most series
    /// any band holds, so that boxes and bars have one width throughout; on a continuous axis, 4 % of the axis.
    public func slotWidth(on axis: Axis) -> Double {
        let scale = axis == .x ? x : y
        let length = axis == .x ? plotArea.width : plotArea.height
        guard scale.isBand else { return 0.04 * length }
        let slots = max(1, dodgeGroups.values.map(\.count).max() ?? 1)
        return 0.8 * scale.bandFraction * length / Double(slots)
    }

    /// The slot index of `series` among the series in `category`'s band, and their number.
    private func dodgeSlot(_ series: String?, category: String?) -> (slot: Int, count: Int) {
        guard let category, let group = dodgeGroups[category], group.count > 1 else { return (0, 1) }
        return (series.flatMap { group.firstIndex(of: $0) } ?? 0, group.count)
    }

    /// The series of each category on a panel's band axis, in legend order; empty without a band axis.
    static func dodgeGroups(marks: [any Mark], x: ResolvedScale, y: ResolvedScale, styles: SeriesStyles) -> [String: [String]] {
        guard let axis: Axis = x.isBand ? .x : (y.isBand ? .y : nil) else { return [:] }
        var members: [String: Set<String>] = [:]
        for mark in marks {
            guard let series = mark.series else { continue }
            for category in mark.coordinates(on: axis).compactMap(\.categoryName) { members[category, default: []].insert(series) }
        }
        return members.mapValues { set in styles.names.filter { set.contains($0) } }
    }

    /// The style of `series`.
    public func style(_ series: String?) -> SeriesStyle { styles.style(for: series) }

    /// A line stroke in the series colour and dash.
    public func dataStroke(_ series: String?, width: Double? = nil, dashed: Bool = true) -> Stroke {
        let style = style(series)
        return Stroke(color: style.color, width: width ?? theme.dataLineWidth, dash: dashed ? style.dash : [])
    }

    /// A measured text item in the annotation font (or `font`).
    public func text(_ text: RichText, font: Font? = nil, at point: Point, anchor: TextAnchor) -> SceneItem {
        let font = font ?? theme.annotationFont
        return .text(SceneText(text: text, font: font, color: theme.textColor, anchorPoint: point, anchor: anchor,
                               size: measurer.measure(text, font: font)))
    }
}
