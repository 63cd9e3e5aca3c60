/// The variant of t-test that produced a ``TTest`` result.
public enum TTestMethod: String, Sendable, Equatable, Codable {
    /// Welch's unequal-variance two-sample test (R's `t.test` default).
    case welch
    /// Student's pooled-variance two-sample test (`var.equal = TRUE`).
    case student
    /// The paired test: a one-sample test on the differences x − y.
    case paired
    /// The one-sample test against a hypothesised mean μ.
    case oneSample
}

/// A two-sided t-test and the confidence interval of its mean or mean difference, as
/// R's `t.test` reports them.
public struct TTest: Sendable, Equatable, Codable {
    /// Which test was run.
    public let method: TTestMethod
    /// t = (estimate − μ)/standard error.
    public let statistic: Double
    /// The degrees of freedom (Welch–Satterthwaite for ``TTestMethod/welch``).
    public let degreesOfFreedom: Double
    /// The two-sided p-value 2·P(T_df > |t|).
    public let pValue: Double
    /// The mean difference x̄ − ȳ (two-sample), the mean of the differences (paired),
    /// or the mean (one-sample).
    public let estimate: Double
    /// The standard error of ``estimate``.
    public let standardError: Double
    /// The confidence interval of the mean (difference).
    public let confidenceInterval: ConfidenceInterval
    /// The group means x̄ and ȳ for two-sample tests (R's `estimate`), empty otherwise.
    public let groupMeans: [Double]

    /// Assembles the result from the estimate, its standard error and df, as R does:
    /// t = (estimate − μ)/se, CI = μ + (t ± q)·se with q the t quantile.
    init(
        method: TTestMethod, estimate: Double, standardError: Double, degreesOfFreedom: Double,
        hypothesizedMean: Double, confidenceLevel: Double, groupMeans: [Double]
    ) throws(StatisticsError) {
        let distribution = try StudentT(degreesOfFreedom: degreesOfFreedom)
        let statistic = (estimate - hypothesizedMean) / standardError
        let quantile = distribution.quantile(1 - (1 - confidenceLevel) / 2)
        self.method = method
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        pValue = Swift.min(1, 2 * distribution.cdf(-abs(statistic)))
        self.estimate = estimate
        self.standardError = standardError
        confidenceInterval = ConfidenceInterval(
            lower: hypothesizedMean + (statistic - quantile) * standardError,
            upper: hypothesizedMean + (statistic + quantile) * standardError,
            level: confidenceLevel
        )
        self.groupMeans = groupMeans
    }
}

/// The mean and variance of a sample checked for a t-test.
struct TTestSample {
    let count: Double
    let mean: Double
    let variance: Double

    /// - Throws: when a value is not finite or there are fewer than `minimum` values.
    init(_ values: [Double], name: String, minimum: Int) throws(StatisticsError) {
        try StatisticsError.checkFinite(values, name: name)
        guard values.count >= minimum, let mean = Descriptives.mean(values) else {
            throw .notEnoughObservations(sample: name, minimum: minimum, actual: values.count)
        }
        count = Double(values.count)
        self.mean = mean
        variance = Descriptives.variance(values, mean: mean) ?? 0
    }

    /// R's check: the standard error must exceed 10·eps·max|mean|.
    static func checkNotConstant(
        standardError: Double, means: [Double], name: String
    ) throws(StatisticsError) {
        let scale = means.map(abs).max() ?? 0
        guard standardError >= 10 * Double.ulpOfOne * scale, standardError > 0 else {
            throw .essentiallyConstant(sample: name)
        }
    }
}
