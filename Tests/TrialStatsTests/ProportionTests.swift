import Testing
import TrialStats

private struct ProportionCase: Decodable, CustomTestStringConvertible {
    let kind: String
    let x: Int
    let n: Int
    let x2: Int?
    let n2: Int?
    let level: Double
    let estimate: Double?
    let lower: Double
    let upper: Double
    var testDescription: String { "\(kind) \(x)/\(n)\(x2.map { " vs \($0)/\(n2 ?? 0)" } ?? "") at \(level)" }
}

private let cases: [ProportionCase] = (try? loadFixture("proportions")) ?? []

@Test func proportionsFixtureIsLoaded() {
    #expect(cases.count >= 40)
}

@Test(arguments: cases)
private func proportionIntervalAgreesWithR(_ item: ProportionCase) throws {
    let interval: ConfidenceInterval
    switch item.kind {
    case "wilson":
        interval = try Proportion.wilsonInterval(successes: item.x, trials: item.n, confidenceLevel: item.level)
    case "clopperPearson":
        interval = try Proportion.clopperPearsonInterval(successes: item.x, trials: item.n, confidenceLevel: item.level)
    default:
        let difference = try Proportion.newcombeDifference(
            successes1: item.x, trials1: item.n, successes2: try #require(item.x2), trials2: try #require(item.n2),
            confidenceLevel: item.level
        )
        expectAgrees(difference.estimate, try #require(item.estimate), "\(item.testDescription) estimate")
        interval = difference.confidenceInterval
    }
    expectAgrees(interval.lower, item.lower, "\(item.testDescription) lower")
    expectAgrees(interval.upper, item.upper, "\(item.testDescription) upper")
}

/// Newcombe (1998), Table II, example (a): 56/70 − 48/80, method 10: 0.0524 to 0.3339.
@Test func newcombeReproducesThePapersExample() throws {
    let difference = try Proportion.newcombeDifference(successes1: 56, trials1: 70, successes2: 48, trials2: 80)
    #expect(abs(difference.confidenceInterval.lower - 0.0524) < 5e-5)
    #expect(abs(difference.confidenceInterval.upper - 0.3339) < 5e-5)
}

@Test func successesAboveTrialsAreRefused() {
    #expect(throws: StatisticsError.invalidCount("5 successes in 4 trials")) {
        try Proportion.wilsonInterval(successes: 5, trials: 4)
    }
}

@Test func zeroTrialsAreRefused() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "trials", minimum: 1, actual: 0)) {
        try Proportion.clopperPearsonInterval(successes: 0, trials: 0)
    }
}
