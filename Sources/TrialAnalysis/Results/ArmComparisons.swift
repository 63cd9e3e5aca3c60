import TrialStats

/// The comparisons of a plan with more than two arms beside the test across all arms (which the
/// comparison's own `test` and `pValue` hold): each arm against the reference, with the plan's
/// multiplicity adjustment of those p-values, and the dose–response test when the plan gives
/// every arm a dose. Two-arm plans have none (`nil`).
public struct ArmComparisons: Codable, Sendable, Equatable {
    /// The reference arm's label.
    public var reference: String
    /// The plan's `multiplicity`, applied to the pairwise p-values as R's `p.adjust` (the
    /// p-values that could be computed are the family).
    public var adjustment: MultiplicityAdjustment
    /// Each arm other than the reference against the reference, in plan order.
    public var pairwise: [PairwiseComparison]
    /// The dose–response test, or `nil` when an arm has no dose.
    public var trend: TrendComparison?

    /// Comparisons of k arms.
    public init(reference: String, adjustment: MultiplicityAdjustment, pairwise: [PairwiseComparison], trend: TrendComparison?) {
        self.reference = reference
        self.adjustment = adjustment
        self.pairwise = pairwise
        self.trend = trend
    }
}

/// One arm against the reference arm.
public struct PairwiseComparison: Codable, Sendable, Equatable {
    /// The arm compared with the reference.
    public var arm: String
    /// For responder endpoints, the arm's rate minus the reference's with Newcombe's hybrid score
    /// interval (method 10); `nil` for continuous endpoints.
    public var difference: ProportionDifference?
    /// The two-arm test the plan uses: Fisher's exact test for responders, the plan's
    /// `continuousTest` for continuous data.
    public var test: TestName
    /// Its two-sided p-value.
    public var pValue: Double?
    /// The p-value after the multiplicity adjustment (equal to `pValue` for `none`).
    public var adjustedPValue: Double?
    /// For continuous endpoints, the arm's effect against the reference with its 95 % interval
    /// (Hodges–Lehmann shift or mean difference, as `test`); `nil` for responders.
    public var effect: LocationEffect?
    /// For responder endpoints, the arm's rate over the reference's (Katz log interval); `nil`
    /// for continuous endpoints.
    public var relativeRisk: RelativeRiskEstimate?
    /// For responder endpoints, the odds ratio of Fisher's exact test; `nil` for continuous endpoints.
    public var oddsRatio: OddsRatioEstimate?

    /// A pairwise comparison; non-finite p-values become `nil`.
    public init(arm: String, difference: ProportionDifference?, test: TestName, pValue: Double?, adjustedPValue: Double?,
                effect: LocationEffect? = nil, relativeRisk: RelativeRiskEstimate? = nil, oddsRatio: OddsRatioEstimate? = nil) {
        self.arm = arm
        self.difference = difference
        self.test = test
        self.pValue = pValue.finite
        self.adjustedPValue = adjustedPValue.finite
        self.effect = effect
        self.relativeRisk = relativeRisk
        self.oddsRatio = oddsRatio
    }
}

/// The test of a trend in the arms' doses.
public struct TrendComparison: Codable, Sendable, Equatable {
    /// `cochran-armitage` for responders, `linear-trend` for continuous data.
    public var test: TestName
    /// The slope per unit of dose: of the proportion (weighted least squares, as
    /// `prop.trend.test`), or of the value (`lm(y ~ dose)`).
    public var slope: Double?
    /// Its two-sided p-value.
    public var pValue: Double?

    /// A trend test; non-finite values become `nil`.
    public init(test: TestName, slope: Double?, pValue: Double?) {
        self.test = test
        self.slope = slope.finite
        self.pValue = pValue.finite
    }
}
