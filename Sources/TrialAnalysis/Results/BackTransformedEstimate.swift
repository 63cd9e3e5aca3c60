import Foundation

/// An estimate on the log scale taken back to the original one, with its 95% confidence interval:
/// a least-squares mean of log(value + *c*) as exp(mean) − *c* (an adjusted geometric mean of
/// value + *c*, less *c*), or a difference of two such means as exp(difference) (the ratio of
/// the geometric means of value + *c*); `nil` members where the estimate is missing.
public struct BackTransformedEstimate: Codable, Sendable, Equatable {
    /// The back-transformed estimate.
    public var estimate: Double?
    /// Lower limit of the 95% confidence interval (the log-scale limit back-transformed).
    public var ciLower: Double?
    /// Upper limit of the 95% confidence interval.
    public var ciUpper: Double?

    /// A back-transformed estimate; non-finite values become `nil`.
    public init(estimate: Double?, ciLower: Double?, ciUpper: Double?) {
        self.estimate = estimate.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
    }

    /// exp(`estimate`) − `offset` with the interval likewise (a mean of log(value + offset)).
    init(mean estimate: ModelEstimate, offset: Double) {
        let back = { (value: Double?) in value.map { exp($0) - offset } }
        self.init(estimate: back(estimate.estimate), ciLower: back(estimate.ciLower), ciUpper: back(estimate.ciUpper))
    }

    /// exp(`estimate`) with the interval likewise (a difference of means of logs: a ratio).
    init(ratio estimate: ModelEstimate) {
        self.init(estimate: estimate.estimate.map(exp), ciLower: estimate.ciLower.map(exp), ciUpper: estimate.ciUpper.map(exp))
    }
}
