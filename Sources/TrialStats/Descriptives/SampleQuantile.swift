/// Sample quantiles of sorted data.
public enum SampleQuantile {
    /// The type-7 sample quantile (R's `quantile(type = 7)` default, Hyndman & Fan 1996):
    /// with h = 1 + (n − 1)p, the value x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌈h⌉₎ − x₍⌊h⌋₎), written as
    /// R writes it, (1 − γ)x₍⌊h⌋₎ + γx₍⌈h⌉₎.
    ///
    /// - Parameters:
    ///   - probability: p in [0, 1].
    ///   - sorted: the data in ascending order, non-empty and without NaN.
    /// - Returns: the quantile, or `nil` when `sorted` is empty or p ∉ [0, 1].
    /// - Error Bounds: exact up to one rounding of the interpolation.
    /// - Complexity: O(1).
    public static func type7(_ probability: Double, sorted: [Double]) -> Double? {
        guard !sorted.isEmpty, probability >= 0, probability <= 1 else { return nil }
        let index = Double(sorted.count - 1) * probability
        let low = Int(index.rounded(.down))
        let high = Int(index.rounded(.up))
        let value = sorted[low]
        let fraction = index - Double(low)
        guard fraction > 0, sorted[high] != value else { return value }
        return (1 - fraction) * value + fraction * sorted[high]
    }
}
