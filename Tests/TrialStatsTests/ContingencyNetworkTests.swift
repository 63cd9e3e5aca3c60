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

@Test func tableSplitsListEverySplitWithinTheCapsOnce() throws {
    var splits = try #require(TableSplits(total: 3, caps: [2, 0, 3]))
    var seen = [[Int]]()
    repeat { seen.append(splits.cells) } while splits.advance()
    #expect(seen == [[0, 0, 3], [1, 0, 2], [2, 0, 1]])
    #expect(TableSplits(total: 6, caps: [2, 3]) == nil)
}
