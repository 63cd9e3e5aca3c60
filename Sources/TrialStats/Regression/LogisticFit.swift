/// A logistic model fitted by maximum likelihood, as R's `glm(family = binomial)` and
/// `summary()` / `confint.default()` report it.
public struct LogisticFit: Sendable {
    /// The coefficients with Wald statistics: z = β/SE, p = 2·P(Z > |z|), and the Wald
    /// interval β ± z₁₋α/₂·SE (`confint.default`).
    public let terms: [LogisticTerm]
    /// The estimated covariance of the coefficients, (XᵀWX)⁻¹, rows and columns in term order.
    public let covariance: [[Double]]
    /// The residual deviance −2·log L(β̂).
    public let deviance: Double
    /// The deviance of the intercept-only model.
    public let nullDeviance: Double
    /// Akaike's information criterion, deviance + 2p.
    public let aic: Double
    /// The number of IRLS iterations performed (R's `iter`).
    public let iterations: Int
    /// Whether R's convergence rule was met within the iteration limit (R's `converged`).
    public let converged: Bool
    /// Whether some fitted probability is within 10ε of 0 or 1 (R warns
    /// "glm.fit: fitted probabilities numerically 0 or 1 occurred").
    public let fittedProbabilitiesAtBoundary: Bool
    /// Complete or quasi-complete separation when found, naming the covariates involved.
    /// When present, the estimates and Wald statistics are meaningless: use Firth's method.
    public let separation: Separation?
    /// The coverage of the confidence intervals, e.g. 0.95.
    public let confidenceLevel: Double

    /// R's warnings for this fit, worded as `glm.fit` words them.
    public var warnings: [String] {
        (converged ? [] : ["glm.fit: algorithm did not converge"])
            + (fittedProbabilitiesAtBoundary ? ["glm.fit: fitted probabilities numerically 0 or 1 occurred"] : [])
    }
}
