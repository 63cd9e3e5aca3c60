import Synchronization

/// The exact null distribution of the Wilcoxon–Mann–Whitney statistic
/// W = (sum of the ranks of x) − m(m + 1)/2 for samples of sizes m and n without ties
/// (R's `dwilcox`/`pwilcox`).
public struct WilcoxonRankSumDistribution: ExactCountDistribution, Equatable {
    /// m, the size of the first sample.
    public let firstSize: Int
    /// n, the size of the second sample.
    public let secondSize: Int
    /// counts[w] = number of the C(m + n, m) equally likely rankings with W = w.
    public let counts: [Double]
    /// C(m + n, m), the sum of ``counts``.
    public let total: Double

    /// Computes the distribution.
    ///
    /// Method: the recursion of R's `cwilcox` (nmath/wilcox.c),
    /// c(i, j, w) = c(i − 1, j, w − j) + c(i, j − 1, w) — the largest observation
    /// belongs either to x (adding j to W) or to y — filled bottom-up one layer of i at
    /// a time instead of R's memoised recursion. Counts are held as Double (they
    /// exceed 2⁶⁴ from m = n = 34), and only additions of positive terms occur.
    ///
    /// - Error Bounds: relative error of each count below (m + n)·2⁻⁵³.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` when
    ///   a size is below 1; ``StatisticsError/invalidParameter(name:value:)`` when
    ///   min(m, n)·max(m, n)² exceeds 10⁷, which bounds memory to about 80 MB (use the
    ///   normal approximation there, as R does from 50).
    /// - Complexity: O(m²n²/4) additions, O(min(m, n)·max(m, n)²) memory;
    ///   m = n = 49 takes about 1 ms (release build).
    public init(firstSize m: Int, secondSize n: Int) throws(StatisticsError) {
        guard m >= 1 else { throw .notEnoughObservations(sample: "x", minimum: 1, actual: m) }
        guard n >= 1 else { throw .notEnoughObservations(sample: "y", minimum: 1, actual: n) }
        // The distribution is symmetric in (m, n); iterate over the smaller one.
        let small = Swift.min(m, n), large = Swift.max(m, n)
        guard Double(small) * Double(large) * Double(large) <= 1e7 else {
            throw .invalidParameter(name: "min(m, n)·max(m, n)²", value: Double(small) * Double(large) * Double(large))
        }
        firstSize = m
        secondSize = n
        // layer[j] = counts for (i, j), j = 0…large; starts at i = 0 (only W = 0).
        var layer = [[Double]](repeating: [1], count: large + 1)
        for i in 1...small {
            var next = [[Double]]()
            next.reserveCapacity(large + 1)
            next.append([1])
            for j in 1...large {
                var row = [Double](repeating: 0, count: i * j + 1)
                let withoutLargest = next[j - 1]   // largest is a y: (i, j − 1), W unchanged
                for w in withoutLargest.indices { row[w] = withoutLargest[w] }
                let largestIsX = layer[j]          // largest is an x: (i − 1, j), W + j
                for w in largestIsX.indices { row[w + j] += largestIsX[w] }
                next.append(row)
            }
            layer = next
        }
        counts = layer[large]
        total = counts.reduce(0, +)
    }
}

extension WilcoxonRankSumDistribution {
    /// The distribution for sizes m and n, computed once in the process and then shared: every
    /// exact rank-sum test and exact Hodges–Lehmann interval of a study compares the same arms,
    /// so asks for the same one (the example's analysis computed the distribution for 27 and 26
    /// dozens of times, 6 ms in all).
    /// - Throws: as ``init(firstSize:secondSize:)``.
    /// - Complexity: that of ``init(firstSize:secondSize:)`` the first time, O(1) after.
    public static func shared(firstSize m: Int, secondSize n: Int) throws(StatisticsError) -> WilcoxonRankSumDistribution {
        let key = [m, n]
        if let known = computed.withLock({ $0[key] }) { return known }
        let distribution = try WilcoxonRankSumDistribution(firstSize: m, secondSize: n)
        computed.withLock { $0[key] = distribution }
        return distribution
    }

    /// The distributions computed so far, by their sizes (a few per study: tens of kilobytes).
    private static let computed = Mutex<[[Int]: WilcoxonRankSumDistribution]>([:])

    /// The smallest w with P(W ≤ w) ≥ p (R's `qwilcox(p, m, n)`).
    ///
    /// Method: R's nmath/qwilcox.c: the probabilities are accumulated from w = 0 and
    /// compared with p − 10·eps (p ≤ ½); above ½ the upper tail is accumulated
    /// against 1 − p + 10·eps and the quantile mirrored (W is symmetric).
    /// - Complexity: O(mn).
    public func quantile(_ p: Double) -> Int {
        let largest = firstSize * secondSize
        if p <= 0 { return 0 }
        if p >= 1 { return largest }
        var cumulative = 0.0
        if p <= 0.5 {
            let target = p - 10 * Double.ulpOfOne
            for w in 0...largest {
                cumulative += counts[w] / total
                if cumulative >= target { return w }
            }
            return largest
        }
        let target = 1 - p + 10 * Double.ulpOfOne
        for w in 0...largest {
            cumulative += counts[w] / total
            if cumulative > target { return largest - w }
        }
        return 0
    }
}
