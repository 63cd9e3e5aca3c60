import RealModule

extension LogisticModel {
    /// Doublings of the search step, beyond which a confidence limit is taken as infinite.
    static let profileMaximumDoublings = 40

    /// Profile penalized likelihood inference for term `j` (Heinze & Schemper 2002, §2.2, as
    /// `logistf`'s defaults `pl = TRUE`):
    /// - the confidence limits are the two b with 2·(l*(β̂) − l*ⱼ(b)) = χ²₁(level), where
    ///   l*ⱼ(b) is l* maximized over the other coefficients with βⱼ = b. Each is bracketed by
    ///   stepping out from β̂ⱼ in multiples of its SE (doubling), then found by Brent's method
    ///   to 1e−12 relative; a limit that is never bracketed is ±∞.
    /// - the test statistic is 2·(l*(β̂) − l*ⱼ(0)), referred to χ²(1):
    ///   p = P(χ²₁ > x) = 2·(1 − Φ(√x)).
    func profileTerm(
        _ j: Int, maximum: PenalizedPoint, covariance: SymmetricMatrix, confidenceLevel: Double
    ) throws(LogisticModelError) -> LogisticTerm {
        let estimate = maximum.coefficients[j]
        let standardError = covariance[j, j].squareRoot()
        let criticalRoot = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        let critical = criticalRoot * criticalRoot
        var warmStart = maximum.coefficients
        /// 2·(l*(β̂) − l*ⱼ(b)) − χ²₁(level): negative inside the interval, positive outside.
        func deficit(_ b: Double) throws(LogisticModelError) -> Double {
            var start = warmStart
            start[j] = b
            let profile = try maximizePenalizedLikelihood(from: start, fixing: j)
            warmStart = profile.coefficients
            return 2 * (maximum.value - profile.value) - critical
        }
        func limit(direction: Double) throws(LogisticModelError) -> Double {
            warmStart = maximum.coefficients
            var step = direction * standardError
            var far = estimate + step
            var farDeficit = try deficit(far)
            var doublings = 0
            while farDeficit < 0 {
                guard doublings < Self.profileMaximumDoublings else { return direction * .infinity }
                step *= 2
                far = estimate + step
                farDeficit = try deficit(far)
                doublings += 1
            }
            return try BrentRoot.zeroin(
                deficit, lower: estimate, upper: far, valueAtLower: -critical, valueAtUpper: farDeficit,
                tolerance: 1e-12 * max(1, abs(estimate)))
        }
        let lower = try limit(direction: -1)
        let upper = try limit(direction: 1)
        warmStart = maximum.coefficients
        let statistic = max(0, try deficit(0) + critical)
        return LogisticTerm(
            name: termNames[j], estimate: estimate, standardError: standardError,
            statistic: statistic, pValue: 2 * Normal.survival(statistic.squareRoot()),
            ciLower: lower, ciUpper: upper)
    }
}
