extension Proportion {
    /// The Clopper–Pearson "exact" interval for a proportion (R's `binom.test` CI).
    ///
    /// Method: Clopper & Pearson (1934) via beta quantiles, as R's `binom.test`:
    /// lower = qbeta(α/2, x, n − x + 1) (0 when x = 0), upper = qbeta(1 − α/2, x + 1, n − x)
    /// (1 when x = n), α = 1 − level, with ``IncompleteBeta/inverse(probability:a:b:)``.
    ///
    /// - Error Bounds: relative error about 1e-13 (checked against R's `binom.test`).
    /// - Throws: ``StatisticsError`` for trials < 1, successes outside 0…trials, or a
    ///   level outside (0, 1).
    /// - Complexity: O(√n) per Newton step, under 10 steps typically.
    public static func clopperPearsonInterval(
        successes: Int, trials: Int, confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> ConfidenceInterval {
        try checkCounts(successes: successes, trials: trials)
        try StatisticsError.checkConfidenceLevel(confidenceLevel)
        let alpha = 1 - confidenceLevel
        let x = Double(successes), n = Double(trials)
        let lower = successes == 0 ? 0 : IncompleteBeta.inverse(probability: alpha / 2, a: x, b: n - x + 1).x
        let upper = successes == trials ? 1 : IncompleteBeta.inverse(probability: 1 - alpha / 2, a: x + 1, b: n - x).x
        return ConfidenceInterval(lower: lower, upper: upper, level: confidenceLevel)
    }
}
