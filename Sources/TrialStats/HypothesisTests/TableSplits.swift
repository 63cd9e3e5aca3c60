/// Every way to split a total into cells with upper limits: the vectors
/// (n₁, …, nₛ) with 0 ≤ nᵢ ≤ capᵢ and Σnᵢ = total, in lexicographic order.
///
/// An odometer over the first s − 1 cells; each cell starts at the least value that
/// still lets the cells after it hold the rest, so no infeasible vector is visited and
/// the last cell takes what remains.
struct TableSplits {
    /// The current split.
    private(set) var cells: [Int]
    private let caps: [Int]
    /// capsAfter[i] = Σ caps[j] for j > i.
    private let capsAfter: [Int]
    /// remaining[i] = total − Σ cells[j] for j < i.
    private var remaining: [Int]

    /// Starts at the first split of `total` within `caps`; nil when Σcaps < total.
    init?(total: Int, caps: [Int]) {
        guard total >= 0, caps.reduce(0, +) >= total, !caps.isEmpty else { return nil }
        self.caps = caps
        var after = Array(repeating: 0, count: caps.count)
        for index in stride(from: caps.count - 2, through: 0, by: -1) { after[index] = after[index + 1] + caps[index + 1] }
        capsAfter = after
        cells = Array(repeating: 0, count: caps.count)
        remaining = Array(repeating: 0, count: caps.count)
        remaining[0] = total
        fill(from: 0)
    }

    /// Moves to the next split; false after the last one.
    mutating func advance() -> Bool {
        var index = cells.count - 2
        while index >= 0 {
            if cells[index] < Swift.min(caps[index], remaining[index]) {
                cells[index] += 1
                remaining[index + 1] = remaining[index] - cells[index]
                fill(from: index + 1)
                return true
            }
            index -= 1
        }
        return false
    }

    /// Sets cells from `start` on to their least feasible values.
    private mutating func fill(from start: Int) {
        let last = cells.count - 1
        for index in start..<last {
            cells[index] = Swift.max(0, remaining[index] - capsAfter[index])
            remaining[index + 1] = remaining[index] - cells[index]
        }
        cells[last] = remaining[last]
    }
}
