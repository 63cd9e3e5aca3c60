import Testing
import TrialStats

private struct TTestCase: Decodable, CustomTestStringConvertible {
    let method: String
    let x: [Double]
    let y: [Double]
    let t: Double
    let df: Double
    let p: Double
    let estimate: Double
    let se: Double
    let ciLower: Double
    let ciUpper: Double
    var testDescription: String { "\(method) t-test, n = \(x.count), \(y.count)" }
}

private let cases: [TTestCase] = (try? loadFixture("ttest")) ?? []

@Test func tTestFixtureIsLoaded() {
    #expect(cases.count >= 30)
}

@Test(arguments: cases)
private func tTestAgreesWithR(_ item: TTestCase) throws {
    let result: TTest = switch item.method {
    case "welch": try TTest.welch(item.x, item.y)
    case "student": try TTest.student(item.x, item.y)
    case "paired": try TTest.paired(item.x, item.y)
    default: try TTest.oneSample(item.x)
    }
    #expect(result.method.rawValue == item.method)
    expectAgrees(result.statistic, item.t, "\(item.testDescription) t")
    expectAgrees(result.degreesOfFreedom, item.df, "\(item.testDescription) df")
    expectAgrees(result.pValue, item.p, "\(item.testDescription) p-value")
    expectAgrees(result.estimate, item.estimate, "\(item.testDescription) estimate")
    expectAgrees(result.standardError, item.se, "\(item.testDescription) standard error")
    expectAgrees(result.confidenceInterval.lower, item.ciLower, "\(item.testDescription) CI lower")
    expectAgrees(result.confidenceInterval.upper, item.ciUpper, "\(item.testDescription) CI upper")
}

@Test func welchNeedsTwoObservationsPerGroup() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "x", minimum: 2, actual: 1)) {
        try TTest.welch([1], [1, 2, 3])
    }
}

@Test func welchRejectsAnEmptyGroup() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "y", minimum: 2, actual: 0)) {
        try TTest.welch([1, 2], [])
    }
}

@Test func constantDataAreRefusedAsInR() {
    #expect(throws: StatisticsError.essentiallyConstant(sample: "x and y")) {
        try TTest.welch([3, 3, 3], [3, 3])
    }
    #expect(throws: StatisticsError.essentiallyConstant(sample: "differences")) {
        try TTest.paired([1, 2, 3], [0, 1, 2])
    }
}

@Test func pairedTestNeedsEqualLengths() {
    #expect(throws: StatisticsError.unpairedLengths(x: 3, y: 2)) {
        try TTest.paired([1, 2, 3], [1, 2])
    }
}

@Test func nonFiniteValuesAreRefused() {
    #expect(throws: StatisticsError.nonFiniteValue(sample: "y", index: 1)) {
        try TTest.student([1, 2, 3], [1, .nan, 2])
    }
}
