import RealModule

/// One coefficient of a fitted logistic model, on the log-odds scale, with its odds ratio.
public struct LogisticTerm: Sendable, Equatable {
    /// "(Intercept)" or the covariate's name.
    public let name: String
    /// The coefficient β (log odds ratio per unit of the covariate; log odds for the intercept).
    public let estimate: Double
    /// Its standard error, √[(XᵀWX)⁻¹]ⱼⱼ.
    public let standardError: Double
    /// The test statistic behind `pValue`: Wald z = β/SE for maximum likelihood; the
    /// penalized likelihood-ratio χ²(1) for Firth's method.
    public let statistic: Double
    /// The two-sided p-value for β = 0.
    public let pValue: Double
    /// Lower confidence limit for β.
    public let ciLower: Double
    /// Upper confidence limit for β.
    public let ciUpper: Double

    /// The odds ratio e^β.
    public var oddsRatio: Double { Double.exp(estimate) }
    /// Lower confidence limit of the odds ratio, e^ciLower.
    public var oddsRatioCILower: Double { Double.exp(ciLower) }
    /// Upper confidence limit of the odds ratio, e^ciUpper.
    public var oddsRatioCIUpper: Double { Double.exp(ciUpper) }
}
