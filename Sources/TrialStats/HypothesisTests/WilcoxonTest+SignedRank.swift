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
    /// - Complexity: O(n log n).
    public static func signedRank(_ differences: [Double], exact: Bool? = nil) throws(StatisticsError) -> WilcoxonTest {
        try StatisticsError.checkFinite(differences, name: "differences")
        let nonzero = differences.filter { $0 != 0 }
        let zeros = differences.count - nonzero.count
        guard !nonzero.isEmpty else { throw .notEnoughObservations(sample: "nonzero differences", minimum: 1, actual: 0) }
        let sorted = nonzero.sorted { abs($0) < abs($1) }
        var statistic = 0.0, tieCubeSum = 0.0, start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, abs(sorted[end]) == abs(sorted[start]) { end += 1 }
            let size = Double(end - start)
            let midRank = Double(start) + (size + 1) / 2
            statistic += midRank * Double(sorted[start..<end].count { $0 > 0 })
            if size > 1 { tieCubeSum += size * size * size - size }
            start = end
        }
        let hasTies = tieCubeSum > 0
        let n = Double(nonzero.count)
        if (exact ?? (nonzero.count < 50)) && !hasTies && zeros == 0 {
            let distribution = try WilcoxonSignedRankDistribution(size: nonzero.count)
            let pValue = exactPValue(
                statistic: Int(statistic), centre: n * (n + 1) / 4,
                lowerTail: distribution.cdf, upperTail: distribution.upperTail(atLeast:)
            )
            return WilcoxonTest(statistic: statistic, pValue: pValue, method: .exact, hasTies: false, zerosDropped: 0, z: nil)
        }
        let variance = n * (n + 1) * (2 * n + 1) / 24 - tieCubeSum / 48
        let approximation = try normalApproximation(
            statistic: statistic, mean: n * (n + 1) / 4, variance: variance, name: "differences"
        )
        return WilcoxonTest(
            statistic: statistic, pValue: approximation.pValue, method: .normalApproximation,
            hasTies: hasTies, zerosDropped: zeros, z: approximation.z
        )
    }
}
