extension Proportion {
    /// The Wilson score interval for a proportion, without continuity correction.
    ///
    /// Method: Wilson (1927), exactly as R's `prop.test(x, n, correct = FALSE)$conf.int`
    /// computes it: with p̂ = x/n, z = Φ⁻¹((1 + level)/2) and c = z²/(2n),
    /// (p̂ + c ± z√(p̂(1 − p̂)/n + c/(2n)))/(1 + 2c), the lower limit set to 0 when
    /// x = 0 and the upper to 1 when x = n.
    ///
    /// - Error Bounds: a few ulps (closed form).
    /// - Throws: ``StatisticsError`` for trials < 1, successes outside 0…trials, or a
    ///   level outside (0, 1).
    /// - Complexity: O(1).
    public static func wilsonInterval(
        successes: Int, trials: Int, confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> ConfidenceInterval {
        try checkCounts(successes: successes, trials: trials)
        try StatisticsError.checkConfidenceLevel(confidenceLevel)
        let n = Double(trials)
        let estimate = Double(successes) / n
        let z = Normal.quantile((1 + confidenceLevel) / 2)
        let halfZSquaredOverN = z * z / (2 * n)
        let spread = z * (estimate * (1 - estimate) / n + halfZSquaredOverN / (2 * n)).squareRoot()
        let denominator = 1 + 2 * halfZSquaredOverN
        let upper = estimate >= 1 ? 1 : (estimate + halfZSquaredOverN + spread) / denominator
        let lower = estimate <= 0 ? 0 : (estimate + halfZSquaredOverN - spread) / denominator
        return ConfidenceInterval(lower: lower, upper: upper, level: confidenceLevel)
    }
}
