import Testing
import TrialStats

private struct WilcoxonCase: Decodable, CustomTestStringConvertible {
    let kind: String
    let x: [Double]
    let y: [Double]
    let statistic: Double
    let p: Double
    let exact: Bool
    var testDescription: String { "\(kind), n = \(x.count), \(y.count), \(exact ? "exact" : "normal")" }
}

private let cases: [WilcoxonCase] = (try? loadFixture("wilcoxon")) ?? []

@Test func wilcoxonFixtureIsLoaded() {
    #expect(cases.count >= 60)
}

@Test(arguments: cases)
private func wilcoxonAgreesWithR(_ item: WilcoxonCase) throws {
    let result = item.kind == "rankSum"
        ? try WilcoxonTest.rankSum(item.x, item.y)
        : try WilcoxonTest.signedRank(item.x, item.y)
    #expect(result.method == (item.exact ? .exact : .normalApproximation))
    expectAgrees(result.statistic, item.statistic, "\(item.testDescription) statistic")
    expectAgrees(result.pValue, item.p, "\(item.testDescription) p-value")
}

@Test func signedRankDropsZeroDifferences() throws {
    let result = try WilcoxonTest.signedRank([1, 0, -2, 0, 3])
    #expect(result.zerosDropped == 2)
    #expect(result.statistic == 4)
    #expect(result.method == .normalApproximation)
}

@Test func rankSumRejectsAnEmptyGroup() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "y", minimum: 1, actual: 0)) {
        try WilcoxonTest.rankSum([1, 2], [])
    }
}

@Test func allTiedValuesAreRefusedInsteadOfNaN() {
    #expect(throws: StatisticsError.essentiallyConstant(sample: "x and y")) {
        try WilcoxonTest.rankSum([2, 2, 2], [2, 2])
    }
}

@Test func allZeroDifferencesLeaveNothingToTest() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "nonzero differences", minimum: 1, actual: 0)) {
        try WilcoxonTest.signedRank([1, 2], [1, 2])
    }
}
