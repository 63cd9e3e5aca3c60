extension ContingencyNetwork {
    /// The longest and shortest completions of a node two stages from the end, found
    /// without listing them.
    ///
    /// A completion splits the next-to-last total R as n (0 ≤ nᵢ ≤ xᵢ, Σnᵢ = R) and
    /// leaves x − n to the last stage; its length −Σᵢ [log nᵢ! + log(xᵢ − nᵢ)!] is a sum
    /// of concave functions of the nᵢ. So the longest is reached by adding the R units
    /// one at a time where the gain log(xᵢ − nᵢ) − log(nᵢ + 1) is largest (greedy is
    /// exact for separable concave objectives), and the shortest lies at a vertex of the
    /// polytope: every cell empty or full but one.
    /// - Complexity: O(R·s + s·2^(s−1)) for s arms; the caller counts both as work (R·s grows with
    ///   the participants: 8 s uncounted for a 2 × 3 table of 100,000).
    func lastTwoStagesExtremes(_ arms: [Int], total: Int) -> (longest: Double, shortest: Double) {
        var cells = Array(repeating: 0, count: arms.count)
        for _ in 0..<total {
            var best = -1, bestGain = -Double.infinity
            for index in arms.indices where cells[index] < arms[index] {
                let gain = logOf(arms[index] - cells[index]) - logOf(cells[index] + 1)
                if gain > bestGain { best = index; bestGain = gain }
            }
            cells[best] += 1
        }
        let longest = length(arms, cells)
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

    /// log k = log k! − log (k − 1)!, for k ≥ 1.
    private func logOf(_ value: Int) -> Double { logFactorials[value] - logFactorials[value - 1] }

    /// The length of the completion that splits the next-to-last stage as `cells`, the
    /// last stage taking `arms − cells`.
    func length(_ arms: [Int], _ cells: [Int]) -> Double {
        zip(arms, cells).reduce(0.0) { $0 - logFactorials[$1.1] - logFactorials[$1.0 - $1.1] }
    }
}
