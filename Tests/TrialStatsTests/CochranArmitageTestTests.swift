import Testing
import TrialStats

private struct TrendCase: Decodable, CustomTestStringConvertible {
    let events: [Int]
    let totals: [Int]
    let scores: [Double]
    let statistic: Double
    let p: Double
    var testDescription: String { "prop.trend.test(\(events), \(totals), \(scores))" }
}

private let cases: [TrendCase] = (try? loadFixture("trend")) ?? []

@Test func trendFixtureIsLoaded() {
    #expect(cases.count >= 8)
}

@Test(arguments: cases)
private func cochranArmitageAgreesWithRTo1e10(_ item: TrendCase) throws {
    let result = try CochranArmitageTest(events: item.events, totals: item.totals, scores: item.scores)
    expectClose(result.statistic, item.statistic, relative: 1e-10, "\(item.testDescription) statistic")
    expectClose(result.pValue, item.p, relative: 1e-10, "\(item.testDescription) p-value")
}

@Test func cochranArmitageDefaultScoresAreOneToK() throws {
    let byDefault = try CochranArmitageTest(events: [3, 6, 11], totals: [40, 40, 40])
    let explicit = try CochranArmitageTest(events: [3, 6, 11], totals: [40, 40, 40], scores: [1, 2, 3])
    #expect(byDefault == explicit)
    #expect(byDefault.slope > 0)
    #expect(try CochranArmitageTest(events: [11, 6, 3], totals: [40, 40, 40]).slope < 0)
}

@Test func cochranArmitageRefusesTablesWithoutAVaryingOutcome() {
    #expect(throws: StatisticsError.emptyMargin("no events in any group")) {
        try CochranArmitageTest(events: [0, 0, 0], totals: [10, 12, 9])
    }
    #expect(throws: StatisticsError.emptyMargin("every participant has the event")) {
        try CochranArmitageTest(events: [10, 12, 9], totals: [10, 12, 9])
    }
    #expect(throws: StatisticsError.essentiallyConstant(sample: "scores")) {
        try CochranArmitageTest(events: [0, 4, 2], totals: [0, 10, 10], scores: [1, 2, 2])
    }
}

@Test func cochranArmitageDoesNotOverflowOnHugeCounts() throws {
    let huge = Int.max / 2
    let result = try CochranArmitageTest(events: [1, huge, huge], totals: [huge, huge, huge])
    #expect(result.pValue.isFinite)
}

@Test func cochranArmitageRefusesBadCounts() {
    #expect(throws: StatisticsError.invalidCount("5 events out of 4")) {
        try CochranArmitageTest(events: [1, 5], totals: [3, 4])
    }
    #expect(throws: StatisticsError.self) { try CochranArmitageTest(events: [1], totals: [3]) }
    #expect(throws: StatisticsError.self) { try CochranArmitageTest(events: [1, 2], totals: [3, 4], scores: [1]) }
}
