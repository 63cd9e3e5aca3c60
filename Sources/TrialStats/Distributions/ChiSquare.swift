/// The chi-square distribution with k > 0 degrees of freedom.
public struct ChiSquare: Sendable, Equatable {
    /// k, the degrees of freedom.
    public let degreesOfFreedom: Double

    /// Creates the distribution.
    /// - Throws: ``StatisticsError/invalidParameter(name:value:)`` unless k > 0.
    public init(degreesOfFreedom: Double) throws(StatisticsError) {
        try StatisticsError.checkDegreesOfFreedom(degreesOfFreedom)
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Both tails at `x`: P(X ≤ x) = P(k/2, x/2) and P(X > x) = Q(k/2, x/2).
    ///
    /// Method: ``IncompleteGamma/regularized(a:x:)`` (as R's `pchisq`, which calls `pgamma`).
    ///
    /// - Error Bounds: relative error of the smaller tail below 5e-13 for k ≤ 2000,
    ///   including survival probabilities far below 1e-12 (checked against R's `pchisq`).
    /// - Edge Cases: (0, 1) for x ≤ 0, (1, 0) at +∞, NaN tails at NaN.
    /// - Complexity: O(√k).
    public func tails(_ x: Double) -> TailProbabilities {
        if x.isNaN { return .undefined }
        if x <= 0 { return TailProbabilities(lower: 0, upper: 1) }
        return IncompleteGamma.regularized(a: degreesOfFreedom / 2, x: x / 2)
    }

    /// P(X ≤ x).
    /// - Complexity: O(√k).
    public func cdf(_ x: Double) -> Double { tails(x).lower }

    /// P(X > x), accurate in the upper tail (the p-value of a chi-square statistic).
    /// - Complexity: O(√k).
    public func survival(_ x: Double) -> Double { tails(x).upper }
}
