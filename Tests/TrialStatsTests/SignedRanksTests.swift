import Testing
@testable import TrialStats

/// The signed ranks by their definition: the nonzero differences sorted by |d| (a stable sort),
/// each group of equal |d| given its mid-rank, added in order of magnitude.
private func signedRanksByDefinition(_ differences: [Double]) -> (statistic: Double, tieCubeSum: Double, nonzero: Int) {
    let sorted = differences.filter { $0 != 0 }.sorted { abs($0) < abs($1) }
    var statistic = 0.0, tieCubeSum = 0.0, start = 0
    while start < sorted.count {
        var end = start + 1
        while end < sorted.count, abs(sorted[end]) == abs(sorted[start]) { end += 1 }
        let size = Double(end - start)
        statistic += (Double(start) + (size + 1) / 2) * Double(sorted[start..<end].count { $0 > 0 })
        if size > 1 { tieCubeSum += size * size * size - size }
        start = end
    }
    return (statistic, tieCubeSum, sorted.count)
}

/// Differences on a grid of `step` around 0 (ties of |d| within and across signs, zeros, −0),
/// or continuous ones.
private func differences(seed: UInt64, count: Int, step: Double?) -> [Double] {
    var state = seed
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53) * 20 - 8
    }
    return (0..<count).map { index in
        let value = next()
        if index % 97 == 0 { return -0.0 }
        return step.map { (value / $0).rounded() * $0 } ?? value
    }
}

@Test(arguments: [(1, 0.5), (2, 1), (3, 0.001), (4, nil), (5, 3)] as [(Int, Double?)])
func signedRanksOfAscendingDifferencesAreTheDefinitionsToTheBit(seed: Int, step: Double?) {
    for count in [0, 1, 2, 7, 49, 50, 1_000, 20_000] {
        let values = differences(seed: UInt64(seed), count: count, step: step)
        let ranks = SignedRanks(ascending: values.sorted())
        let expected = signedRanksByDefinition(values)
        #expect(ranks.statistic == expected.statistic, "seed \(seed), n = \(count)")
        #expect(ranks.tieCubeSum == expected.tieCubeSum, "seed \(seed), n = \(count)")
        #expect(ranks.nonzero == expected.nonzero && ranks.zeros == count - expected.nonzero, "seed \(seed), n = \(count)")
    }
}

@Test func signedRanksOfOnlyZerosOrOneSign() {
    #expect(SignedRanks(ascending: [-0.0, 0, 0]).nonzero == 0)
    let negative = SignedRanks(ascending: [-3, -2, -2, -1])
    #expect(negative.statistic == 0 && negative.tieCubeSum == 6 && negative.zeros == 0)
    let positive = SignedRanks(ascending: [0, 1, 2, 2, 3])
    #expect(positive.statistic == 1 + 2.5 + 2.5 + 4 && positive.zeros == 1)
}
