extension ContingencyNetwork {
    /// The longest and shortest completions of a node two stages from the end, found
    /// without listing them.
    ///
    /// A completion splits the next-to-last total R as n (0 ≤ nᵢ ≤ xᵢ, Σnᵢ = R) and
    /// leaves x − n to the last stage; its length −Σᵢ [log nᵢ! + log(xᵢ − nᵢ)!] is a sum
    /// of concave functions of the nᵢ. So the longest is reached by adding the R units
    /// one at a time where the gain log(xᵢ − nᵢ) − log(nᵢ + 1) is largest (greedy is
    /// exact for separable concave objectives: `longestSplit`), and the shortest lies at a
    /// vertex of the polytope: every cell empty or full but one.
    /// - Complexity: O(s² + s·2^(s−1)) for s arms when the proportional start holds (nearly
    ///   always), else O(R·s). The caller counts R·s + s·2^(s−1) as work either way, so that
    ///   which tables are computed exactly does not depend on the shortcut.
    func lastTwoStagesExtremes(_ arms: [Int], total: Int) -> (longest: Double, shortest: Double) {
        let longest = length(arms, longestSplit(arms, total: total))
        var cells = Array(repeating: 0, count: arms.count)
        var shortest = Double.infinity
        let others = arms.count - 1
        for free in arms.indices {
            let fixed = arms.indices.filter { $0 != free }
            for fullMask in 0..<(1 << others) {
                var used = 0
                for (position, index) in fixed.enumerated() {
                    cells[index] = fullMask & (1 << position) != 0 ? arms[index] : 0
                    used += cells[index]
                }
                cells[free] = total - used
                guard cells[free] >= 0, cells[free] <= arms[free] else { continue }
                shortest = Swift.min(shortest, length(arms, cells))
            }
        }
        return (longest, shortest)
    }

    /// The split of `total` that adding its units one at a time where the gain is largest
    /// (the first arm on a tie) reaches: the longest completion's.
    ///
    /// The greedy takes the R largest gains of s decreasing lists, largest first. Its cells
    /// are found from a start just below the proportional split ⌊R·xᵢ/X⌋ − 1, the rest added
    /// greedily: the same cells as from zero whenever every gain the start took exceeds every
    /// gain left untaken (then all of them are among the R largest), which is checked; else
    /// the units are added from zero. The gains decrease along each arm's list as long as
    /// consecutive ones differ by more than their rounding (about 1/xᵢ against 10⁻⁹ for arms
    /// of a million).
    /// - Parameter start: the cells to start from (at most the arms, at most `total` in all);
    ///   nil: the proportional start.
    /// - Complexity: O(s²) when the start holds, else O(R·s).
    func longestSplit(_ arms: [Int], total: Int, from start: [Int]? = nil) -> [Int] {
        let all = arms.reduce(0, +)
        let start = start ?? arms.map { arm in all == 0 ? 0 : Swift.max(0, total * arm / all - 1) }
        let cells = greedySplit(arms, total: total, from: start)
        let smallestTaken = arms.indices.filter { start[$0] > 0 }.map { gain(arms[$0], start[$0] - 1) }.min() ?? .infinity
        let largestLeft = arms.indices.filter { cells[$0] < arms[$0] }.map { gain(arms[$0], cells[$0]) }.max() ?? -.infinity
        return smallestTaken > largestLeft ? cells : greedySplit(arms, total: total, from: arms.map { _ in 0 })
    }

    /// `cells` filled up to `total` one unit at a time where the gain is largest (the first
    /// arm on a tie).
    private func greedySplit(_ arms: [Int], total: Int, from cells: [Int]) -> [Int] {
        var cells = cells
        for _ in cells.reduce(0, +)..<total {
            var best = -1, bestGain = -Double.infinity
            for index in arms.indices where cells[index] < arms[index] {
                let gain = gain(arms[index], cells[index])
                if gain > bestGain { best = index; bestGain = gain }
            }
            cells[best] += 1
        }
        return cells
    }

    /// The gain of adding a unit to a cell holding `cell` of an arm of `arm`:
    /// log(arm − cell) − log(cell + 1).
    private func gain(_ arm: Int, _ cell: Int) -> Double {
        logOf(arm - cell) - logOf(cell + 1)
    }

    /// log k = log k! − log (k − 1)!, for k ≥ 1.
    private func logOf(_ value: Int) -> Double { logFactorials[value] - logFactorials[value - 1] }

    /// The length of the completion that splits the next-to-last stage as `cells`, the
    /// last stage taking `arms − cells`.
    func length(_ arms: [Int], _ cells: [Int]) -> Double {
        zip(arms, cells).reduce(0.0) { $0 - logFactorials[$1.1] - logFactorials[$1.0 - $1.1] }
    }
}
