/// A linear estimate with its standard error, degrees of freedom, 95% CI, t and p (a least-squares
/// mean, a difference of them, or a slope); `nil` members where it cannot be computed.
public struct ModelEstimate: Codable, Sendable, Equatable {
    /// The estimate.
    public var estimate: Double?
    /// Its standard error.
    public var se: Double?
    /// The residual degrees of freedom.
    public var df: Double?
    /// Lower limit of the 95% confidence interval.
    public var ciLower: Double?
    /// Upper limit of the 95% confidence interval.
    public var ciUpper: Double?
    /// The t statistic (estimate / SE).
    public var t: Double?
    /// The two-sided p-value of t.
    public var pValue: Double?

    /// An estimate; non-finite values become `nil`.
    public init(estimate: Double?, se: Double?, df: Double?, ciLower: Double?, ciUpper: Double?, t: Double?, pValue: Double?) {
        self.estimate = estimate.finite
        self.se = se.finite
        self.df = df.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
        self.t = t.finite
        self.pValue = pValue.finite
    }
}

/// One arm of a modelled endpoint: the participants analysed, the descriptives of the value
/// modelled and the least-squares mean.
public struct ModelEndpointArm: Codable, Sendable, Equatable {
    /// The arm.
    public var arm: String
    /// Participants of the arm in the set.
    public var n: Int
    /// The descriptives of the value modelled among those analysed (complete cases).
    public var descriptives: Descriptives
    /// The least-squares mean, or `nil` when not estimable.
    public var lsMean: ModelEstimate?
    /// On the log scale (`logOffset`), the least-squares mean back-transformed (exp(mean) − c);
    /// else `nil`.
    public var backTransformed: BackTransformedEstimate?

    /// An arm's results.
    public init(arm: String, n: Int, descriptives: Descriptives, lsMean: ModelEstimate?,
                backTransformed: BackTransformedEstimate? = nil) {
        self.arm = arm
        self.n = n
        self.descriptives = descriptives
        self.lsMean = lsMean
        self.backTransformed = backTransformed
    }

    /// An arm's results on the log scale with offset `logOffset` (`nil`: untransformed).
    init(arm: String, n: Int, descriptives: Descriptives, lsMean: ModelEstimate?, logOffset: Double?) {
        self.init(arm: arm, n: n, descriptives: descriptives, lsMean: lsMean,
                  backTransformed: logOffset.flatMap { offset in lsMean.map { BackTransformedEstimate(mean: $0, offset: offset) } })
    }
}

/// The difference of an arm's least-squares mean from the reference arm's.
public struct ModelDifference: Codable, Sendable, Equatable {
    /// The arm.
    public var arm: String
    /// The reference arm.
    public var reference: String
    /// The difference (arm − reference), or `nil` when not estimable.
    public var difference: ModelEstimate?
    /// On the log scale (`logOffset`), the difference back-transformed: the ratio of geometric
    /// means exp(difference) with its 95% CI; else `nil`.
    public var ratio: BackTransformedEstimate?

    /// A difference.
    public init(arm: String, reference: String, difference: ModelEstimate?, ratio: BackTransformedEstimate? = nil) {
        self.arm = arm
        self.reference = reference
        self.difference = difference
        self.ratio = ratio
    }

    /// A difference on the log scale when `logOffset` is set (`nil`: untransformed).
    init(arm: String, reference: String, difference: ModelEstimate?, logOffset: Double?) {
        self.init(arm: arm, reference: reference, difference: difference,
                  ratio: logOffset == nil ? nil : difference.map(BackTransformedEstimate.init(ratio:)))
    }
}

/// The F test of a term given the others (R's `drop1(fit, test = "F")`).
public struct ModelTermTest: Codable, Sendable, Equatable {
    /// The numerator degrees of freedom.
    public var df: Int
    /// The residual degrees of freedom.
    public var residualDf: Int
    /// The F statistic, or `nil` when the term adds nothing to the model.
    public var f: Double?
    /// The p-value.
    public var pValue: Double?

    /// A test; non-finite values become `nil`.
    public init(df: Int, residualDf: Int, f: Double?, pValue: Double?) {
        self.df = df
        self.residualDf = residualDf
        self.f = f.finite
        self.pValue = pValue.finite
    }
}

