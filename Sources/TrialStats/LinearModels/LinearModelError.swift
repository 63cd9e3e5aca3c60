/// Why a linear model could not be set up or fitted.
public enum LinearModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A term names a variable that was not given.
    case unknownVariable(String, term: String)
    /// A variable's length differs from the response's.
    case lengthMismatch(variable: String, count: Int, expected: Int)
    /// A term appears twice.
    case duplicateTerm(String)
    /// A factor label is not one of the factor's levels.
    case unknownLevel(variable: String, row: Int, label: String)
    /// A factor has one level only in the complete rows (R: "contrasts can be applied only
    /// to factors with 2 or more levels").
    case singleLevel(variable: String, level: String)
    /// After dropping rows with missing values no row is left (R: "0 (non-NA) cases").
    case noCompleteRows
    /// The fit leaves no residual degrees of freedom, so σ and every SE are undefined.
    case noResidualDegreesOfFreedom(observations: Int, rank: Int)
    /// The residuals are essentially zero (R's summary.lm: "essentially perfect fit"), so
    /// every SE is zero and no test is meaningful.
    case essentiallyPerfectFit
    /// A confidence level outside (0, 1).
    case invalidConfidenceLevel(Double)
    /// A least-squares-means request names a variable that is not a factor of the model.
    case notAFactor(String)
    /// A level named in a request is not a level of the factor.
    case unknownLevelName(variable: String, level: String)
    /// Contrast coefficients do not match the factor's levels in number.
    case contrastLength(count: Int, levels: Int)
    /// Every contrast coefficient is 0.
    case zeroContrast

    public var description: String {
        switch self {
        case let .unknownVariable(name, term):
            "term '\(term)' uses variable '\(name)', which was not given"
        case let .lengthMismatch(variable, count, expected):
            "variable '\(variable)' has \(count) values but the response has \(expected)"
        case let .duplicateTerm(term):
            "term '\(term)' appears more than once"
        case let .unknownLevel(variable, row, label):
            "variable '\(variable)' has '\(label)' at row \(row), which is not one of its levels"
        case let .singleLevel(variable, level):
            "factor '\(variable)' has the single level '\(level)' in the complete rows; a factor needs at least two"
        case .noCompleteRows:
            "no row is complete (every row has a missing value in the response or a term)"
        case let .noResidualDegreesOfFreedom(observations, rank):
            "\(observations) complete rows for \(rank) estimable coefficients leave no residual degrees of freedom"
        case .essentiallyPerfectFit:
            "the model fits the response exactly (residuals essentially zero); no standard error can be given"
        case let .invalidConfidenceLevel(level):
            "confidence level \(level) is not between 0 and 1"
        case let .notAFactor(name):
            "'\(name)' is not a factor term of the model"
        case let .unknownLevelName(variable, level):
            "'\(level)' is not a level of '\(variable)' in the fitted data"
        case let .contrastLength(count, levels):
            "\(count) contrast coefficients for \(levels) levels"
        case .zeroContrast:
            "every contrast coefficient is 0"
        }
    }
}
