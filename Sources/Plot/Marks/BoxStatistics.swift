import Foundation

/// The five numbers and outliers a box plot shows.
///
/// Method: quartiles by R's default `quantile(type = 7)` (Hyndman & Fan 1996, definition 7:
/// linear interpolation at h = (n − 1)p); whiskers reach the most extreme data within 1.5 IQR of
/// the box (Tukey; as `boxplot.stats` with `coef = 1.5`, except that hinges are type-7 quartiles,
/// as in ggplot2's `stat_boxplot`); points beyond are outliers.
public struct BoxStatistics: Sendable, Hashable, Codable {
    /// The smallest value within 1.5 IQR below the lower quartile.
    public var lowerWhisker: Double
    /// The 25th percentile (type 7).
    public var lowerQuartile: Double
    /// The 50th percentile (type 7).
    public var median: Double
    /// The 75th percentile (type 7).
    public var upperQuartile: Double
    /// The largest value within 1.5 IQR above the upper quartile.
    public var upperWhisker: Double
    /// Values beyond the whiskers, ascending.
    public var outliers: [Double]
    /// The number of values summarised.
    public var count: Int

    /// Precomputed statistics, for large data where only quantiles are kept.
    public init(lowerWhisker: Double, lowerQuartile: Double, median: Double, upperQuartile: Double,
                upperWhisker: Double, outliers: [Double] = [], count: Int) {
        self.lowerWhisker = lowerWhisker; self.lowerQuartile = lowerQuartile; self.median = median
        self.upperQuartile = upperQuartile; self.upperWhisker = upperWhisker; self.outliers = outliers; self.count = count
    }

    /// Statistics of `values` (non-finite values ignored); nil when none remain.
    /// - Complexity: O(n log n) for the sort.
    public init?(values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let q1 = BoxStatistics.quantile(sorted, 0.25)
        let q3 = BoxStatistics.quantile(sorted, 0.75)
        let reach = 1.5 * (q3 - q1)
        let inside = sorted.filter { $0 >= q1 - reach && $0 <= q3 + reach }
        self.init(lowerWhisker: inside.first ?? q1, lowerQuartile: q1, median: BoxStatistics.quantile(sorted, 0.5),
                  upperQuartile: q3, upperWhisker: inside.last ?? q3,
                  outliers: sorted.filter { $0 < q1 - reach || $0 > q3 + reach }, count: sorted.count)
    }

    /// The type-7 sample quantile of sorted, non-empty `sorted` at probability `p`.
    /// - Complexity: O(1).
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let low = Int(floor(h))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}