/// An endpoint analysed by a linear model (ANCOVA, R's `lm` with `emmeans`): the model, the
/// arms' least-squares means, each arm against the reference, the test across the arms and,
/// when the plan gives doses, the dose–response slope.
public struct ModelEndpointResult: Codable, Sendable, Equatable {
    /// The endpoint's name.
    public var name: String
    /// The parameter (`PARAMCD`).
    public var parameter: String
    /// The parameter's description, from the dataset (`PARAM`), or `""`.
    public var parameterLabel: String
    /// The analysis visit (`AVISITN`).
    public var visit: Double
    /// The visit's label (`AVISIT`), or `""`.
    public var visitLabel: String
    /// What is modelled: `value`, `change` or `percentChange`.
    public var measure: String
    /// The analysis set, or `nil` for all participants.
    public var set: String?
    /// The record flag selecting the records, or `nil`.
    public var recordFlag: String?
    /// The model in R's notation, e.g. `CHG ~ arm + SITEGR1 + BASE`.
    public var model: String
    /// The weights of the least-squares means: `equal`, `proportional` or `outer`.
    public var weights: String
    /// The participants of the set left out: no record at the visit, or a missing covariate.
    public var excluded: Int
    /// Participants with more than one record at the visit (the first is analysed).
    public var duplicateRecords: Int
    /// Each arm, in the plan's order.
    public var byArm: [ModelEndpointArm]
    /// Each arm other than the reference against it.
    public var differences: [ModelDifference]
    /// The F test across the arms given the covariates, or `nil` for two arms (the difference's
    /// test is the same) or when the model could not be fitted.
    public var armTest: ModelTermTest?
    /// The slope per dose unit with the dose as a numeric term in place of the arm (when more than
    /// two arms are analysed and every arm has a dose), or `nil`.
    public var doseResponse: ModelEstimate?
    /// Why the model could not be fitted, or `nil`.
    public var failure: String?
    /// The mean of the value modelled at every visit of the parameter, by arm (the endpoint's
    /// figure): the participants of the set with a value at the visit, records chosen as for the model.
    public var byVisit: [ModelEndpointVisit]
    /// Each subgroup of the plan: the effects within its levels and the arm × subgroup interaction
    /// test; `nil` when the plan has no subgroups.
    public var subgroups: [ModelSubgroupResult]?
    /// The offset *c* of an analysis of log(value + *c*) (the baseline covariate likewise), or
    /// `nil` when untransformed.
    public var logOffset: Double?

    /// A modelled endpoint's results.
    public init(name: String, parameter: String, parameterLabel: String, visit: Double, visitLabel: String, measure: String,
                set: String?, recordFlag: String?, model: String, weights: String, excluded: Int, duplicateRecords: Int,
                byArm: [ModelEndpointArm], differences: [ModelDifference], armTest: ModelTermTest?,
                doseResponse: ModelEstimate?, failure: String?, byVisit: [ModelEndpointVisit] = [],
                subgroups: [ModelSubgroupResult]? = nil, logOffset: Double? = nil) {
        self.name = name
        self.parameter = parameter
        self.parameterLabel = parameterLabel
        self.visit = visit
        self.visitLabel = visitLabel
        self.measure = measure
        self.set = set
        self.recordFlag = recordFlag
        self.model = model
        self.weights = weights
        self.excluded = excluded
        self.duplicateRecords = duplicateRecords
        self.byArm = byArm
        self.differences = differences
        self.armTest = armTest
        self.doseResponse = doseResponse
        self.failure = failure
        self.byVisit = byVisit
        self.subgroups = subgroups
        self.logOffset = logOffset
    }
}

/// The value a modelled endpoint analyses (value, change or percent change) at one visit, by arm.
public struct ModelEndpointVisit: Codable, Sendable, Equatable {
    /// The analysis visit (`AVISITN`).
    public var visit: Double
    /// The visit's label (`AVISIT`), or `""`.
    public var visitLabel: String
    /// Each arm, in the plan's order.
    public var byArm: [VisitMean]

    /// A visit's means.
    public init(visit: Double, visitLabel: String, byArm: [VisitMean]) {
        self.visit = visit
        self.visitLabel = visitLabel
        self.byArm = byArm
    }
}

/// The mean of one arm's values with its 95% confidence interval (t distribution, n − 1 df).
public struct VisitMean: Codable, Sendable, Equatable {
    /// The arm.
    public var arm: String
    /// The participants with a value.
    public var n: Int
    /// The mean, or `nil` without values.
    public var mean: Double?
    /// The standard deviation (n − 1 denominator), or `nil` below 2 values.
    public var sd: Double?
    /// Lower limit of the 95% CI of the mean (mean − t(0.975, n − 1) · SD / √n), or `nil` below 2 values.
    public var ciLower: Double?
    /// Upper limit of the 95% CI of the mean, or `nil` below 2 values.
    public var ciUpper: Double?

    /// An arm's mean; non-finite values become `nil`.
    public init(arm: String, n: Int, mean: Double?, sd: Double?, ciLower: Double?, ciUpper: Double?) {
        self.arm = arm
        self.n = n
        self.mean = mean.finite
        self.sd = sd.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
    }
}
