/// The Hodges–Lehmann estimate of the shift in location between two samples and its
/// confidence interval, as R's `wilcox.test(x, y, conf.int = TRUE)` reports them.
public struct LocationShift: Sendable, Equatable, Codable {
    /// The estimated shift x − y ("difference in location").
    public let estimate: Double
    /// The confidence interval of the shift. Its level is the one requested unless the
    /// exact distribution of tiny samples cannot reach it (R's "requested conf.level not
    /// achievable"): then it is the level achieved.
    public let confidenceInterval: ConfidenceInterval
    /// How the interval was found: exact (order statistics of the pairwise differences) or
    /// by inverting the normal approximation of the rank-sum test.
    public let method: WilcoxonMethod

    /// The shift of x against y (R: `wilcox.test(x, y, conf.int = TRUE)`).
    ///
    /// Method, as R's `wilcox.test.default` (R 4.2, `digits.rank = Inf`), with R's rule for
    /// the choice: exact when both samples have fewer than 50 values and the pooled sample
    /// has no ties (or as `exact` forces; ties always rule it out).
    /// - Exact: the estimate is the median of the nₓnᵧ differences xᵢ − yⱼ (Hodges &
    ///   Lehmann 1963); with q = `qwilcox(α/2, nₓ, nᵧ)` (at least 1) the limits are the
    ///   q-th smallest and the q-th largest difference (Bauer 1972). When 2·P(W ≤ q − 1)
    ///   exceeds 1.5α the level is the one achieved.
    /// - Normal approximation: with W(d) the continuity-corrected, tie-corrected standard
    ///   normal statistic of the rank-sum test of x − d against y (as the p-value's), the
    ///   limits solve W(d) = z₁₋α/₂ and W(d) = z_α/₂ and the estimate solves W(d) = 0
    ///   without the continuity correction, each on [min x − max y, max x − min y] by R's
    ///   `uniroot` (Brent's method, ``BrentRoot``, absolute tolerance `tolerance`); a limit
    ///   whose equation has no root inside is that end of the range, as R.
    ///
    /// - Error Bounds: exact: the values are differences of the data, identical to R's.
    ///   Normal approximation: W(d) is a step function, and the search stops within
    ///   `tolerance` (10⁻⁴ in the data's units) of where it steps across the target; the
    ///   iterates are R's own (the same Brent steps on the same statistic), so the results
    ///   agree with R's to rounding (checked at 1e-9 relative), but they are only within
    ///   about `tolerance` of the exact crossing point.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` for an
    ///   empty sample, ``StatisticsError/nonFiniteValue(sample:index:)``, an invalid level,
    ///   ``StatisticsError/essentiallyConstant(sample:)`` when every value is tied at a
    ///   shift searched (R warns and returns no usable interval), and as
    ///   ``WilcoxonRankSumDistribution`` when `exact: true` asks for too large a table.
    /// - Complexity: exact: O(nₓnᵧ log(nₓnᵧ)) (at most 49 × 49 differences by R's rule).
    ///   Normal: O((nₓ + nᵧ) log(nₓ + nᵧ)) for the sorts, then O(kₓ + kᵧ) per evaluation of
    ///   W, with k the number of distinct values: three searches of 5 to 15 evaluations
    ///   each on untied data (fewer the larger the samples), up to about 25 on heavily tied
    ///   data (W's steps slow Brent's interpolation down to bisection).
    public init(
        _ x: [Double], _ y: [Double], exact: Bool? = nil, confidenceLevel: Double = 0.95,
        tolerance: Double = 1e-4
    ) throws(StatisticsError) {
        self = try RankedSamples(x, y).locationShift(exact: exact, confidenceLevel: confidenceLevel, tolerance: tolerance)
    }

    private init(estimate: Double, confidenceInterval: ConfidenceInterval, method: WilcoxonMethod) {
        self.estimate = estimate
        self.confidenceInterval = confidenceInterval
        self.method = method
    }

