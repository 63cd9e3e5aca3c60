import RealModule

/// The Kruskal–Wallis rank-sum test that k ≥ 2 groups come from one distribution, as
/// R's `kruskal.test` reports it.
public struct KruskalWallisTest: Sendable, Equatable, Codable {
    /// H, the tie-corrected Kruskal–Wallis statistic.
    public let statistic: Double
    /// k − 1.
    public let degreesOfFreedom: Int
    /// P(χ²_{k−1} > H), the large-sample p-value R reports.
    public let pValue: Double
    /// Whether tied values were found (and the tie correction applied).
    public let hasTies: Bool
    /// The mean rank of each group, in the order given.
    public let meanRanks: [Double]

    /// Tests whether the groups differ in location (R: `kruskal.test(groups)`).
    ///
    /// Method: Kruskal & Wallis (1952). All values are ranked together, tied values
    /// getting their mid-rank; H = [12/(N(N + 1)) Σ Rᵢ²/nᵢ − 3(N + 1)] / [1 − Σ(t³ − t)/(N³ − N)]
    /// with Rᵢ the rank sum of group i and t the size of each group of ties. As in R, ranks tie
    /// equal values only, but the correction counts as tied the values equal to 15 significant
    /// digits (R's `table(x)` groups the values as it prints them): differences of rounded data
    /// such as 6.6 − 10.0 and 6.3 − 9.7 differ in their last bit, rank apart, and are one tie in
    /// the correction. The p-value
    /// is the chi-square survival function with k − 1 degrees of freedom (no exact
    /// distribution, as R).
    ///
    /// - Error Bounds: statistic to a few ulps per group; p-value relative error about
    ///   1e-13 (``ChiSquare/survival(_:)``), checked against R to 1e-10.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` for
    ///   fewer than 2 groups or an empty group ("group 2"; R: "all groups must contain
    ///   data"), ``StatisticsError/nonFiniteValue(sample:index:)``, and
    ///   ``StatisticsError/essentiallyConstant(sample:)`` when every value is tied (R
    ///   returns NaN).
    /// - Complexity: O(N log N) for one sort of the pooled values.
    public init(_ groups: [[Double]]) throws(StatisticsError) {
        guard groups.count >= 2 else {
            throw .notEnoughObservations(sample: "groups", minimum: 2, actual: groups.count)
        }
        for (index, group) in groups.enumerated() {
            let name = "group \(index + 1)"
            try StatisticsError.checkFinite(group, name: name)
            guard !group.isEmpty else { throw .notEnoughObservations(sample: name, minimum: 1, actual: 0) }
        }
        let ranks = PooledRanks(groups)
        let total = Double(ranks.count)
        let tieCorrection = 1 - ranks.tieCubeSum / (total * total * total - total)
        guard tieCorrection > 0 else { throw .essentiallyConstant(sample: "all groups") }
        let weightedSquares = zip(ranks.rankSums, groups).reduce(0.0) { $0 + $1.0 * $1.0 / Double($1.1.count) }
        statistic = (12 * weightedSquares / (total * (total + 1)) - 3 * (total + 1)) / tieCorrection
        degreesOfFreedom = groups.count - 1
        pValue = try ChiSquare(degreesOfFreedom: Double(degreesOfFreedom)).survival(statistic)
        hasTies = ranks.tieCubeSum > 0
        meanRanks = zip(ranks.rankSums, groups).map { $0 / Double($1.count) }
    }
}

/// Mid-ranks of several samples pooled: each group's rank sum and the tie sizes.
struct PooledRanks {
    /// The number of values pooled.
    let count: Int
    /// The sum of the pooled mid-ranks of each group, in the order given.
    private(set) var rankSums: [Double]
    /// Σ (t³ − t) over groups of t values tied to 15 significant digits.
    private(set) var tieCubeSum = 0.0

    /// - Complexity: O(N log N): one sort of (value, group) pairs.
    init(_ groups: [[Double]]) {
        var pooled = [(value: Double, group: Int)]()
        pooled.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        for (group, values) in groups.enumerated() {
            for value in values { pooled.append((value, group)) }
        }
        pooled.sort { $0.value < $1.value }
        count = pooled.count
        rankSums = Array(repeating: 0, count: groups.count)
        var start = 0
        while start < pooled.count {
            var end = start + 1
            while end < pooled.count, pooled[end].value == pooled[start].value { end += 1 }
            let size = Double(end - start)
            let midRank = Double(start) + (size + 1) / 2
            for index in start..<end { rankSums[pooled[index].group] += midRank }
            start = end
        }
        // The correction's ties: runs of sorted values equal to 15 significant digits.
        start = 0
        while start < pooled.count {
            let printed = Self.fifteenDigits(pooled[start].value)
            var end = start + 1
            while end < pooled.count, Self.fifteenDigits(pooled[end].value) == printed { end += 1 }
            let size = Double(end - start)
            tieCubeSum += size * size * size - size
            start = end
        }
    }

    /// `value` rounded to 15 significant digits, as R prints it (`as.character`, which `table`
    /// groups by), up to the rounding of the scaling; the value itself where scaling overflows.
    static func fifteenDigits(_ value: Double) -> Double {
        guard value != 0 else { return 0 }
        let exponent = Double.log10(abs(value)).rounded(.down)
        let scale = Double.pow(10, 14 - exponent)
        guard scale.isFinite, scale > 0, (value * scale).isFinite else { return value }
        return (value * scale).rounded() / scale
    }
}
