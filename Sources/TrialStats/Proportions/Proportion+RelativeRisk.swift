import RealModule

/// The ratio p₁/p₂ of two independent proportions with its confidence interval.
public struct RelativeRisk: Sendable, Equatable, Codable {
    /// p̂₁/p̂₂ (of the corrected counts when ``continuityCorrected``).
    public let estimate: Double
    /// The confidence interval of p₁/p₂.
    public let confidenceInterval: ConfidenceInterval
    /// Whether ½ was added to every cell because a group had no successes.
    public let continuityCorrected: Bool
}

extension Proportion {
    /// The relative risk of two proportions with the Katz log interval.
    ///
    /// Method: Katz, Baptista, Azen & Pike (1978): with a of n₁ and c of n₂ successes,
    /// RR = (a/n₁)/(c/n₂), se(log RR) = √(1/a − 1/n₁ + 1/c − 1/n₂), and the limits
    /// exp(log RR ∓ z·se), z = Φ⁻¹((1 + level)/2). When a group has no successes (a = 0 or
    /// c = 0, where log RR or its se is infinite) ½ is added to each of the four cells
    /// (a + ½ of n₁ + 1, c + ½ of n₂ + 1; Haldane–Anscombe) and the result says so.
    ///
    /// - Error Bounds: a few ulps (closed form); checked against the same formula in R.
    /// - Throws: ``StatisticsError`` for invalid counts or level.
    /// - Complexity: O(1).
    public static func relativeRisk(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int, confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> RelativeRisk {
        try checkCounts(successes: successes1, trials: trials1)
        try checkCounts(successes: successes2, trials: trials2)
        try StatisticsError.checkConfidenceLevel(confidenceLevel)
        let corrected = successes1 == 0 || successes2 == 0
        let add = corrected ? 0.5 : 0
        let a = Double(successes1) + add, n1 = Double(trials1) + 2 * add
        let c = Double(successes2) + add, n2 = Double(trials2) + 2 * add
        let ratio = (a / n1) / (c / n2), logRatio = Double.log(ratio)
        let standardError = (1 / a - 1 / n1 + 1 / c - 1 / n2).squareRoot()
        let z = Normal.quantile((1 + confidenceLevel) / 2)
        return RelativeRisk(
            estimate: ratio,
            confidenceInterval: ConfidenceInterval(
                lower: Double.exp(logRatio - z * standardError), upper: Double.exp(logRatio + z * standardError),
                level: confidenceLevel),
            continuityCorrected: corrected)
    }
}
