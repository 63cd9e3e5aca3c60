/// One subgroup of an ANCOVA endpoint: the effect of each arm against the reference within each
/// level, and the treatment × subgroup interaction test. Both come from one linear model, the
/// endpoint's model with the subgroup and the arm × subgroup product term added (R:
/// `lm(CHG ~ arm + covariates + subgroup + arm:subgroup)`; the effects are
/// `emmeans(fit, trt.vs.ctrl ~ arm | subgroup)`, the test `anova(lm0, lm1)` against the model
/// without the product term).
public struct ModelSubgroupResult: Codable, Sendable, Equatable {
    /// The subgroup's name in the plan.
    public var subgroup: String
    /// The subject-level variable that defines it.
    public var variable: String
    /// The F test of the arm × subgroup product term, or `nil` when the model could not be fitted.
    public var interaction: ModelTermTest?
    /// Each level in the plan's order.
    public var levels: [ModelSubgroupLevel]

    /// A subgroup's results.
    public init(subgroup: String, variable: String, interaction: ModelTermTest?, levels: [ModelSubgroupLevel]) {
        self.subgroup = subgroup
        self.variable = variable
        self.interaction = interaction
        self.levels = levels
    }
}

/// One level of a subgroup of an ANCOVA endpoint.
public struct ModelSubgroupLevel: Codable, Sendable, Equatable {
    /// The level's label.
    public var level: String
    /// The participants of each arm in the level whose data enter the model, in the plan's order.
    public var byArm: [SubgroupArmCount]
    /// Each arm other than the reference against it within the level (difference of LS means),
    /// `nil` where not estimable (an arm without participants in the level).
    public var differences: [ModelDifference]

    /// A level's results.
    public init(level: String, byArm: [SubgroupArmCount], differences: [ModelDifference]) {
        self.level = level
        self.byArm = byArm
        self.differences = differences
    }
}

/// The participants of one arm in one subgroup level.
public struct SubgroupArmCount: Codable, Sendable, Equatable {
    /// The arm.
    public var arm: String
    /// Participants analysed.
    public var n: Int

    /// A count.
    public init(arm: String, n: Int) {
        self.arm = arm
        self.n = n
    }
}

/// One subgroup of a responder endpoint: the responders of each arm within each level with the
/// Newcombe difference against the reference, and the treatment × subgroup interaction test: the
/// likelihood-ratio test of the arm × subgroup product term in a logistic regression (R:
/// `anova(glm(r ~ arm + subgroup), glm(r ~ arm * subgroup), test = "LRT")`).
public struct ResponderSubgroupResult: Codable, Sendable, Equatable {
    /// The subgroup's name in the plan.
    public var subgroup: String
    /// The subject-level variable that defines it.
    public var variable: String
    /// The likelihood-ratio test of the product term, or `nil` when the models could not be fitted.
    public var interaction: LikelihoodRatioResult?
    /// Each level in the plan's order.
    public var levels: [ResponderSubgroupLevel]

    /// A subgroup's results.
    public init(subgroup: String, variable: String, interaction: LikelihoodRatioResult?, levels: [ResponderSubgroupLevel]) {
        self.subgroup = subgroup
        self.variable = variable
        self.interaction = interaction
        self.levels = levels
    }
}

/// One level of a subgroup of a responder endpoint.
public struct ResponderSubgroupLevel: Codable, Sendable, Equatable {
    /// The level's label.
    public var level: String
    /// Each arm's responders in the level (with the Wilson 95% interval of the rate), in the plan's order.
    public var byArm: [ResponderArm]
    /// Each arm other than the reference against it within the level: the difference of rates with
    /// Newcombe's hybrid score interval (method 10), `nil` when an arm has no participant in the level.
    public var differences: [RateDifference]

    /// A level's results.
    public init(level: String, byArm: [ResponderArm], differences: [RateDifference]) {
        self.level = level
        self.byArm = byArm
        self.differences = differences
    }
}

/// An arm's rate minus the reference arm's.
public struct RateDifference: Codable, Sendable, Equatable {
    /// The arm.
    public var arm: String
    /// The reference arm.
    public var reference: String
    /// The difference with its 95% interval, or `nil` when it cannot be computed.
    public var difference: ProportionDifference?

    /// A difference.
    public init(arm: String, reference: String, difference: ProportionDifference?) {
        self.arm = arm
        self.reference = reference
        self.difference = difference
    }
}

/// A likelihood-ratio test of nested logistic models fitted by maximum likelihood.
public struct LikelihoodRatioResult: Codable, Sendable, Equatable {
    /// The fall in deviance (χ² statistic).
    public var chiSquare: Double?
    /// Its degrees of freedom: the coefficients the larger model adds.
    public var df: Int
    /// P(χ²(df) > chiSquare).
    public var pValue: Double?

    /// A test; non-finite values become `nil`.
    public init(chiSquare: Double?, df: Int, pValue: Double?) {
        self.chiSquare = chiSquare.finite
        self.df = df
        self.pValue = pValue.finite
    }
}
