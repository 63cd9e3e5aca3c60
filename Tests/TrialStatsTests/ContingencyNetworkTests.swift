import Testing
@testable import TrialStats

/// The longest and shortest completions two stages from the end are found by greedy
/// filling and by the polytope's vertices; listing every split must give the same.
@Test(arguments: [
    ([5, 5, 5], 6), ([84, 83, 83], 60), ([0, 7, 30], 20), ([1, 2, 3, 4], 5), ([10, 0, 3], 13), ([9, 4], 2),
    ([12, 3, 7, 20, 1], 18),
])
func lastTwoStagesExtremesEqualThoseOfEverySplit(arms: [Int], total: Int) throws {
    let remaining = arms.reduce(0, +)
    let network = try ContingencyNetwork(stageTotals: [total, remaining - total], armTotals: arms, workLimit: 1_000_000)
    var longest = -Double.infinity, shortest = Double.infinity
    var splits = try #require(TableSplits(total: total, caps: arms))
    repeat {
        let length = network.length(arms, splits.cells)
        longest = max(longest, length)
        shortest = min(shortest, length)
    } while splits.advance()
    let extremes = network.lastTwoStagesExtremes(arms, total: total)
    #expect(abs(extremes.longest - longest) <= 1e-12 * abs(longest))
    #expect(abs(extremes.shortest - shortest) <= 1e-12 * abs(shortest))
}

/// The longest split found from the proportional start (`longestSplit`) is the one the greedy
/// filling reaches from zero, cell for cell, on arms equal and unequal, small and large, empty
/// and full, two to five of them.
@Test func theLongestSplitIsTheGreedyFillingsFromZero() throws {
    // Pseudo-random sizes from a fixed linear congruential sequence: the same cases on every run.
    var state: UInt64 = 20_261_206
    let next = { (upper: Int) -> Int in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % (upper + 1)
    }
    var checked = 0
    for round in 0..<400 {
        let count = 2 + round % 4
        let largest = [3, 40, 2_000, 20_000][round % 4]
        var arms = (0..<count).map { _ in next(largest) }
        if round % 3 == 0 { arms = Array(repeating: arms[0], count: count) }
        let all = arms.reduce(0, +)
        guard all > 0 else { continue }
        let total = [0, all, 1, all / 2, next(all)][round % 5]
        // A network whose log-factorials reach the arms' sum (the split needs nothing else of it).
        let network = try ContingencyNetwork(stageTotals: [all, all], armTotals: [all, all], workLimit: Int.max)
        var cells = Array(repeating: 0, count: count)
        for _ in 0..<total {
            var best = -1, bestGain = -Double.infinity
            for index in arms.indices where cells[index] < arms[index] {
                let logOf = { (value: Int) in network.logFactorials[value] - network.logFactorials[value - 1] }
                let gain = logOf(arms[index] - cells[index]) - logOf(cells[index] + 1)
                if gain > bestGain { best = index; bestGain = gain }
            }
            cells[best] += 1
        }
        #expect(network.longestSplit(arms, total: total) == cells, "arms \(arms), total \(total)")
        // A start past the greedy's cells (a unit moved between two arms) is caught: filled from zero.
        if let from = cells.indices.first(where: { cells[$0] > 0 }),
           let to = cells.indices.first(where: { $0 != from && cells[$0] < arms[$0] }) {
            var start = cells
            start[from] -= 1
            start[to] += 1
            #expect(network.longestSplit(arms, total: total, from: start) == cells, "arms \(arms), total \(total)")
        }
        checked += 1
    }
    #expect(checked > 300)
}

@Test func tableSplitsListEverySplitWithinTheCapsOnce() throws {
    var splits = try #require(TableSplits(total: 3, caps: [2, 0, 3]))
    var seen = [[Int]]()
    repeat { seen.append(splits.cells) } while splits.advance()
    #expect(seen == [[0, 0, 3], [1, 0, 2], [2, 0, 1]])
    #expect(TableSplits(total: 6, caps: [2, 3]) == nil)
}
