/// How a Wilcoxon p-value was computed.
public enum WilcoxonMethod: String, Sendable, Equatable, Codable {
    /// From the exact null distribution (no ties, no zero differences, n < 50).
    case exact
    /// Normal approximation with continuity correction and tie-corrected variance
    /// (R's default when the exact distribution does not apply).
    case normalApproximation
}

/// A two-sided Wilcoxon test (rank-sum or signed-rank) as R's `wilcox.test` reports it.
public struct WilcoxonTest: Sendable, Equatable, Codable {
    /// R's statistic: W (rank sum of x minus nₓ(nₓ + 1)/2) or V (sum of the ranks of
    /// the positive differences).
    public let statistic: Double
    /// The two-sided p-value.
    public let pValue: Double
    /// The method actually used.
    public let method: WilcoxonMethod
    /// Whether tied values were found (which rules out the exact distribution).
    public let hasTies: Bool
    /// The number of zero differences dropped (signed-rank only; always 0 for rank-sum).
    public let zerosDropped: Int
    /// The standardised statistic z of the normal approximation (nil when exact).
    public let z: Double?

    /// The two-sided p-value of the normal approximation, as R computes it:
    /// z = (S − mean − sign(S − mean)·½)/σ, p = 2·min(Φ(z), 1 − Φ(z)).
    /// - Throws: ``StatisticsError/essentiallyConstant(sample:)`` when σ = 0 (all
    ///   values tied; R returns NaN).
    static func normalApproximation(
        statistic: Double, mean: Double, variance: Double, name: String
    ) throws(StatisticsError) -> (z: Double, pValue: Double) {
        guard variance > 0 else { throw .essentiallyConstant(sample: name) }
        let centred = statistic - mean
        let correction = centred > 0 ? 0.5 : (centred < 0 ? -0.5 : 0)
        let z = (centred - correction) / variance.squareRoot()
        return (z, Swift.min(1, 2 * Swift.min(Normal.cdf(z), Normal.survival(z))))
    }

    /// The two-sided exact p-value as R's `wilcox.test`: the tail on the side of the
    /// statistic, doubled and capped at 1.
    static func exactPValue(
        statistic: Int, centre: Double, lowerTail: (Int) -> Double, upperTail: (Int) -> Double
    ) -> Double {
        let oneSided = Double(statistic) > centre ? upperTail(statistic) : lowerTail(statistic)
        return Swift.min(1, 2 * oneSided)
    }
}
