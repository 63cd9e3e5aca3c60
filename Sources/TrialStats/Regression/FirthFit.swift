/// A logistic model fitted by Firth's penalized likelihood, reported as R's `logistf` does
/// by default: profile penalized likelihood confidence intervals and penalized
/// likelihood-ratio tests.
public struct FirthFit: Sendable {
    /// The coefficients. `standardError` is √[(XᵀWX)⁻¹]ⱼⱼ at the estimate; `ciLower`/`ciUpper`
    /// are profile penalized likelihood limits (±∞ when the profile never falls far enough, NaN
    /// when they cannot be established); `statistic` is the penalized likelihood-ratio χ²(1) for
    /// βⱼ = 0 and `pValue` its upper tail (NaN when they cannot be established).
    public let terms: [LogisticTerm]
    /// Why each NaN limit or test of `terms` could not be established, in term order.
    public let profileProblems: [FirthProfileProblem]
    /// (XᵀWX)⁻¹ at the estimate, rows and columns in term order.
    public let covariance: [[Double]]
    /// The maximized penalized log-likelihood l*(β̂) = l(β̂) + ½·log det(XᵀWX).
    public let penalizedLogLikelihood: Double
    /// The (unpenalized) log-likelihood l(β̂).
    public let logLikelihood: Double
    /// Iterations of the main fit.
    public let iterations: Int
    /// The coverage of the confidence intervals, e.g. 0.95.
    public let confidenceLevel: Double
}
