/// What makes a participant a responder on an endpoint's measure: the measure at or beyond a
/// threshold in the direction that counts as better, e.g. an ADAS-Cog(11) change of −4 or less.
///
/// The comparison has the absolute tolerance of `RemissionRule.tolerance`, so a value exactly at
/// the threshold counts whatever its last bits.
public struct ResponderRule: Sendable, Hashable {
    /// The direction of improvement.
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        /// A responder has a measure at or above the threshold.
        case higher
        /// A responder has a measure at or below the threshold.
        case lower
    }

    /// The threshold on the endpoint's measure (value, change or percent change).
    public var threshold: Double
    /// Whether higher or lower values are better.
    public var better: Direction
    /// A participant of the set without the measure: a non-responder (`nonResponder`) or left out (`completeCase`).
    public var missing: RemissionRule.MissingData

    /// A rule; by default higher is better and missing values count as non-responders.
    public init(threshold: Double, better: Direction = .higher, missing: RemissionRule.MissingData = .nonResponder) {
        self.threshold = threshold
        self.better = better
        self.missing = missing
    }

    /// Whether `value` (not missing) meets the rule.
    public func isMet(by value: Double) -> Bool {
        switch better {
        case .higher: value >= threshold - RemissionRule.tolerance
        case .lower: value <= threshold + RemissionRule.tolerance
        }
    }
}
