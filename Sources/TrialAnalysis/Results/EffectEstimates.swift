/// The between-arm effect on a continuous measure (treatment minus control, or an arm minus the
/// reference) with its confidence interval, estimated as the test beside it compares the arms.
public struct LocationEffect: Codable, Sendable, Equatable {
    /// How the effect was estimated.
    public enum Estimator: String, Codable, Sendable, Equatable, CaseIterable {
        /// The Hodges–Lehmann shift with the exact interval (`wilcox.test(x, y, conf.int = TRUE)`,
        /// fewer than 50 values in each arm and no ties).
        case hodgesLehmannExact = "hodges-lehmann-exact"
        /// The Hodges–Lehmann shift with the interval of the normal approximation (R's `uniroot`
        /// on the continuity-corrected rank-sum statistic; ties or 50 values or more in an arm).
        case hodgesLehmannNormal = "hodges-lehmann-normal"
        /// The difference of the means with Welch's interval (`t.test(x, y)`).
        case meanDifference = "mean-difference"
    }

    /// How the effect was estimated.
    public var estimator: Estimator
    /// The estimate.
    public var estimate: Double?
    /// Lower limit of the confidence interval.
    public var ciLower: Double?
    /// Upper limit of the confidence interval.
    public var ciUpper: Double?
    /// The interval's confidence level: 0.95, or the level the exact distribution of very small
    /// arms can reach when that is lower (as R reports it).
    public var ciLevel: Double?

    /// An effect; non-finite values become `nil`.
    public init(estimator: Estimator, estimate: Double?, ciLower: Double?, ciUpper: Double?, ciLevel: Double?) {
        self.estimator = estimator
        self.estimate = estimate.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
        self.ciLevel = ciLevel.finite
    }
}

/// The ratio of the remission rates (treatment over control, or an arm over the reference) with
/// the 95 % Katz log interval.
public struct RelativeRiskEstimate: Codable, Sendable, Equatable {
    /// The ratio of the rates.
    public var estimate: Double?
    /// Lower limit of the 95 % confidence interval.
    public var ciLower: Double?
    /// Upper limit of the 95 % confidence interval.
    public var ciUpper: Double?
    /// Whether ½ was added to every cell because an arm had no responders.
    public var continuityCorrected: Bool

    /// A relative risk; non-finite values become `nil`.
    public init(estimate: Double?, ciLower: Double?, ciUpper: Double?, continuityCorrected: Bool) {
        self.estimate = estimate.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
        self.continuityCorrected = continuityCorrected
    }
}

/// The odds ratio of remission (treatment against control, or an arm against the reference) as
/// Fisher's exact test gives it: the conditional maximum-likelihood estimate and the exact 95 %
/// interval (`fisher.test`). An infinite estimate or upper limit (no non-responders in an arm or
/// no responders in the other) is `nil`.
public struct OddsRatioEstimate: Codable, Sendable, Equatable {
    /// The conditional maximum-likelihood estimate.
    public var estimate: Double?
    /// Lower limit of the exact 95 % confidence interval.
    public var ciLower: Double?
    /// Upper limit of the exact 95 % confidence interval.
    public var ciUpper: Double?

    /// An odds ratio; non-finite values become `nil`.
    public init(estimate: Double?, ciLower: Double?, ciUpper: Double?) {
        self.estimate = estimate.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
    }
}
