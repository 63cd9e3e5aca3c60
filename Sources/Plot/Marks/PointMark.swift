/// A point symbol at (x, y), optionally jittered along a band axis (like `geom_jitter`),
/// deterministically: the offset comes from a hash of `jitterSeed`, never from a random generator.
public struct PointMark: Mark {
    /// The horizontal position.
    public var x: Coordinate
    /// The vertical position.
    public var y: Coordinate
    /// The series giving colour, shape and fill.
    public var series: String?
    /// Jitter width as a fraction of the series' slot (0 for none); applied on whichever axis is a band.
    public var jitter: Double
    /// Identifies the point for jitter, e.g. the participant's index; equal seeds give equal offsets.
    public var jitterSeed: UInt64
    /// Overrides the series' shape.
    public var shape: PointShape?
    /// Overrides the theme's point size (diameter in points).
    public var size: Double?
    /// Opacity, below 1 for many overlapping points.
    public var opacity: Double

    /// A point at (`x`, `y`) in `series`, jittered across `jitter` of the slot by `jitterSeed`.
    public init(x: Coordinate, y: Coordinate, series: String? = nil, jitter: Double = 0, jitterSeed: UInt64 = 0,
                shape: PointShape? = nil, size: Double? = nil, opacity: Double = 1) {
        self.x = x; self.y = y; self.series = series; self.jitter = jitter; self.jitterSeed = jitterSeed
        self.shape = shape; self.size = size; self.opacity = opacity
    }

    public func coordinates(on axis: Axis) -> [Coordinate] { [axis == .x ? x : y] }
    public var legendSymbol: LegendSymbol { .point }

    public func draw(in context: MarkContext, into scene: inout Scene) {
        guard var center = context.point(x: x, y: y, series: series) else { return }
        if jitter > 0 {
            let offset = (Jitter.unitOffset(seed: jitterSeed) - 0.5) * jitter
            if context.x.isBand { center.x += offset * context.slotWidth(on: .x) }
            else if context.y.isBand { center.y += offset * context.slotWidth(on: .y) }
        }
        let style = context.style(series)
        let diameter = size ?? context.theme.pointSize
        scene.append(PointSymbol.item(shape ?? style.shape, at: center, size: diameter,
                                      color: style.color.withAlpha(opacity), filled: style.filled,
                                      lineWidth: context.theme.dataLineWidth * 0.8))
    }
}

/// Deterministic jitter offsets.
public enum Jitter {
    /// A number in [0, 1) from `seed` by the SplitMix64 finaliser (Steele, Lea & Flood 2014).
    /// - Complexity: O(1).
    public static func unitOffset(seed: UInt64) -> Double {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z = z ^ (z >> 31)
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }
}
