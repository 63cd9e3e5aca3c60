import Testing
import TrialStats

private struct DescriptivesCase: Decodable, CustomTestStringConvertible {
    let values: [Double?]
    let n: Int
    let missing: Int
    let mean: Double
    let sd: Double?
    let sem: Double?
    let median: Double
    let q1: Double
    let q3: Double
    let min: Double
    let max: Double
    var testDescription: String { "descriptives of \(values.count) values" }
}

private let cases: [DescriptivesCase] = (try? loadFixture("descriptives")) ?? []

@Test func descriptivesFixtureIsLoaded() {
    #expect(cases.count >= 8)
}

@Test(arguments: cases)
private func descriptivesAgreeWithR(_ item: DescriptivesCase) throws {
    let summary = Descriptives(item.values)
    #expect(summary.count == item.n)
    #expect(summary.missing == item.missing)
    let pairs: [(String, Double?, Double?)] = [
        ("mean", summary.mean, item.mean), ("sd", summary.standardDeviation, item.sd),
        ("sem", summary.standardError, item.sem), ("median", summary.median, item.median),
        ("Q1", summary.firstQuartile, item.q1), ("Q3", summary.thirdQuartile, item.q3),
        ("min", summary.minimum, item.min), ("max", summary.maximum, item.max),
    ]
    for (name, actual, expected) in pairs {
        if let expected {
            expectAgrees(try #require(actual, "\(name) missing"), expected, "\(item.testDescription) \(name)")
        } else {
            #expect(actual == nil, "\(name) should be undefined")
        }
    }
}

@Test func nanCountsAsMissing() {
    let summary = Descriptives([1, .nan, 3])
    #expect(summary.count == 2)
    #expect(summary.missing == 1)
    #expect(summary.mean == 2)
}

@Test func noObservedValueLeavesEveryStatisticUndefined() {
    let summary = Descriptives([nil, nil])
    #expect(summary.count == 0)
    #expect(summary.missing == 2)
    #expect(summary.mean == nil && summary.median == nil && summary.minimum == nil)
}

/// Values of widely different magnitudes, so that summing them in another order gives other doubles.
private func unevenValues(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let unit = Double(state >> 11) / Double(1 << 53)
        return (unit - 0.3) * Double(1 << Int(state % 40))
    }
}

@Test func meansAndVariancesTogetherAreEachSamplesOwnToTheBit() {
    // Lengths that end in every order, empty and single-value samples, and more than four samples
    // (two groups of lanes).
    let lengths = [1_000, 999, 1_003, 0, 1, 2, 2_500, 17, 640]
    let samples = lengths.enumerated().map { unevenValues($1, seed: UInt64($0 + 1)) }
    for count in 1...samples.count {
        let together = Descriptives.meansAndVariances(Array(samples.prefix(count)))
        #expect(together.count == count)
        for (sample, result) in zip(samples, together) {
            let mean = Descriptives.mean(sample)
            #expect(result.mean?.bitPattern == mean?.bitPattern, "mean of \(sample.count) values among \(count)")
            let variance = mean.flatMap { Descriptives.variance(sample, mean: $0) }
            #expect(result.variance?.bitPattern == variance?.bitPattern, "variance of \(sample.count) values among \(count)")
        }
    }
    #expect(Descriptives.meansAndVariances([]).isEmpty)
}

@Test func aSampleWithAnInfiniteSumHasThatMeanTogether() throws {
    let together = Descriptives.meansAndVariances([[1, .infinity, 2], [1, 2, 4], [-.greatestFiniteMagnitude, -.greatestFiniteMagnitude]])
    #expect(together[0].mean == .infinity && together[0].variance?.isNaN == true)
    let mean = try #require(Descriptives.mean([1, 2, 4]))
    #expect(together[1].mean == mean && together[1].variance == Descriptives.variance([1, 2, 4], mean: mean))
    #expect(together[2].mean == -.infinity)
}
