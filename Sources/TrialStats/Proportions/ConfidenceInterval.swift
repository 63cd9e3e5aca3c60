/// A two-sided confidence interval [lower, upper] at a confidence level.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// The lower limit (may be −∞ or 0 where the method says so).
    public let lower: Double
    /// The upper limit (may be +∞).
    public let upper: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }
}
