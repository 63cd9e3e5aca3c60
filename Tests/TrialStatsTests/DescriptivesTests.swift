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
