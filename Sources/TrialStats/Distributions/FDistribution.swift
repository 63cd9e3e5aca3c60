/// Fisher–Snedecor's F distribution with d₁ > 0 and d₂ > 0 (not necessarily integer)
/// degrees of freedom.
public struct FDistribution: Sendable, Equatable {
    /// d₁, the numerator degrees of freedom.
    public let numeratorDegreesOfFreedom: Double
    /// d₂, the denominator degrees of freedom.
    public let denominatorDegreesOfFreedom: Double

    /// Creates the distribution.
    /// - Throws: ``StatisticsError/invalidParameter(name:value:)`` unless d₁ > 0 and d₂ > 0.
    public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) throws(StatisticsError) {
        try StatisticsError.checkDegreesOfFreedom(numeratorDegreesOfFreedom)
        try StatisticsError.checkDegreesOfFreedom(denominatorDegreesOfFreedom)
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
    }

    /// Both tails at `f`: P(F ≤ f) and P(F > f); the smaller keeps full relative accuracy.
    ///
    /// Method (as R's nmath/pf.c): with u = d₁f/(d₂ + d₁f), P(F ≤ f) = I_u(d₁/2, d₂/2);
    /// u and 1 − u = d₂/(d₂ + d₁f) are both formed directly, so neither tail loses
    /// digits to a subtraction (``IncompleteBeta/regularized(x:a:b:)``).
    ///
    /// - Error Bounds: relative error of the smaller tail below 1e-13 for degrees of
    ///   freedom up to 250, 1e-12 up to 10⁴ and 1e-10 at 10⁶ (checked against R's `pf`,
    ///   tails down to 1e-230).
    /// - Edge Cases: (0, 1) for f ≤ 0, (1, 0) at +∞, NaN tails at NaN.
    /// - Complexity: O(√max(d₁, d₂)) continued-fraction terms.
    public func tails(_ f: Double) -> TailProbabilities {
        if f.isNaN { return .undefined }
        if f <= 0 { return TailProbabilities(lower: 0, upper: 1) }
        if f == .infinity { return TailProbabilities(lower: 1, upper: 0) }
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        let scaled = d1 * f, denominator = d2 + d1 * f
        if !denominator.isFinite { return TailProbabilities(lower: 1, upper: 0) }
        return IncompleteBeta.regularized(x: scaled / denominator, complement: d2 / denominator, a: d1 / 2, b: d2 / 2)
    }

    /// P(F ≤ f).
    /// - Complexity: O(√max(d₁, d₂)).
    public func cdf(_ f: Double) -> Double { tails(f).lower }

    /// P(F > f), accurate in the upper tail (the p-value of an F statistic).
    /// - Complexity: O(√max(d₁, d₂)).
    public func survival(_ f: Double) -> Double { tails(f).upper }
}
