/// A linear function of a linear model's coefficients (a coefficient, an LS mean, a
/// difference or a contrast) with its t-based inference.
public struct LinearEstimate: Sendable, Equatable, Codable {
    /// The estimate ℓᵀβ.
    public let estimate: Double
    /// Its standard error σ·√(ℓᵀ(XᵀX)⁻¹ℓ).
    public let standardError: Double
    /// The residual degrees of freedom of the t distribution used.
    public let degreesOfFreedom: Double
    /// t = estimate / SE for the hypothesis that the function is 0.
    public let t: Double
    /// The two-sided p-value of `t`.
    public let pValue: Double
    /// The confidence interval estimate ± t₁₋α/₂ × SE.
    public let confidenceInterval: ConfidenceInterval

    /// Inference for `estimate` with `standardError` on the t `distribution`.
    init(estimate: Double, standardError: Double, distribution: StudentT, confidenceLevel: Double) {
        let half = distribution.quantile(1 - (1 - confidenceLevel) / 2) * standardError
        self.estimate = estimate
        self.standardError = standardError
        degreesOfFreedom = distribution.degreesOfFreedom
        t = estimate / standardError
        pValue = min(1, 2 * distribution.tails(abs(t)).upper)
        confidenceInterval = ConfidenceInterval(lower: estimate - half, upper: estimate + half, level: confidenceLevel)
    }
}
