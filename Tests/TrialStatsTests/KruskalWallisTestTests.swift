import Testing
import TrialStats

private struct KruskalCase: Decodable, CustomTestStringConvertible {
    let groups: [[Double]]
    let statistic: Double
    let df: Int
    let p: Double
    var testDescription: String { "kruskal.test(\(groups.map(\.count)) values)" }
}

private let cases: [KruskalCase] = (try? loadFixture("kruskal")) ?? []

@Test func kruskalWallisFixtureIsLoaded() {
    #expect(cases.count >= 9)
}

@Test(arguments: cases)
private func kruskalWallisAgreesWithRTo1e10(_ item: KruskalCase) throws {
    let result = try KruskalWallisTest(item.groups)
    expectClose(result.statistic, item.statistic, relative: 1e-10, "\(item.testDescription) statistic")
    expectClose(result.pValue, item.p, relative: 1e-10, "\(item.testDescription) p-value")
    #expect(result.degreesOfFreedom == item.df)
}

@Test func kruskalWallisReportsTiesAndMeanRanks() throws {
    let result = try KruskalWallisTest([[1, 2, 2], [3, 4]])
    #expect(result.hasTies)
    #expect(result.meanRanks == [(1 + 2.5 + 2.5) / 3, 4.5])
    #expect(try !KruskalWallisTest([[1, 2], [3, 4]]).hasTies)
}

@Test func kruskalWallisRefusesAnEmptyGroupByName() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "group 2", minimum: 1, actual: 0)) {
        try KruskalWallisTest([[1, 2], [], [3, 4]])
    }
    #expect(throws: StatisticsError.notEnoughObservations(sample: "groups", minimum: 2, actual: 1)) {
        try KruskalWallisTest([[1, 2]])
    }
}

@Test func kruskalWallisRefusesAllTiedValues() {
    #expect(throws: StatisticsError.essentiallyConstant(sample: "all groups")) {
        try KruskalWallisTest([[3, 3], [3], [3, 3, 3]])
    }
}

@Test func kruskalWallisRefusesNonFiniteValues() {
    #expect(throws: StatisticsError.nonFiniteValue(sample: "group 3", index: 1)) {
        try KruskalWallisTest([[1, 2], [3], [4, .nan]])
    }
}

private struct KruskalDifferencesCase: Decodable, CustomTestStringConvertible {
    let after: [[Double]]
    let before: [[Double]]
    let statistic: Double
    let p: Double
    var testDescription: String { "kruskal.test(after - before, \(after.map(\.count)) values)" }
}

private let differenceCases: [KruskalDifferencesCase] = (try? loadFixture("kruskal_differences")) ?? []

@Test func kruskalWallisDifferencesFixtureIsLoaded() {
    #expect(differenceCases.count >= 2)
}

/// Changes of one-decimal data differ in their last bit (−3.4000000000000004, −3.3999999999999995):
/// as R, they rank apart but are one tie in the correction.
@Test(arguments: differenceCases)
private func kruskalWallisOfDifferencesAgreesWithRTo1e10(_ item: KruskalDifferencesCase) throws {
    let groups = zip(item.after, item.before).map { after, before in zip(after, before).map { $0 - $1 } }
    let result = try KruskalWallisTest(groups)
    expectClose(result.statistic, item.statistic, relative: 1e-10, "\(item.testDescription) statistic")
    expectClose(result.pValue, item.p, relative: 1e-10, "\(item.testDescription) p-value")
}
