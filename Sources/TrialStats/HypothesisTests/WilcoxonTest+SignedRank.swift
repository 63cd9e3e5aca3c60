extension WilcoxonTest {
    /// The Wilcoxon signed-rank test of paired samples (R: `wilcox.test(x, y, paired = TRUE)`).
    ///
    /// Method: as ``signedRank(_:exact:)`` on the differences xᵢ − yᵢ.
    ///
    /// - Throws: ``StatisticsError/unpairedLengths(x:y:)`` when the lengths differ, and as
    ///   ``signedRank(_:exact:)``.
    /// - Complexity: O(n log n).
    public static func signedRank(_ x: [Double], _ y: [Double], exact: Bool? = nil) throws(StatisticsError) -> WilcoxonTest {
        guard x.count == y.count else { throw .unpairedLengths(x: x.count, y: y.count) }
        try StatisticsError.checkFinite(x, name: "x")
        try StatisticsError.checkFinite(y, name: "y")
        return try signedRank(zip(x, y).map { $0 - $1 }, exact: exact)
    }

    /// The Wilcoxon signed-rank test that the differences are symmetric about 0
    /// (R: `wilcox.test(differences)`).
    ///
    /// Method: zero differences are dropped (as R); V = Σ mid-ranks of |d| over d > 0.
    /// Exact p-value from ``WilcoxonSignedRankDistribution`` when fewer than 50 nonzero
    /// differences remain and there were no ties and no zeros; otherwise the normal
    /// approximation with mean n(n + 1)/4, variance n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48
    /// and continuity correction ½.
    ///
    /// - Parameter exact: `nil` for R's rule; `true`/`false` to force (ties or zeros
    ///   always force the approximation, as R).
    /// - Error Bounds: p-value relative error about 1e-13.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` when no
    ///   nonzero difference remains, ``StatisticsError/nonFiniteValue(sample:index:)``,
    ///   ``StatisticsError/essentiallyConstant(sample:)`` when the variance is 0.
    /// - Complexity: O(n) for differences in ascending order, O(n log n) otherwise.
    public static func signedRank(_ differences: [Double], exact: Bool? = nil) throws(StatisticsError) -> WilcoxonTest {
        try StatisticsError.checkFinite(differences, name: "differences")
        let ranks = SignedRanks(ascending: TiedSample.ascending(differences))
        guard ranks.nonzero > 0 else { throw .notEnoughObservations(sample: "nonzero differences", minimum: 1, actual: 0) }
        let hasTies = ranks.tieCubeSum > 0
        let n = Double(ranks.nonzero)
        if (exact ?? (ranks.nonzero < 50)) && !hasTies && ranks.zeros == 0 {
            let distribution = try WilcoxonSignedRankDistribution(size: ranks.nonzero)
            let pValue = exactPValue(
                statistic: Int(ranks.statistic), centre: n * (n + 1) / 4,
                lowerTail: distribution.cdf, upperTail: distribution.upperTail(atLeast:)
            )
            return WilcoxonTest(statistic: ranks.statistic, pValue: pValue, method: .exact, hasTies: false, zerosDropped: 0, z: nil)
        }
        let variance = n * (n + 1) * (2 * n + 1) / 24 - ranks.tieCubeSum / 48
        let approximation = try normalApproximation(
            statistic: ranks.statistic, mean: n * (n + 1) / 4, variance: variance, name: "differences"
        )
        return WilcoxonTest(
            statistic: ranks.statistic, pValue: approximation.pValue, method: .normalApproximation,
            hasTies: hasTies, zerosDropped: ranks.zeros, z: approximation.z
        )
    }
}

/// The signed ranks of differences, zeros dropped: V = Σ mid-ranks of |d| over d > 0, and
/// Σ (t³ − t) over the groups of t equal |d|.
struct SignedRanks {
    private(set) var statistic = 0.0, tieCubeSum = 0.0
    private(set) var nonzero = 0, zeros = 0

    /// The ranks of `sorted` (ascending, finite), found in one pass that merges the negative
    /// differences, from the one nearest 0 down, with the positive ones, from the smallest up:
    /// the differences by magnitude, without reordering them. Each group's mid-rank and
    /// Σ (t³ − t) are added in the order of magnitude, as a sort by |d| would give them.
    /// - Complexity: O(n).
    init(ascending sorted: [Double]) {
        sorted.withUnsafeBufferPointer { values in
            let firstZero = Self.firstIndex(in: values) { $0 >= 0 }
            let firstPositive = Self.firstIndex(in: values) { $0 > 0 }
            zeros = firstPositive - firstZero
            nonzero = values.count - zeros
            var negative = firstZero - 1, positive = firstPositive, ranked = 0
            while negative >= 0 || positive < values.count {
                let magnitude = Swift.min(negative >= 0 ? -values[negative] : .infinity,
                                          positive < values.count ? values[positive] : .infinity)
                var negatives = 0, positives = 0
                while negative >= 0, -values[negative] == magnitude { negatives += 1; negative -= 1 }
                while positive < values.count, values[positive] == magnitude { positives += 1; positive += 1 }
                let size = Double(negatives + positives)
                statistic += (Double(ranked) + (size + 1) / 2) * Double(positives)
                if size > 1 { tieCubeSum += size * size * size - size }
                ranked += negatives + positives
            }
        }
    }

    /// The first index of `values` (ascending) whose value satisfies `isAtOrAbove`, by bisection.
    private static func firstIndex(in values: UnsafeBufferPointer<Double>, where isAtOrAbove: (Double) -> Bool) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAbove(values[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
