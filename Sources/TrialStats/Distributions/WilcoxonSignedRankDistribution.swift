/// The exact null distribution of the Wilcoxon signed-rank statistic V (the sum of the
/// ranks of the positive differences) for n nonzero differences without ties
/// (R's `dsignrank`/`psignrank`).
public struct WilcoxonSignedRankDistribution: ExactCountDistribution, Equatable {
    /// n, the number of nonzero differences.
    public let size: Int
    /// counts[v] = number of the 2ⁿ equally likely sign patterns with V = v.
    public let counts: [Double]
    /// 2ⁿ, the sum of ``counts``.
    public let total: Double

    /// Computes the distribution.
    ///
    /// Method: R's `csignrank` (nmath/signrank.c): the generating function
    /// ∏ᵢ (1 + zⁱ) multiplied out one factor at a time, c(v) += c(v − i).
    ///
    /// - Error Bounds: relative error of each count below n·2⁻⁵³.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` when
    ///   n < 1; ``StatisticsError/invalidParameter(name:value:)`` when n > 1000.
    /// - Complexity: O(n³/4) additions, O(n²) memory.
    public init(size n: Int) throws(StatisticsError) {
        guard n >= 1 else { throw .notEnoughObservations(sample: "differences", minimum: 1, actual: n) }
        guard n <= 1000 else { throw .invalidParameter(name: "n", value: Double(n)) }
        size = n
        let maximum = n * (n + 1) / 2
        var counts = [Double](repeating: 0, count: maximum + 1)
        counts[0] = 1
        var reached = 0
        for rank in 1...n {
            reached += rank
            for v in stride(from: reached, through: rank, by: -1) { counts[v] += counts[v - rank] }
        }
        self.counts = counts
        total = counts.reduce(0, +)
    }
}
