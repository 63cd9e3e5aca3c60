/// An endpoint analysed by a mixed model for repeated measures (MMRM: R's `nlme::gls` with
/// REML and `emmeans`): the model, the covariance structure fitted (and those that could not
/// be), and at each visit the arms' least-squares means and each arm against the reference.
public struct RepeatedMeasuresEndpointResult: Codable, Sendable, Equatable {
    /// The endpoint's name.
    public var name: String
    /// The parameter (`PARAMCD`).
    public var parameter: String
    /// The parameter's description, from the dataset (`PARAM`), or `""`.
    public var parameterLabel: String
    /// What is modelled: `value`, `change` or `percentChange`.
    public var measure: String
    /// The analysis set, or `nil` for all participants.
    public var set: String?
    /// The record flag selecting the records, or `nil`.
    public var recordFlag: String?
    /// The fixed effects in R's notation, e.g. `CHG ~ arm + AVISIT + BASE + arm:AVISIT + AVISIT:BASE`.
    public var model: String
    /// The structures the plan lists, in order (`unstructured`, `compound-symmetry`, `ar1`, `toeplitz-heterogeneous`).
    public var covarianceTried: [String]
    /// The structure fitted, or `nil` when none could be.
    public var covariance: String?
    /// Why each structure before the one fitted (or every one) failed.
    public var covarianceFailures: [CovarianceFailureNote]
    /// The degrees-of-freedom method: `satterthwaite` or `kenward-roger` (whose standard errors are adjusted too).
    public var degreesOfFreedom: String
    /// The weights of the least-squares means: `equal`, `proportional` or `outer`.
    public var weights: String
    /// The participants analysed (at least one observed visit and every covariate).
    public var participants: Int
    /// The observed (participant, visit) values analysed.
    public var observations: Int
    /// The participants of the set left out: no observed visit, or a missing covariate.
    public var excluded: Int
    /// Participants with more than one record at a visit (the first is analysed).
    public var duplicateRecords: Int
    /// The estimated covariance matrix over the visits (rows in visit order), or `nil`.
    public var covarianceMatrix: [[Double]]?
    /// The REML log-likelihood at the estimate, or `nil`.
    public var restrictedLogLikelihood: Double?
    /// Each visit, in the plan's order.
    public var visits: [RepeatedMeasuresVisit]
    /// Why the model could not be fitted, or `nil`.
    public var failure: String?
    /// The offset *c* of an analysis of log(value + *c*) (the baseline covariate likewise), or
    /// `nil` when untransformed.
    public var logOffset: Double?

    /// A repeated-measures endpoint's results.
    public init(name: String, parameter: String, parameterLabel: String, measure: String, set: String?, recordFlag: String?,
                model: String, covarianceTried: [String], covariance: String?, covarianceFailures: [CovarianceFailureNote],
                degreesOfFreedom: String, weights: String, participants: Int, observations: Int, excluded: Int,
                duplicateRecords: Int, covarianceMatrix: [[Double]]?, restrictedLogLikelihood: Double?,
                visits: [RepeatedMeasuresVisit], failure: String?, logOffset: Double? = nil) {
        self.name = name
        self.parameter = parameter
        self.parameterLabel = parameterLabel
        self.measure = measure
        self.set = set
        self.recordFlag = recordFlag
        self.model = model
        self.covarianceTried = covarianceTried
        self.covariance = covariance
        self.covarianceFailures = covarianceFailures
        self.degreesOfFreedom = degreesOfFreedom
        self.weights = weights
        self.participants = participants
        self.observations = observations
        self.excluded = excluded
        self.duplicateRecords = duplicateRecords
        self.covarianceMatrix = covarianceMatrix?.map { $0.map { $0.isFinite ? $0 : 0 } }
        self.restrictedLogLikelihood = restrictedLogLikelihood.finite
        self.visits = visits
        self.failure = failure
        self.logOffset = logOffset.finite
    }
}

/// A covariance structure that could not be fitted, and why.
public struct CovarianceFailureNote: Codable, Sendable, Equatable {
    /// The structure, as the plan names it.
    public var covariance: String
    /// Why, as a clause ("visits 'Week 8' and 'Week 24' are never observed in the same participant").
    public var reason: String

    /// A failure note.
    public init(covariance: String, reason: String) {
        self.covariance = covariance
        self.reason = reason
    }
}

/// One visit of a repeated-measures endpoint: per arm the observed values and the LS mean, and
/// each arm − the reference.
public struct RepeatedMeasuresVisit: Codable, Sendable, Equatable {
    /// The analysis visit (`AVISITN`).
    public var visit: Double
    /// The visit's label (`AVISIT`), or `""`.
    public var visitLabel: String
    /// Each arm, in the plan's order: n = participants of the arm in the set, the descriptives of
    /// the values analysed at the visit, the LS mean.
    public var byArm: [ModelEndpointArm]
    /// Each arm other than the reference against it.
    public var differences: [ModelDifference]

    /// A visit's results.
    public init(visit: Double, visitLabel: String, byArm: [ModelEndpointArm], differences: [ModelDifference]) {
        self.visit = visit
        self.visitLabel = visitLabel
        self.byArm = byArm
        self.differences = differences
    }
}
