import RealModule

/// The summary statistics of one sample, ignoring missing values.
///
/// Missing means `nil` or NaN in the input. A statistic that is undefined for the
/// observed count is `nil` (R gives `NA`): everything but ``count`` and ``missing``
/// when no value is observed, ``standardDeviation`` and ``standardError`` when only one is.
public struct Descriptives: Sendable, Equatable, Codable {
    /// n, the number of observed (non-missing) values.
    public let count: Int
    /// The number of missing values (`nil` or NaN).
    public let missing: Int
    /// The arithmetic mean, two-pass (R's `mean`: sum/n plus the mean residual).
    public let mean: Double?
    /// The sample standard deviation with divisor n − 1 (R's `sd`), two-pass.
    public let standardDeviation: Double?
    /// The standard error of the mean, SD/√n.
    public let standardError: Double?
    /// The median (type-7 quantile at ½, equal to R's `median`).
    public let median: Double?
    /// Q1, the type-7 quantile at ¼ (R's `quantile` default).
    public let firstQuartile: Double?
    /// Q3, the type-7 quantile at ¾.
    public let thirdQuartile: Double?
    /// The smallest observed value.
    public let minimum: Double?
    /// The largest observed value.
    public let maximum: Double?

    /// Summarises `values`, treating `nil` and NaN as missing. ±∞ are observed values.
    ///
    /// - Error Bounds: mean and SD to a few ulps (two-pass with residual correction);
    ///   quantiles exact up to one rounding.
    /// - Complexity: O(n log n) for the sort.
    public init(_ values: some Sequence<Double?>) {
        var observed = [Double]()
        var missing = 0
        for value in values {
            if let value, !value.isNaN { observed.append(value) } else { missing += 1 }
        }
        observed.sort()
        self.count = observed.count
        self.missing = missing
        let mean = Self.mean(observed)
        self.mean = mean
        if let mean, let variance = Self.variance(observed, mean: mean) {
            let deviation = variance.squareRoot()
            standardDeviation = deviation
            standardError = deviation / Double(observed.count).squareRoot()
        } else {
            standardDeviation = nil
            standardError = nil
        }
        median = SampleQuantile.type7(0.5, sorted: observed)
        firstQuartile = SampleQuantile.type7(0.25, sorted: observed)
        thirdQuartile = SampleQuantile.type7(0.75, sorted: observed)
        minimum = observed.first
        maximum = observed.last
    }

    /// The mean of `values` as R computes it: s = Σx/n, then s + Σ(x − s)/n.
    /// - Returns: `nil` for an empty array.
    /// - Complexity: O(*n*), two passes.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        let first = values.reduce(0, +) / n
        guard first.isFinite else { return first }
        return first + values.reduce(0.0) { $0 + ($1 - first) } / n
    }

    /// The sample variance of `values` (divisor n − 1), two-pass around the mean.
    /// - Returns: `nil` for fewer than two values.
    /// - Complexity: O(*n*), one pass.
    public static func variance(_ values: [Double], mean: Double) -> Double? {
        guard values.count > 1 else { return nil }
        return values.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }
}
