/// Why a logistic regression cannot be fitted to the data given.
///
/// Every case names what is wrong so that the message can be shown to a user as is
/// (see `description`).
public enum LogisticModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A covariate has a different number of values from the response.
    case lengthMismatch(covariate: String, count: Int, expected: Int)
    /// Two covariates share a name, or a covariate is named "(Intercept)".
    case duplicateName(String)
    /// A response value is neither 0 nor 1 (the zero-based row is given).
    case responseNotBinary(row: Int, value: Double)
    /// A value is NaN or infinite; `variable` is "response" or the covariate's name.
    case nonFiniteValue(variable: String, row: Int)
    /// Every response is 0: the model has no events.
    case noEvents
    /// Every response is 1: the model has no non-events.
    case noNonEvents
    /// Fewer observations than parameters (intercept included).
    case tooFewObservations(observations: Int, parameters: Int)
    /// A covariate is constant or (numerically) a linear combination of the intercept
    /// and the covariates listed in `with`.
    case collinearCovariate(String, with: [String])
    /// The information matrix became numerically singular during the fit.
    case singularInformation(iteration: Int)
    /// Firth's penalized likelihood could not be maximized: the main fit (`term` nil) or the
    /// profile with `term` fixed did not converge.
    case firthNotConverged(term: String?)

    public var description: String {
        switch self {
        case let .lengthMismatch(covariate, count, expected):
            "covariate '\(covariate)' has \(count) values but the response has \(expected)"
        case let .duplicateName(name):
            "the covariate name '\(name)' is used twice"
        case let .responseNotBinary(row, value):
            "response value \(value) in row \(row + 1) is not 0 or 1"
        case let .nonFiniteValue(variable, row):
            "\(variable) in row \(row + 1) is not a finite number"
        case .noEvents:
            "the response has no events (every value is 0); a logistic model cannot be fitted"
        case .noNonEvents:
            "the response has no non-events (every value is 1); a logistic model cannot be fitted"
        case let .tooFewObservations(observations, parameters):
            "\(observations) observations are too few for \(parameters) parameters"
        case let .collinearCovariate(name, with):
            with.isEmpty
                ? "covariate '\(name)' is constant (collinear with the intercept)"
                : "covariate '\(name)' is collinear with \(with.map { "'\($0)'" }.joined(separator: ", "))"
        case let .singularInformation(iteration):
            "the information matrix became singular at iteration \(iteration)"
        case let .firthNotConverged(term):
            term.map { "Firth's penalized likelihood with '\($0)' fixed did not converge" }
                ?? "Firth's penalized likelihood did not converge"
        }
    }
}
