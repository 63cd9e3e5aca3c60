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
}

@Test func aTiedSampleCountsEachDistinctValue() {
    let sample = TiedSample(sorted: [1, 1, 2, 3, 3, 3])
    #expect(sample.values == [1, 2, 3])
    #expect(sample.counts == [1 + 1, 1, 3])
    #expect(sample.below == [0, 2, 3, 6] && sample.total == 6)
    // The distinct values counted by the caller give the same sample.
    let counted = TiedSample(sorted: [-0.0, 0.0, 0.5, 0.5], distinctCount: 2)
    #expect(counted.values.map(\.bitPattern) == [-0.0, 0.5].map(\.bitPattern) && counted.counts == [2, 2] && counted.below == [0, 2, 4])
    let empty = TiedSample(sorted: [])
    #expect(empty.values.isEmpty && empty.counts.isEmpty && empty.total == 0)
}

/// Samples with ties within and across them, on a grid of `step`, sorted.
private func tiedSamples(seed: UInt64, count: Int, step: Double) -> ([Double], [Double]) {
    var state = seed
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 40) / Double(1 << 24)
    }
    let grid = (0..<count).map { _ in (next() * 40 / step).rounded() * step }
    // Values one unit in the last place apart, which most shifts make equal.
    let x = (grid + grid.prefix(count / 10).map(\.nextUp)).sorted()
    let y = (0..<count + 7).map { _ in (next() * 35 / step).rounded() * step }.sorted()
    return (x, y)
}

@Test(arguments: [(1, 0.1), (2, 0.001), (3, 1e-9), (4, 2.5)])
func shiftedRankSumsAreTheMergedRanksToTheBit(seed: Int, step: Double) {
    let (x, y) = tiedSamples(seed: UInt64(seed), count: 2_000, step: step)
    let tiedX = TiedSample(sorted: x), tiedY = TiedSample(sorted: y)
    let sums = ShiftedRankSums(tiedX, tiedY)
    // Shifts on the grid (ties across the samples), between it, and large enough to make
    // distinct values of x equal.
    let shifts = (-50...50).map { Double($0) * 0.7 } + (-20...20).map { Double($0) * step } + [1e17, -3e16, 0.123456789]
    for shift in shifts {
        let merged = MergedRanks(tiedX, tiedY, shift: shift), fast = sums.ranks(at: shift)
        #expect(fast.firstRankSum == merged.firstRankSum && fast.tieCubeSum == merged.tieCubeSum, "shift \(shift)")
    }
}

@Test(arguments: [(50, 5_000), (5_000, 50), (3_000, 3_000)])
func shiftedRankSumsAreTheMergedRanksToTheBitWithLongRunsOfEitherSample(xCount: Int, yCount: Int) {
    // Continuous values: between two values of x lie up to hundreds of values of y, or none.
    var state: UInt64 = 42
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53) * 100
    }
    let x = (0..<xCount).map { _ in next() }.sorted(), y = (0..<yCount).map { _ in next() }.sorted()
    let tiedX = TiedSample(sorted: x), tiedY = TiedSample(sorted: y)
    let sums = ShiftedRankSums(tiedX, tiedY)
    // Shifts that put x below, inside and above y, and onto values of y (ties).
    let shifts = (-60...60).map { Double($0) * 1.7 } + [x[0] - y[y.count - 1], x[x.count - 1] - y[0], x[3] - y[7], .infinity, -.infinity]
    for shift in shifts {
        let merged = MergedRanks(tiedX, tiedY, shift: shift), fast = sums.ranks(at: shift)
        #expect(fast.firstRankSum == merged.firstRankSum && fast.tieCubeSum == merged.tieCubeSum, "shift \(shift)")
    }
}
