/// The variant of one-way test that produced a ``OneWayTest`` result.
public enum OneWayMethod: String, Sendable, Equatable, Codable {
    /// The classical analysis of variance F test (equal variances assumed).
    case anova
    /// Welch's (1951) test, not assuming equal variances.
    case welch
}

/// A one-way test that k ≥ 2 group means are equal, as R's `oneway.test` reports it.
public struct OneWayTest: Sendable, Equatable, Codable {
    /// Which test was run.
    public let method: OneWayMethod
    /// The F statistic.
    public let statistic: Double
    /// The numerator degrees of freedom, k − 1.
    public let numeratorDegreesOfFreedom: Double
    /// The denominator degrees of freedom: N − k (ANOVA) or Welch's non-integer value.
    public let denominatorDegreesOfFreedom: Double
    /// P(F > statistic).
    public let pValue: Double
    /// The mean of each group, in the order given.
    public let groupMeans: [Double]

    /// The analysis-of-variance F test (R: `oneway.test(y ~ g, var.equal = TRUE)`, the
    /// F test of `anova(lm(y ~ g))`).
    ///
    /// Method: F = [Σ nᵢ(ȳᵢ − ȳ)²/(k − 1)] / [Σ (nᵢ − 1)sᵢ²/(N − k)] on k − 1 and N − k
    /// degrees of freedom, with two-pass means and variances (``Descriptives``).
    ///
    /// - Error Bounds: statistic to about 1e-13 relative for well-scaled data; p-value
    ///   as ``FDistribution`` (relative 1e-12 for N up to 10⁴, 1e-10 at 10⁶); checked
    ///   against R to 1e-10.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` for
    ///   fewer than 2 groups or a group with fewer than 2 values (R: "not enough
    ///   observations"), ``StatisticsError/nonFiniteValue(sample:index:)``, and
    ///   ``StatisticsError/essentiallyConstant(sample:)`` when every group is constant
    ///   (the within-group variance is zero; R returns NaN or Inf).
    /// - Complexity: O(N).
    public static func anova(_ groups: [[Double]]) throws(StatisticsError) -> OneWayTest {
        let samples = try checkedSamples(groups)
        let total = samples.reduce(0.0) { $0 + $1.count }
        let groupCount = Double(samples.count)
        let grandMean = Descriptives.mean(Array(groups.joined())) ?? 0
        let between = samples.reduce(0.0) { $0 + $1.count * ($1.mean - grandMean) * ($1.mean - grandMean) }
        let within = samples.reduce(0.0) { $0 + ($1.count - 1) * $1.variance }
        try TTestSample.checkNotConstant(
            standardError: (within / (total - groupCount)).squareRoot(), means: samples.map(\.mean), name: "all groups"
        )
        let statistic = (between / (groupCount - 1)) / (within / (total - groupCount))
        return try OneWayTest(
            method: .anova, statistic: statistic, numeratorDegreesOfFreedom: groupCount - 1,
            denominatorDegreesOfFreedom: total - groupCount, groupMeans: samples.map(\.mean)
        )
    }

    /// Welch's one-way test (R: `oneway.test(y ~ g, var.equal = FALSE)`, R's default).
    ///
    /// Method: Welch (1951). With weights wᵢ = nᵢ/sᵢ², W = Σwᵢ, the weighted mean
    /// m = Σwᵢȳᵢ/W and λ = Σ(1 − wᵢ/W)²/(nᵢ − 1)/(k² − 1):
    /// F = Σwᵢ(ȳᵢ − m)² / [(k − 1)(1 + 2(k − 2)λ)] on k − 1 and 1/(3λ) degrees of freedom.
    ///
    /// - Error Bounds: as ``anova(_:)``.
    /// - Throws: as ``anova(_:)``, and ``StatisticsError/essentiallyConstant(sample:)``
    ///   naming the group when any one group is constant (its weight would be infinite;
    ///   R returns NaN).
    /// - Complexity: O(N).
    public static func welch(_ groups: [[Double]]) throws(StatisticsError) -> OneWayTest {
        let samples = try checkedSamples(groups)
        for (index, sample) in samples.enumerated() {
            try TTestSample.checkNotConstant(
                standardError: sample.variance.squareRoot(), means: [sample.mean], name: "group \(index + 1)"
            )
        }
        let groupCount = Double(samples.count)
        let weights = samples.map { $0.count / $0.variance }
        let weightSum = weights.reduce(0, +)
        let lambda = zip(weights, samples).reduce(0.0) { sum, pair in
            let share = 1 - pair.0 / weightSum
            return sum + share * share / (pair.1.count - 1)
        } / (groupCount * groupCount - 1)
        let weightedMean = zip(weights, samples).reduce(0.0) { $0 + $1.0 * $1.1.mean } / weightSum
        let spread = zip(weights, samples).reduce(0.0) { $0 + $1.0 * ($1.1.mean - weightedMean) * ($1.1.mean - weightedMean) }
        let statistic = spread / ((groupCount - 1) * (1 + 2 * (groupCount - 2) * lambda))
        return try OneWayTest(
            method: .welch, statistic: statistic, numeratorDegreesOfFreedom: groupCount - 1,
            denominatorDegreesOfFreedom: 1 / (3 * lambda), groupMeans: samples.map(\.mean)
        )
    }

    private init(
        method: OneWayMethod, statistic: Double, numeratorDegreesOfFreedom: Double,
        denominatorDegreesOfFreedom: Double, groupMeans: [Double]
    ) throws(StatisticsError) {
        let distribution = try FDistribution(
            numeratorDegreesOfFreedom: numeratorDegreesOfFreedom,
            denominatorDegreesOfFreedom: denominatorDegreesOfFreedom
        )
        self.method = method
        self.statistic = statistic
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
        pValue = distribution.survival(statistic)
        self.groupMeans = groupMeans
    }

    /// Each group's count, mean and variance, after R's checks: at least 2 groups,
    /// each with at least 2 finite values.
    private static func checkedSamples(_ groups: [[Double]]) throws(StatisticsError) -> [TTestSample] {
        guard groups.count >= 2 else {
            throw .notEnoughObservations(sample: "groups", minimum: 2, actual: groups.count)
        }
        var samples = [TTestSample]()
        for (index, group) in groups.enumerated() {
            samples.append(try TTestSample(group, name: "group \(index + 1)", minimum: 2))
        }
        return samples
    }
}
