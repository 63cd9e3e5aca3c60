/// One parameter at one visit after baseline, in all participants or in one subgroup level.
public struct EndpointResult: Codable, Sendable, Equatable {
    /// The `PARAMCD`.
    public var parameter: String
    /// The visit, months since the first infusion.
    public var visit: Double
    /// The subgroup's name, or `nil` for all participants.
    public var subgroup: String?
    /// The subgroup level, or `nil` for all participants.
    public var level: String?
    /// The arms in result order: treatment, then control (two arms written `{treatment,
    /// control}`); else the plan's order.
    public var byArm: [EndpointArm]
    /// The between-arm comparison of the change from baseline: for more than two arms the test
    /// across all arms.
    public var between: BetweenArmComparison
    /// For more than two arms, each arm against the reference (on `between.measure`) and the
    /// trend in dose; else `nil`.
    public var armComparisons: ArmComparisons?

    /// An endpoint result.
    public init(parameter: String, visit: Double, subgroup: String?, level: String?, byArm: [EndpointArm], between: BetweenArmComparison,
                armComparisons: ArmComparisons? = nil) {
        self.parameter = parameter
        self.visit = visit
        self.subgroup = subgroup
        self.level = level
        self.byArm = byArm
        self.between = between
        self.armComparisons = armComparisons
    }
}

/// One arm at one visit: the value, its change and percent change from baseline, and the
/// within-arm test of visit against baseline.
///
/// `n`, `mean`, `sd`, `median`, `q1`, `q3` (and `sem`, `min`, `max`) describe the non-missing
/// values at the visit; `meanChange`, `medianPercentChange`, `change`, `percentChange` and the
/// within-arm test use the participants with both the baseline and the visit value (percent
/// change also needs a baseline other than 0).
public struct EndpointArm: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// Participants with a value at the visit.
    public var n: Int
    /// Mean of the values at the visit.
    public var mean: Double?
    /// Standard deviation of the values (n − 1).
    public var sd: Double?
    /// Median of the values.
    public var median: Double?
    /// First quartile of the values (type 7).
    public var q1: Double?
    /// Third quartile of the values (type 7).
    public var q3: Double?
    /// Mean of the change from baseline.
    public var meanChange: Double?
    /// Median of the percent change from baseline.
    public var medianPercentChange: Double?
    /// The within-arm test (the plan's `pairedTest`).
    public var withinTest: TestName
    /// Its two-sided p-value.
    public var withinPValue: Double?
    /// Standard error of the mean of the values.
    public var sem: Double?
    /// Smallest value.
    public var min: Double?
    /// Largest value.
    public var max: Double?
    /// Descriptives of the change from baseline.
    public var change: Descriptives
    /// Descriptives of the percent change from baseline.
    public var percentChange: Descriptives

    /// One arm at one visit from the descriptives of the value, the change and the percent change.
    public init(arm: String, value: Descriptives, change: Descriptives, percentChange: Descriptives, withinTest: TestName, withinPValue: Double?) {
        self.arm = arm
        self.n = value.n
        self.mean = value.mean
        self.sd = value.sd
        self.median = value.median
        self.q1 = value.q1
        self.q3 = value.q3
        self.meanChange = change.mean
        self.medianPercentChange = percentChange.median
        self.withinTest = withinTest
        self.withinPValue = withinPValue.finite
        self.sem = value.sem
        self.min = value.min
        self.max = value.max
        self.change = change
        self.percentChange = percentChange
    }

    /// The descriptives of the value at the visit.
    public var value: Descriptives {
        Descriptives(n: n, mean: mean, sd: sd, sem: sem, median: median, q1: q1, q3: q3, min: min, max: max)
    }
}

/// The between-arm test of the change from baseline at a visit.
public struct BetweenArmComparison: Codable, Sendable, Equatable {
    /// Which change the arms are compared on.
    public enum Measure: String, Codable, Sendable, Equatable, CaseIterable {
        /// Value minus baseline.
        case change
        /// (Value − baseline) / baseline × 100; used for the remission parameters.
        case percentChange
    }

    /// Which change the arms are compared on.
    public var measure: Measure
    /// The plan's `continuousTest`; for more than two arms its k-arm form (`mann-whitney`:
    /// Kruskal–Wallis, `welch-t`: Welch's one-way analysis of means).
    public var test: TestName
    /// Its two-sided p-value.
    public var pValue: Double?
    /// Two arms: the effect of treatment on `measure` with its 95 % interval, estimated as `test`
    /// compares the arms (Hodges–Lehmann shift, or mean difference); `nil` for more arms (each
    /// pairwise comparison has its own).
    public var effect: LocationEffect?

    /// A between-arm comparison; a non-finite p-value becomes `nil`.
    public init(measure: Measure, test: TestName, pValue: Double?, effect: LocationEffect? = nil) {
        self.measure = measure
        self.test = test
        self.pValue = pValue.finite
        self.effect = effect
    }
}
