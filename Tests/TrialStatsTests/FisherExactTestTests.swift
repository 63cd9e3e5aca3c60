import Testing
import TrialStats

private struct FisherCase: Decodable, CustomTestStringConvertible {
    let table: [Int]
    let p: Double
    let oddsRatio: RNumber
    let ciLower: RNumber
    let ciUpper: RNumber
    var testDescription: String { "fisher.test(\(table))" }
}

private let cases: [FisherCase] = (try? loadFixture("fisher")) ?? []

@Test func fisherFixtureIsLoaded() {
    #expect(cases.count >= 20)
}

@Test(arguments: cases)
private func fisherAgreesWithR(_ item: FisherCase) throws {
    let t = item.table
    let result = try FisherExactTest(t[0], t[1], t[2], t[3])
    expectAgrees(result.pValue, item.p, "\(item.testDescription) p-value")
    expectAgrees(result.oddsRatio, item.oddsRatio.value, "\(item.testDescription) odds ratio")
    expectAgrees(result.confidenceInterval.lower, item.ciLower.value, "\(item.testDescription) CI lower")
    expectAgrees(result.confidenceInterval.upper, item.ciUpper.value, "\(item.testDescription) CI upper")
}

@Test func fisherRejectsNegativeCells() {
    #expect(throws: StatisticsError.invalidCount("negative cell in [1, -1; 2, 3]")) {
        try FisherExactTest(1, -1, 2, 3)
    }
}

@Test func fisherRejectsAnEmptyTable() {
    #expect(throws: StatisticsError.emptyMargin("all four cells are zero")) {
        try FisherExactTest(0, 0, 0, 0)
    }
}

@Test func fisherRejectsAConfidenceLevelOfOne() {
    #expect(throws: StatisticsError.invalidParameter(name: "confidence level", value: 1)) {
        try FisherExactTest(1, 2, 3, 4, confidenceLevel: 1)
    }
}
