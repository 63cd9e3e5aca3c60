/// What a series' legend entry shows.
public struct LegendSymbol: OptionSet, Sendable, Hashable {
    /// The option bits.
    public let rawValue: Int
    /// Symbols from their bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The series' point symbol.
    public static let point = LegendSymbol(rawValue: 1)
    /// A line in the series' colour and dash.
    public static let line = LegendSymbol(rawValue: 2)
    /// A swatch with the series' fill and outline.
    public static let area = LegendSymbol(rawValue: 4)
}

/// A visual element of a panel, in data coordinates (the `geom` of ggplot2, a `ChartContent` of Swift Charts).
public protocol Mark: Sendable {
    /// The coordinates this mark needs to be visible on `axis` (for automatic limits and categories).
    func coordinates(on axis: Axis) -> [Coordinate]
    /// The series this mark belongs to, nil when it belongs to none (reference lines, annotations).
    var series: String? { get }
    /// The symbol this mark contributes to its series' legend entry.
    var legendSymbol: LegendSymbol { get }
    /// Adds the mark's primitives to `scene`.
    func draw(in context: MarkContext, into scene: inout Scene)
    /// Points of room the mark needs above its highest coordinate (a bracket's label).
    func headroom(theme: Theme, measurer: any TextMeasurer) -> Double
    /// Points of room the mark needs in a band just above the plotting area, outside the data
    /// (a vertical rule's label).
    func labelBandHeight(theme: Theme, measurer: any TextMeasurer) -> Double
}

extension Mark {
    public var series: String? { nil }
    public var legendSymbol: LegendSymbol { [] }
    public func headroom(theme: Theme, measurer: any TextMeasurer) -> Double { 0 }
    public func labelBandHeight(theme: Theme, measurer: any TextMeasurer) -> Double { 0 }
}
