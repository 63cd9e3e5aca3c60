/// A discrete null distribution on 0, 1, 2, … given by counts of equally likely
/// arrangements (the exact Wilcoxon distributions).
public protocol ExactCountDistribution: Sendable {
    /// counts[s] = number of equally likely arrangements with statistic s.
    var counts: [Double] { get }
    /// The number of arrangements, the sum of ``counts``.
    var total: Double { get }
}

extension ExactCountDistribution {
    /// P(S = s).
    /// - Complexity: O(1).
    public func probability(_ s: Int) -> Double {
        counts.indices.contains(s) ? counts[s] / total : 0
    }

    /// P(S ≤ s), summed directly (accurate in the lower tail).
    /// - Complexity: O(s).
    public func cdf(_ s: Int) -> Double {
        if s < 0 { return 0 }
        return counts[0...Swift.min(s, counts.count - 1)].reduce(0, +) / total
    }

    /// P(S ≥ s), summed directly (accurate in the upper tail).
    /// - Complexity: O(max − s).
    public func upperTail(atLeast s: Int) -> Double {
        if s >= counts.count { return 0 }
        return counts[Swift.max(s, 0)...].reduce(0, +) / total
    }
}
