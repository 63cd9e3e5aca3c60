/// The Cochran–Armitage chi-square test for a linear trend in proportions across
/// ordered groups, as R's `prop.trend.test` reports it.
public struct CochranArmitageTest: Sendable, Equatable, Codable {
    /// X², the trend chi-square statistic (1 degree of freedom).
    public let statistic: Double
    /// P(χ²₁ > X²).
    public let pValue: Double
    /// The slope of the least-squares line of the proportions on the scores, weighted
    /// by group size: its sign gives the direction of the trend.
    public let slope: Double

    /// Tests for a trend in `events[i]` out of `totals[i]` with group scores `scores`
    /// (R: `prop.trend.test(events, totals, scores)`; R's default scores are 1…k).
    ///
    /// Method: Cochran (1954), Armitage (1955). With p̄ = Σxᵢ/Σnᵢ and s̄ = Σnᵢsᵢ/Σnᵢ,
    /// X² = [Σ(xᵢ − nᵢp̄)(sᵢ − s̄)]² / [p̄(1 − p̄) Σnᵢ(sᵢ − s̄)²] — the regression sum of
    /// squares of R's weighted `lm(x/n ~ score, weights = n/(p̄(1 − p̄)))`, in closed
    /// form, without the N/(N − 1) factor of some textbooks. A group with nᵢ = 0 has
    /// weight zero and so no influence (R drops it as a missing proportion).
    ///
    /// - Error Bounds: statistic to about 1e-13 relative; p-value relative error about
    ///   1e-13, checked against R to 1e-10.
    /// - Throws: ``StatisticsError/invalidCount(_:)`` for fewer than 2 groups, lengths
    ///   that differ, a negative count or events above the total;
    ///   ``StatisticsError/emptyMargin(_:)`` when there are no events or only events
    ///   (p̄ is 0 or 1; R returns NaN); ``StatisticsError/invalidParameter(name:value:)``
    ///   for a non-finite score, and ``StatisticsError/essentiallyConstant(sample:)``
    ///   when the groups with participants all have the same score.
    /// - Complexity: O(k).
    public init(events: [Int], totals: [Int], scores: [Double]? = nil) throws(StatisticsError) {
        let scores = scores ?? events.indices.map { Double($0 + 1) }
        guard events.count >= 2, events.count == totals.count, scores.count == events.count else {
            throw .invalidCount("a trend test needs at least 2 groups, with as many totals and scores as event counts")
        }
        for (event, total) in zip(events, totals) where event < 0 || event > total {
            throw .invalidCount("\(event) events out of \(total)")
        }
        if let bad = scores.first(where: { !$0.isFinite }) { throw .invalidParameter(name: "score", value: bad) }
        let eventTotal = events.reduce(0.0) { $0 + Double($1) }, grandTotal = totals.reduce(0.0) { $0 + Double($1) }
        guard eventTotal > 0, eventTotal < grandTotal else {
            throw .emptyMargin(eventTotal == 0 ? "no events in any group" : "every participant has the event")
        }
        let proportion = eventTotal / grandTotal
        let meanScore = zip(totals, scores).reduce(0.0) { $0 + Double($1.0) * $1.1 } / grandTotal
        var covariance = 0.0, scoreSquares = 0.0
        for ((event, total), score) in zip(zip(events, totals), scores) {
            let centred = score - meanScore
            covariance += (Double(event) - Double(total) * proportion) * centred
            scoreSquares += Double(total) * centred * centred
        }
        guard scoreSquares > 0 else { throw .essentiallyConstant(sample: "scores") }
        statistic = covariance * covariance / (proportion * (1 - proportion) * scoreSquares)
        pValue = try ChiSquare(degreesOfFreedom: 1).survival(statistic)
        slope = covariance / scoreSquares
    }
}
