extension ContingencyNetwork {
    /// The order in which to fill the categories: any order gives the same p-value, but
    /// the network's size depends on it. For up to 7 categories every order is costed
    /// and the cheapest taken; beyond that, smallest first (as R's FEXACT).
    ///
    /// The cost of an order is an upper bound on the steps before the last stage:
    /// Σ over stages of (nodes before it) × (splits of its total), where a layer's nodes
    /// are at most the compositions of the totals already used, and of those still to
    /// use, into s parts, s = the number of arms.
    /// - Complexity: O(r!·r) for r ≤ 7 categories, O(r log r) otherwise.
    static func cheapestOrder(of stageTotals: [Int], arms: Int) -> [Int] {
        let ascending = stageTotals.sorted()
        guard ascending.count > 2, ascending.count <= 7 else { return ascending }
        var best = ascending, bestCost = cost(of: ascending, arms: arms)
        var order = ascending
        while nextPermutation(&order) {
            let candidate = cost(of: order, arms: arms)
            if candidate < bestCost { best = order; bestCost = candidate }
        }
        return best
    }

    /// The step bound of filling the categories in `order` (see ``cheapestOrder(of:arms:)``).
    private static func cost(of order: [Int], arms: Int) -> Double {
        let total = order.reduce(0, +)
        var used = 0, sum = 0.0
        for stage in order.dropLast() {
            let nodes = Swift.min(compositions(of: used, into: arms), compositions(of: total - used, into: arms))
            sum += nodes * compositions(of: stage, into: arms)
            used += stage
        }
        return sum
    }

    /// C(n + s − 1, s − 1), the ways to write n as an ordered sum of s non-negative parts.
    private static func compositions(of n: Int, into parts: Int) -> Double {
        (1..<Swift.max(parts, 1)).reduce(1.0) { $0 * Double(n + $1) / Double($1) }
    }

    /// Rearranges `order` into the next lexicographic permutation; false after the last.
    private static func nextPermutation(_ order: inout [Int]) -> Bool {
        guard let pivot = order.indices.dropLast().last(where: { order[$0] < order[$0 + 1] }),
              let successor = order.indices.last(where: { order[$0] > order[pivot] }) else { return false }
        order.swapAt(pivot, successor)
        order[(pivot + 1)...].reverse()
        return true
    }
}
