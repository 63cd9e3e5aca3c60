import RealModule

/// A profile quantity of a Firth fit that could not be established, and why. The quantity is
/// NaN in the fit's ``LogisticTerm`` rather than a number that is not the profile's root.
public struct FirthProfileProblem: Sendable, Equatable, CustomStringConvertible {
    /// What could not be established.
    public enum Quantity: Sendable, Equatable {
        /// The lower confidence limit (`ciLower`).
        case lowerLimit
        /// The upper confidence limit (`ciUpper`).
        case upperLimit
        /// The penalized likelihood-ratio test of βⱼ = 0 (`statistic`, `pValue`).
        case likelihoodRatioTest
    }

    /// Why it could not be established.
    public enum Reason: Sendable, Equatable {
        /// The fit with the coefficient fixed at `at` converged neither from the nearest point
        /// of the profile nor from the estimate.
        case constrainedFitFailed(at: Double)
        /// The profile jumps between `from` and `to` (the fits there lie on different local
        /// maxima), so the deficit changes sign without a root.
        case discontinuous(from: Double, to: Double)
        /// The deficit crosses the confidence level more than once between `from` and `to`, so
        /// the limit is not unique.
        case crossesMoreThanOnce(from: Double, to: Double)
    }

    /// The term's name.
    public let term: String
    public let quantity: Quantity
    public let reason: Reason

    /// A sentence for users, e.g. "the lower confidence limit of 'MSCDOSE' could not be
    /// established: the fit with its coefficient fixed at -23.6 did not converge".
    public var description: String {
        let what = switch quantity {
        case .lowerLimit: "the lower confidence limit"
        case .upperLimit: "the upper confidence limit"
        case .likelihoodRatioTest: "the penalized likelihood-ratio test"
        }
        let why = switch reason {
        case let .constrainedFitFailed(b):
            "the fit with its coefficient fixed at \(Self.rounded(b)) did not converge"
        case let .discontinuous(a, b):
            "the profile likelihood jumps between coefficients \(Self.rounded(a)) and \(Self.rounded(b)) (several local maxima)"
        case let .crossesMoreThanOnce(a, b):
            "the profile likelihood crosses the confidence level more than once between coefficients \(Self.rounded(a)) and \(Self.rounded(b)), so the limit is not unique"
        }
        return "\(what) of '\(term)' could not be established: \(why)"
    }

    /// `value` to 4 significant digits, for a message.
    private static func rounded(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let digits = 3 - Double.log10(abs(value)).rounded(.down)
        let scale = Double.pow(10, abs(digits))
        return digits >= 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
    }
}
