/// How least-squares means average the model's predictions over the levels of the other
/// factors, as the `weights` argument of R's `emmeans`.
public enum MarginalWeights: String, Sendable, Codable, CaseIterable {
    /// Every combination of the other factors' levels counts equally (emmeans' default).
    case equal
    /// Each combination in proportion to its frequency in the fitted data.
    case proportional
    /// Each combination in proportion to the product of each factor's marginal frequencies.
    case outer
}
