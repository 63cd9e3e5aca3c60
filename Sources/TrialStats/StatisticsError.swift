/// Why a statistical routine refused its input.
///
/// Every routine in TrialStats throws one of these instead of returning NaN or
/// trapping. The ``description`` of each case is the one message a user sees;
/// where R stops with an error for the same input, the message says so.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sample has fewer observations than the method needs (an empty group
    /// has `actual == 0`). R: "not enough 'x' observations".
    case notEnoughObservations(sample: String, minimum: Int, actual: Int)
    /// The data have (essentially) zero variance, so the statistic is undefined.
    /// R's `t.test` stops with "data are essentially constant".
    case essentiallyConstant(sample: String)
    /// A sample contains NaN or ±∞ where only finite values are allowed.
    case nonFiniteValue(sample: String, index: Int)
    /// Two samples that must be paired have different lengths.
    case unpairedLengths(x: Int, y: Int)
    /// A count is negative, or successes exceed trials.
    case invalidCount(String)
    /// A contingency table has a row or column whose total is zero.
    case emptyMargin(String)
    /// A parameter is outside its domain (confidence level, degrees of freedom…).
    case invalidParameter(name: String, value: Double)
    /// An exact test would take more than `limit` steps (`work` is where it stopped,
    /// 0 when it could tell before starting); the caller should use the large-sample
    /// test instead.
    case exactTestTooLarge(work: Int, limit: Int)

    public var description: String {
        switch self {
        case let .notEnoughObservations(sample, minimum, actual):
            "not enough '\(sample)' observations: \(actual) (at least \(minimum) needed)"
        case let .essentiallyConstant(sample):
            "'\(sample)' data are essentially constant (zero variance)"
        case let .nonFiniteValue(sample, index):
            "'\(sample)' has a non-finite value at index \(index)"
        case let .unpairedLengths(x, y):
            "paired samples differ in length: \(x) and \(y)"
        case let .invalidCount(detail):
            "invalid count: \(detail)"
        case let .emptyMargin(detail):
            "contingency table has an empty margin: \(detail)"
        case let .invalidParameter(name, value):
            "\(name) = \(value) is outside its domain"
        case let .exactTestTooLarge(_, limit):
            "the exact test needs more than \(limit) steps; use the chi-square test"
        }
    }
}

extension StatisticsError {
    /// Throws unless `level` is strictly between 0 and 1.
    static func checkConfidenceLevel(_ level: Double) throws(StatisticsError) {
        guard level > 0, level < 1 else { throw .invalidParameter(name: "confidence level", value: level) }
    }

    /// Throws unless `degreesOfFreedom` is positive.
    static func checkDegreesOfFreedom(_ degreesOfFreedom: Double) throws(StatisticsError) {
        guard degreesOfFreedom > 0 else { throw .invalidParameter(name: "degrees of freedom", value: degreesOfFreedom) }
    }

    /// Throws unless every value of `sample` is finite.
    static func checkFinite(_ sample: [Double], name: String) throws(StatisticsError) {
        if let index = SampleScan.firstNonFinite(sample) {
            throw .nonFiniteValue(sample: name, index: index)
        }
    }
}
