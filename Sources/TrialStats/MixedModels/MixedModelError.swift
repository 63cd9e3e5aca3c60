/// Why a repeated-measures model could not be set up or fitted.
public enum MixedModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A problem with the variables or terms, as for a linear model.
    case model(LinearModelError)
    /// The responses do not have one row per visit.
    case visitCount(responses: Int, visits: Int)
    /// A visit label appears twice.
    case repeatedVisit
    /// More than 20 visits.
    case tooManyVisits(Int)
    /// A participant-level variable has the visit factor's name.
    case visitVariableGiven(String)
    /// No term uses the visit factor (the model would not be over the visits).
    case noVisitTerm(String)
    /// A visit has no observation among the participants analysed.
    case visitWithoutObservations(String)
    /// The fixed-effect design is singular (R's gls: "computed "gls" fit is singular").
    case singularDesign
    /// No more observations than fixed-effect parameters.
    case noResidualDegreesOfFreedom(observations: Int, parameters: Int)
    /// A confidence level outside (0, 1).
    case invalidConfidenceLevel(Double)
    /// No covariance structure could be fitted; each attempt with its reason.
    case noStructureFitted([CovarianceAttempt])
    /// Kenward–Roger was asked for but the expected information of the covariance parameters is singular.
    case singularExpectedInformation

    public var description: String {
        switch self {
        case let .model(error):
            error.description
        case let .visitCount(responses, visits):
            "\(responses) rows of responses for \(visits) visits"
        case .repeatedVisit:
            "a visit is listed twice"
        case let .tooManyVisits(count):
            "\(count) visits; at most 20 are supported"
        case let .visitVariableGiven(name):
            "'\(name)' names the visit factor and cannot also be a participant variable"
        case let .noVisitTerm(name):
            "no term uses the visit factor '\(name)'"
        case let .visitWithoutObservations(visit):
            "visit '\(visit)' has no observation"
        case .singularDesign:
            "the fixed effects are not all estimable (the design is singular)"
        case let .noResidualDegreesOfFreedom(observations, parameters):
            "\(observations) observations for \(parameters) fixed-effect parameters leave no residual degrees of freedom"
        case let .invalidConfidenceLevel(level):
            "confidence level \(level) is not between 0 and 1"
        case let .noStructureFitted(attempts):
            attempts.isEmpty ? "no covariance structure was given"
                : "no covariance structure could be fitted: "
                + attempts.map { "\($0.structure.name): \($0.failure?.description ?? "fitted")" }.joined(separator: "; ")
        case .singularExpectedInformation:
            "the expected information of the covariance parameters is singular, so Kenward–Roger's adjustment cannot be computed"
        }
    }
}
