/// The difference p₁ − p₂ of two independent proportions with its confidence interval.
public struct ProportionDifference: Sendable, Equatable, Codable {
    /// p̂₁ − p̂₂.
    public let estimate: Double
    /// The confidence interval of p₁ − p₂.
    public let confidenceInterval: ConfidenceInterval
}

extension Proportion {
    /// The difference of two proportions with Newcombe's hybrid score interval.
    ///
    /// Method: Newcombe (1998), "Interval estimation for the difference between
    /// independent proportions", Statistics in Medicine 17:873–890, method 10 (no
    /// continuity correction): with Wilson intervals (l₁, u₁), (l₂, u₂) from
    /// ``wilsonInterval(successes:trials:confidenceLevel:)`` and d = p̂₁ − p̂₂,
    /// lower = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²), upper = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²).
    ///
    /// - Error Bounds: a few ulps (closed form); reproduces Newcombe's Table II.
    /// - Throws: ``StatisticsError`` for invalid counts or level.
    /// - Complexity: O(1).
    public static func newcombeDifference(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int, confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> ProportionDifference {
        let first = try wilsonInterval(successes: successes1, trials: trials1, confidenceLevel: confidenceLevel)
        let second = try wilsonInterval(successes: successes2, trials: trials2, confidenceLevel: confidenceLevel)
        let p1 = Double(successes1) / Double(trials1), p2 = Double(successes2) / Double(trials2)
        let difference = p1 - p2
        let belowFirst = p1 - first.lower, aboveFirst = first.upper - p1
        let belowSecond = p2 - second.lower, aboveSecond = second.upper - p2
        let lower = difference - (belowFirst * belowFirst + aboveSecond * aboveSecond).squareRoot()
        let upper = difference + (aboveFirst * aboveFirst + belowSecond * belowSecond).squareRoot()
        return ProportionDifference(
            estimate: difference,
            confidenceInterval: ConfidenceInterval(lower: lower, upper: upper, level: confidenceLevel)
        )
    }
}