    /// R's exact branch: order statistics of the sorted differences.
    static func exact(_ x: [Double], _ y: [Double], confidenceLevel: Double) throws(StatisticsError) -> LocationShift {
        let distribution = try WilcoxonRankSumDistribution.shared(firstSize: x.count, secondSize: y.count)
        var differences = [Double]()
        differences.reserveCapacity(x.count * y.count)
        for first in x { for second in y { differences.append(first - second) } }
        differences.sort()
        let alpha = 1 - confidenceLevel
        let lowerRank = Swift.max(distribution.quantile(alpha / 2), 1)
        let upperRank = x.count * y.count - lowerRank
        let achieved = 2 * distribution.cdf(lowerRank - 1)
        let level = achieved - alpha > alpha / 2 ? 1 - achieved : confidenceLevel
        let half = differences.count / 2
        let median = differences.count % 2 == 1 ? differences[half] : (differences[half - 1] + differences[half]) / 2
        return LocationShift(
            estimate: median,
            confidenceInterval: ConfidenceInterval(lower: differences[lowerRank - 1], upper: differences[upperRank], level: level),
            method: .exact)
    }

    /// R's normal-approximation branch: the shifts where the test statistic crosses its
    /// quantiles, found by `uniroot`.
    static func normal(
        _ x: TiedSample, _ y: TiedSample, rankSums: ShiftedRankSums, confidenceLevel: Double, tolerance: Double
    ) throws(StatisticsError) -> LocationShift {
        let nx = Double(x.total), ny = Double(y.total)
        // R's W(d): the standard normal statistic of the rank-sum test of x − d against y.
        func statistic(_ shift: Double, corrected: Bool) throws(StatisticsError) -> Double {
            try statistic(rankSums.ranks(at: shift), corrected: corrected)
        }
        func statistic(_ ranks: (firstRankSum: Double, tieCubeSum: Double), corrected: Bool) throws(StatisticsError) -> Double {
            let centred = ranks.firstRankSum - nx * (nx + 1) / 2 - nx * ny / 2
            let sigma = ((nx * ny / 12) * ((nx + ny + 1) - ranks.tieCubeSum / ((nx + ny) * (nx + ny - 1)))).squareRoot()
            guard sigma > 0 else { throw .essentiallyConstant(sample: "x − shift and y") }
            let correction = corrected ? (centred > 0 ? 0.5 : (centred < 0 ? -0.5 : 0)) : 0
            return (centred - correction) / sigma
        }
        let lowest = x.values[0] - y.values[y.values.count - 1], highest = x.values[x.values.count - 1] - y.values[0]
        // The ends of the search, where all three searches start: ranked once.
        let ranksAtLowest = rankSums.ranks(at: lowest), ranksAtHighest = rankSums.ranks(at: highest)
        let atLowest = try statistic(ranksAtLowest, corrected: true), atHighest = try statistic(ranksAtHighest, corrected: true)
        func root(_ quantile: Double) throws(StatisticsError) -> Double {
            let lowerValue = atLowest - quantile
            if lowerValue <= 0 { return lowest }
            let upperValue = atHighest - quantile
            if upperValue >= 0 { return highest }
            return try BrentRoot.zeroin({ (shift: Double) throws(StatisticsError) -> Double in try statistic(shift, corrected: true) - quantile },
                                        lower: lowest, upper: highest, valueAtLower: lowerValue, valueAtUpper: upperValue,
                                        tolerance: tolerance)
        }
        let alpha = 1 - confidenceLevel
        let interval = ConfidenceInterval(lower: try root(-Normal.quantile(alpha / 2)), upper: try root(Normal.quantile(alpha / 2)),
                                          level: confidenceLevel)
        let estimate = try BrentRoot.zeroin({ (shift: Double) throws(StatisticsError) -> Double in try statistic(shift, corrected: false) },
                                            lower: lowest, upper: highest,
                                            valueAtLower: try statistic(ranksAtLowest, corrected: false),
                                            valueAtUpper: try statistic(ranksAtHighest, corrected: false), tolerance: tolerance)
        return LocationShift(estimate: estimate, confidenceInterval: interval, method: .normalApproximation)
    }
}
