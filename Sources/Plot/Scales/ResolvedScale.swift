import Foundation

/// A scale with its limits, ticks and labels fixed, mapping coordinates to fractions of the axis length
/// (0 at the start of the axis, 1 at the end: left→right for x, bottom→top for y).
public struct ResolvedScale: Sendable {
    /// How values map onto the axis.
    public enum Mapping: Sendable, Hashable {
        case linear(lower: Double, upper: Double)
        case log(lower: Double, upper: Double)
        case band(categories: [String])
    }

    /// The mapping with its final limits or categories.
    public var mapping: Mapping
    /// The axis title.
    public var title: RichText
    /// Tick positions as fractions of the axis length.
    public var tickFractions: [Double]
    /// One label per tick.
    public var tickLabels: [RichText]
    /// Whether fractions run against the axis (band scales on y put the first category on top).
    public var reversed: Bool

    /// Resolves `scale` against the coordinates the marks use, aiming at `targetTickCount` ticks.
    /// - Complexity: O(n) in the number of coordinates.
    public init(scale: Scale, coordinates: [Coordinate], targetTickCount: Int, axis: Axis) {
        title = scale.title
        switch scale.kind {
        case .categorical(let given):
            var categories = given
            if categories.isEmpty {
                for name in coordinates.compactMap(\.categoryName) where !categories.contains(name) { categories.append(name) }
            }
            mapping = .band(categories: categories)
            reversed = axis == .y
            let count = Double(max(categories.count, 1))
            tickFractions = categories.indices.map { (Double($0) + 0.5) / count }
            if reversed { tickFractions = tickFractions.map { 1 - $0 } }
            tickLabels = categories.map { RichText($0) }
        case .linear, .log:
            reversed = false
            let isLog = scale.kind == .log
            var values = coordinates.compactMap(\.number).filter { $0.isFinite && (!isLog || $0 > 0) }
            if scale.includesZero && !isLog { values.append(0) }
            let (lower, upper) = ResolvedScale.limits(values: values, scale: scale, isLog: isLog)
            mapping = isLog ? .log(lower: lower, upper: upper) : .linear(lower: lower, upper: upper)
            let candidates = scale.ticks ?? (isLog ? LogTicks.ticks(lower: lower, upper: upper)
                : NiceTicks.extended(lower: lower, upper: upper, target: targetTickCount))
            // Ticks beyond the limits (given ones too) would be drawn outside the panel.
            let slack = 1e-9 * abs(upper - lower)
            let inside = candidates.indices.filter { candidates[$0] >= lower - slack && candidates[$0] <= upper + slack }
            let ticks = inside.map { candidates[$0] }
            tickLabels = scale.tickLabels.map { labels in inside.compactMap { $0 < labels.count ? labels[$0] : nil } }
                ?? (isLog ? TickFormatter.logLabels(ticks) : TickFormatter.linearLabels(ticks))
            tickFractions = []
            tickFractions = ticks.compactMap { fraction(of: .value($0)) }
        }
    }

    private static func limits(values: [Double], scale: Scale, isLog: Bool) -> (Double, Double) {
        if let limits = scale.limits { return (limits.lowerBound, limits.upperBound) }
        guard var low = values.min(), var high = values.max() else { return isLog ? (1, 10) : (0, 1) }
        if isLog { (low, high) = (log10(low), log10(high)) }
        if high - low < 1e-12 * max(1, abs(high)) {
            let pad = isLog ? 0.5 : (low == 0 ? 1 : abs(low) * 0.1)
            (low, high) = (low - pad, high + pad)
        } else {
            let pad = (high - low) * scale.expansion
            // Keep an included zero exactly on the axis start, as bars need.
            low = scale.includesZero && low == 0 && !isLog ? 0 : low - pad
            high = scale.includesZero && high == 0 && !isLog ? 0 : high + pad
        }
        return isLog ? (pow(10, low), pow(10, high)) : (low, high)
    }

    /// The categories of a band scale, empty otherwise.
    public var categories: [String] { if case .band(let categories) = mapping { categories } else { [] } }
    /// Whether this is a band (categorical) scale.
    public var isBand: Bool { if case .band = mapping { true } else { false } }

    /// The fraction of the axis at `coordinate`, or nil when it cannot be placed (a category
    /// not on the scale, a number on a band scale, a non-positive number on a log scale).
    public func fraction(of coordinate: Coordinate) -> Double? {
        switch (mapping, coordinate) {
        case (.linear(let lower, let upper), .value(let value)):
            return (value - lower) / (upper - lower)
        case (.log(let lower, let upper), .value(let value)):
            guard value > 0 else { return nil }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        case (.band(let categories), .category(let name)):
            guard let index = categories.firstIndex(of: name) else { return nil }
            let fraction = (Double(index) + 0.5) / Double(categories.count)
            return reversed ? 1 - fraction : fraction
        default:
            return nil
        }
    }

    /// The width of one band as a fraction of the axis (1 for continuous scales).
    public var bandFraction: Double { isBand ? 1 / Double(max(categories.count, 1)) : 1 }
}
