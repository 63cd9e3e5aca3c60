/// The difference of two proportions, treatment minus control, with its 95 % confidence interval
/// (Newcombe's hybrid score interval, method 10).
public struct ProportionDifference: Codable, Sendable, Equatable {
    /// Treatment proportion minus control proportion.
    public var estimate: Double?
    /// Lower limit of the 95 % confidence interval.
    public var ciLower: Double?
    /// Upper limit of the 95 % confidence interval.
    public var ciUpper: Double?

    /// A difference; non-finite values become `nil`.
    public init(estimate: Double?, ciLower: Double?, ciUpper: Double?) {
        self.estimate = estimate.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
    }
}
