/// The primary endpoint: a participant is in remission when the percent change from baseline to
/// the primary visit of `any` (or `all`) of `parameters` is at least `minPercentIncrease`.
///
/// Percent change = (value − baseline) / baseline × 100, compared with the threshold with an
/// absolute tolerance of 1e-9 so that exactly 10 % counts (SPEC.md §2). A baseline of 0 leaves the
/// percent change undefined: that parameter cannot meet the rule for that participant.
public struct RemissionRule: Sendable, Hashable {
    /// Whether one parameter meeting the threshold suffices or all must.
    public enum Combination: String, Sendable, Hashable, CaseIterable {
        /// At least one parameter meets the threshold.
        case any
        /// Every parameter meets the threshold.
        case all
    }

    /// What a missing baseline or primary-visit value of a remission parameter means.
    public enum MissingData: String, Sendable, Hashable, CaseIterable {
        /// The parameter counts as not meeting the threshold; the participant stays in the analysis.
        case nonResponder
        /// Participants missing any remission parameter at baseline or the primary visit are dropped.
        case completeCase
    }

    /// The `PARAMCD` codes whose percent change is judged, in order.
    public var parameters: [String]
    /// Whether any or all parameters must meet the threshold.
    public var rule: Combination
    /// The smallest percent increase from baseline that counts (10 means +10 %).
    public var minPercentIncrease: Double
    /// The handling of missing values.
    public var missing: MissingData

    /// The absolute tolerance of the threshold comparison (SPEC.md §2).
    public static let tolerance = 1e-9

    /// A remission rule; the defaults are the seed study's.
    public init(
        parameters: [String] = ["CPEPF", "CPEPP"],
        rule: Combination = .any,
        minPercentIncrease: Double = 10,
        missing: MissingData = .nonResponder
    ) {
        self.parameters = parameters
        self.rule = rule
        self.minPercentIncrease = minPercentIncrease
        self.missing = missing
    }
}
