/// The primary endpoint: remission by arm, overall and within each subgroup level.
public struct RemissionResults: Codable, Sendable, Equatable {
    /// All participants analysed.
    public var overall: RemissionComparison
    /// One entry per subgroup level, in plan order (subgroups, then their levels).
    public var subgroups: [SubgroupRemission]
    /// One treatment-by-subgroup interaction test per subgroup, in plan order.
    public var interactions: [SubgroupInteraction]

    /// Remission results.
    public init(overall: RemissionComparison, subgroups: [SubgroupRemission], interactions: [SubgroupInteraction]) {
        self.overall = overall
        self.subgroups = subgroups
        self.interactions = interactions
    }
}

/// Remission in the arms of one population, and their comparison.
public struct RemissionComparison: Codable, Sendable, Equatable {
    /// The arms in result order: treatment, then control (two arms written `{treatment,
    /// control}`); else the plan's order.
    public var byArm: [RemissionArm]
    /// Treatment rate minus control rate (two arms); every value `nil` for more than two arms
    /// (`armComparisons` holds each arm's difference from the reference).
    public var difference: ProportionDifference
    /// The test comparing the rates: Fisher's exact test (for more than two arms the
    /// Fisher–Freeman–Halton test of the 2 × k table, or Pearson's chi-square test where that
    /// table is too large for the exact test).
    public var test: TestName
    /// Its two-sided p-value.
    public var pValue: Double?
    /// For more than two arms, each arm against the reference and the trend in dose; else `nil`.
    public var armComparisons: ArmComparisons?
    /// Treatment rate over control rate with the Katz log interval (two arms; `nil` for more).
    public var relativeRisk: RelativeRiskEstimate?
    /// The odds ratio of Fisher's exact test, treatment against control (two arms; `nil` for more).
    public var oddsRatio: OddsRatioEstimate?

    /// A comparison; a non-finite p-value becomes `nil`.
    public init(byArm: [RemissionArm], difference: ProportionDifference, test: TestName, pValue: Double?,
                armComparisons: ArmComparisons? = nil, relativeRisk: RelativeRiskEstimate? = nil,
                oddsRatio: OddsRatioEstimate? = nil) {
        self.byArm = byArm
        self.difference = difference
        self.test = test
        self.pValue = pValue.finite
        self.armComparisons = armComparisons
        self.relativeRisk = relativeRisk
        self.oddsRatio = oddsRatio
    }
}

/// Remission in one arm.
public struct RemissionArm: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// Participants analysed (after the exclusions of `completeCase`).
    public var n: Int
    /// Participants in remission.
    public var responders: Int
    /// `responders / n`.
    public var rate: Double?
    /// Lower limit of the 95 % Wilson score interval of the rate.
    public var ciLower: Double?
    /// Upper limit of the 95 % Wilson score interval of the rate.
    public var ciUpper: Double?
    /// Participants dropped by `completeCase` for a missing baseline or primary-visit value.
    public var excluded: Int
    /// Participants counted as not in remission by `nonResponder` because a value was missing.
    public var missingCountedAsNonResponders: Int
    /// Participants without a baseline value of a remission parameter: that parameter cannot meet
    /// the rule (`nonResponder`), or the participant is among `excluded` (`completeCase`).
    public var missingBaseline: Int
    /// Remission parameters whose percent change is undefined (baseline 0), counted per
    /// participant and parameter.
    public var undefinedPercentChanges: Int

    /// Remission in one arm; non-finite values become `nil`.
    public init(
        arm: String, n: Int, responders: Int, rate: Double?, ciLower: Double?, ciUpper: Double?,
        excluded: Int, missingCountedAsNonResponders: Int, missingBaseline: Int, undefinedPercentChanges: Int
    ) {
        self.arm = arm
        self.n = n
        self.responders = responders
        self.rate = rate.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
        self.excluded = excluded
        self.missingCountedAsNonResponders = missingCountedAsNonResponders
        self.missingBaseline = missingBaseline
        self.undefinedPercentChanges = undefinedPercentChanges
    }
}

/// Remission within one level of a subgroup.
public struct SubgroupRemission: Codable, Sendable, Equatable {
    /// The subgroup's name, e.g. "Onset".
    public var subgroup: String
    /// The level, e.g. "Adult-onset".
    public var level: String
    /// The arms, as `RemissionComparison.byArm`.
    public var byArm: [RemissionArm]
    /// Treatment rate minus control rate (two arms).
    public var difference: ProportionDifference
    /// The test comparing the rates, as `RemissionComparison.test`.
    public var test: TestName
    /// Its two-sided p-value.
    public var pValue: Double?
    /// For more than two arms, each arm against the reference and the trend in dose; else `nil`.
    public var armComparisons: ArmComparisons?
    /// The relative risk, as `RemissionComparison.relativeRisk`.
    public var relativeRisk: RelativeRiskEstimate?
    /// The odds ratio, as `RemissionComparison.oddsRatio`.
    public var oddsRatio: OddsRatioEstimate?

    /// Remission within a subgroup level; a non-finite p-value becomes `nil`.
    public init(subgroup: String, level: String, comparison: RemissionComparison) {
        self.subgroup = subgroup
        self.level = level
        self.byArm = comparison.byArm
        self.difference = comparison.difference
        self.test = comparison.test
        self.pValue = comparison.pValue
        self.armComparisons = comparison.armComparisons
        self.relativeRisk = comparison.relativeRisk
        self.oddsRatio = comparison.oddsRatio
    }

    /// The comparison of the arms within the level.
    public var comparison: RemissionComparison {
        RemissionComparison(byArm: byArm, difference: difference, test: test, pValue: pValue, armComparisons: armComparisons,
                            relativeRisk: relativeRisk, oddsRatio: oddsRatio)
    }
}

/// Whether the treatment effect on remission differs between the levels of a subgroup: the
/// arm × subgroup term of a logistic model with arm, subgroup and their product.
public struct SubgroupInteraction: Codable, Sendable, Equatable {
    /// The subgroup's name.
    public var subgroup: String
    /// The test of the interaction term.
    public var test: TestName
    /// Its p-value.
    public var pValue: Double?
    /// How the model was fitted: maximum likelihood, or Firth's method when maximum likelihood
    /// cannot be trusted (separation, an arm × level cell without responders or non-responders);
    /// `nil` when no model could be fitted.
    public var method: LogisticFitMethod?

    /// An interaction test; a non-finite p-value becomes `nil`.
    public init(subgroup: String, test: TestName, pValue: Double?, method: LogisticFitMethod? = nil) {
        self.subgroup = subgroup
        self.test = test
        self.pValue = pValue.finite
        self.method = method
    }
}
