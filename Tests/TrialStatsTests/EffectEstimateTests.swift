import Testing
import TrialStats

private struct ShiftCase: Decodable, CustomTestStringConvertible {
    let x: [Double]
    let y: [Double]
    let estimate: Double
    let lower: Double
    let upper: Double
    let level: Double
    let exact: Bool
    let forcedExact: Bool?
    let confidenceLevel: Double
    var testDescription: String { "n = \(x.count), \(y.count), \(exact ? "exact" : "normal"), level \(confidenceLevel)" }
}

private struct RatioCase: Decodable, CustomTestStringConvertible {
    let x: [Double]
    let y: [Double]
    let confidenceLevel: Double
    let ratio: Double
    let lower: Double
    let upper: Double
    let p: Double
    var testDescription: String { "n = \(x.count), \(y.count), level \(confidenceLevel)" }
}

private struct RiskCase: Decodable, CustomTestStringConvertible {
    let successes1: Int
    let trials1: Int
    let successes2: Int
    let trials2: Int
    let confidenceLevel: Double
    let estimate: Double
    let lower: Double
    let upper: Double
    let corrected: Bool
    var testDescription: String { "\(successes1)/\(trials1) vs \(successes2)/\(trials2)" }
}

private struct EffectCases: Decodable {
    let shift: [ShiftCase]
    let geometricMeanRatio: [RatioCase]
    let relativeRisk: [RiskCase]
}

private let cases: EffectCases? = try? loadFixtureObject("effects")

@Test func effectsFixtureIsLoaded() {
    #expect((cases?.shift.count ?? 0) >= 50)
    #expect((cases?.geometricMeanRatio.count ?? 0) >= 4)
    #expect((cases?.relativeRisk.count ?? 0) >= 10)
}

@Test(arguments: cases?.shift ?? [])
private func locationShiftAgreesWithR(_ item: ShiftCase) throws {
    let shift = try LocationShift(item.x, item.y, exact: item.forcedExact,
                                  confidenceLevel: item.confidenceLevel)
    #expect(shift.method == (item.exact ? .exact : .normalApproximation), "\(item.testDescription)")
    expectAgrees(shift.estimate, item.estimate, "\(item.testDescription) estimate")
    expectAgrees(shift.confidenceInterval.lower, item.lower, "\(item.testDescription) lower")
    expectAgrees(shift.confidenceInterval.upper, item.upper, "\(item.testDescription) upper")
    expectAgrees(shift.confidenceInterval.level, item.level, "\(item.testDescription) level")
}

@Test(arguments: cases?.geometricMeanRatio ?? [])
private func geometricMeanRatioAgreesWithR(_ item: RatioCase) throws {
    let result = try TTest.geometricMeanRatio(item.x, item.y, confidenceLevel: item.confidenceLevel)
    expectAgrees(result.ratio.estimate, item.ratio, "\(item.testDescription) ratio")
    expectAgrees(result.ratio.confidenceInterval.lower, item.lower, "\(item.testDescription) lower")
    expectAgrees(result.ratio.confidenceInterval.upper, item.upper, "\(item.testDescription) upper")
    expectAgrees(result.test.pValue, item.p, "\(item.testDescription) p")
}

@Test(arguments: cases?.relativeRisk ?? [])
private func relativeRiskAgreesWithR(_ item: RiskCase) throws {
    let result = try Proportion.relativeRisk(successes1: item.successes1, trials1: item.trials1, successes2: item.successes2,
                                             trials2: item.trials2, confidenceLevel: item.confidenceLevel)
    #expect(result.continuityCorrected == item.corrected)
    expectAgrees(result.estimate, item.estimate, "\(item.testDescription) estimate")
    expectAgrees(result.confidenceInterval.lower, item.lower, "\(item.testDescription) lower")
    expectAgrees(result.confidenceInterval.upper, item.upper, "\(item.testDescription) upper")
}

@Test func quantileOfTheRankSumDistributionIsRsQwilcox() throws {
    // qwilcox(c(0.025, 0.5, 0.975), 9, 9) = 18 40 63; qwilcox(0.025, 1, 1) = 0
    let distribution = try WilcoxonRankSumDistribution(firstSize: 9, secondSize: 9)
    #expect([0.025, 0.5, 0.975].map(distribution.quantile) == [18, 40, 63])
    #expect(try WilcoxonRankSumDistribution(firstSize: 1, secondSize: 1).quantile(0.025) == 0)
}

@Test func shiftRefusesWhatRCannotEstimate() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "y", minimum: 1, actual: 0)) { try LocationShift([1, 2], []) }
    #expect(throws: StatisticsError.nonFiniteValue(sample: "x", index: 1)) { try LocationShift([1, .nan], [2]) }
    #expect(throws: StatisticsError.essentiallyConstant(sample: "x − shift and y")) { try LocationShift([2, 2, 2], [2, 2]) }
}

@Test func geometricMeanRatioNamesTheFirstValueThatIsNotPositive() {
    #expect(throws: StatisticsError.invalidParameter(name: "y[1] (a log scale needs positive values)", value: 0)) {
        try TTest.geometricMeanRatio([1, 2, 3], [4, 0, 5])
    }
}
