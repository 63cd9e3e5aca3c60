import Testing
@testable import TrialStats

/// The pooled mid-ranks by definition: each value's rank is the number of smaller values plus
/// the mid-point of its tie group (R's `rank(c(x - d, y))`).
private func ranksByDefinition(_ x: [Double], _ y: [Double], shift: Double) -> (rankSum: Double, tieCubeSum: Double) {
    let pooled = x.map { $0 - shift } + y
    func rank(_ value: Double) -> Double {
        Double(pooled.filter { $0 < value }.count) + (Double(pooled.filter { $0 == value }.count) + 1) / 2
    }
    let tieSizes = Dictionary(grouping: pooled, by: { $0 }).values.map { Double($0.count) }
    return (pooled.prefix(x.count).map(rank).reduce(0, +), tieSizes.map { $0 * $0 * $0 - $0 }.reduce(0, +))
}

@Test(arguments: [0.0, 0.5, -1.25, 3.0, 1e16])
func groupedRanksEqualTheRanksOfEveryValue(shift: Double) {
    // Ties within and across samples; shifted by 1e16, distinct values of x (1 and the next
    // double above it among them) become equal, as R's `x - d` makes them.
    let x = [0.5, 1.0, 1.0, 1.0.nextUp, 2.0, 2.0, 2.0, 3.5, 4.0].sorted()
    let y = [-1.0, 0.5, 1.0, 1.0, 2.5, 3.0, 3.0, 4.0].sorted()
    let grouped = MergedRanks(TiedSample(sorted: x), TiedSample(sorted: y), shift: shift)
    let expected = ranksByDefinition(x, y, shift: shift)
    #expect(grouped.firstRankSum == expected.rankSum)
    #expect(grouped.tieCubeSum == expected.tieCubeSum)
    #expect(grouped.hasTies == (expected.tieCubeSum > 0))
}

@Test func aTiedSampleCountsEachDistinctValue() {
    let sample = TiedSample(sorted: [1, 1, 2, 3, 3, 3])
    #expect(sample.values == [1, 2, 3])
    #expect(sample.counts == [1 + 1, 1, 3])
}
