/// The likelihood-ratio test of two nested logistic models fitted by maximum likelihood, as R's
/// `anova(fit0, fit1, test = "LRT")`: the fall in deviance from the reduced to the full model
/// against χ² on the difference in their numbers of estimable coefficients.
///
/// The test is only meaningful when the reduced model's columns span a subspace of the full
/// model's on the same rows (the caller's responsibility, as in R).
public struct LikelihoodRatioTest: Sendable, Equatable {
    /// The deviance of the reduced model minus that of the full model.
    public let statistic: Double
    /// The number of coefficients the full model adds.
    public let degreesOfFreedom: Int
    /// P(χ²(df) > statistic).
    public let pValue: Double

    /// The test of `reduced` within `full`.
    /// - Throws: ``StatisticsError`` when the full model adds no coefficient.
    /// - Complexity: O(1).
    public init(reduced: LogisticFit, full: LogisticFit) throws(StatisticsError) {
        let df = full.terms.count - reduced.terms.count
        let distribution = try ChiSquare(degreesOfFreedom: Double(df))
        statistic = reduced.deviance - full.deviance
        degreesOfFreedom = df
        pValue = distribution.survival(max(statistic, 0))
    }
}
