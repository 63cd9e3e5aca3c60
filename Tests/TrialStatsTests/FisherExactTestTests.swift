import Foundation
import Testing
@testable import TrialStats

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

/// The p-value alone sums only where the density does not underflow; the whole test sums the
/// whole support, as R: the two agree to the bit, in small tables and in tables of 40,000 (where
/// the density underflows over more than half the support).
@Test(arguments: [(3, 1, 1, 3), (0, 5, 5, 0), (12, 30, 18, 25), (8_000, 12_000, 8_200, 11_800),
                  (18_000, 2_000, 2_000, 18_000), (20_000, 0, 19_990, 10), (1, 19_999, 0, 20_000)])
func fisherPValueAloneIsTheWholeTestsToTheBit(a: Int, b: Int, c: Int, d: Int) throws {
    let whole = try FisherExactTest(a, b, c, d)
    #expect(try FisherExactTest.pValue(a, b, c, d) == whole.pValue)
}

/// The whole test skips the densities that underflow to zero (below e⁻⁷⁴⁶), and only those: its
/// p-value is the sum of every density of the support, as R sums them, to the bit — also for a
/// table so far in the tail that its own density, and the p-value, are below 1e-300.
@Test(arguments: [(11_900, 8_100, 8_100, 11_900), (2_600, 17_400, 17_400, 2_600), (12_000, 8_000, 8_200, 11_800)])
func fisherPValueSumsEveryDensityThatDoesNotUnderflow(a: Int, b: Int, c: Int, d: Int) throws {
    let distribution = NoncentralHypergeometric(try Hypergeometric(white: a + c, black: b + d, draws: a + b))
    let observedIndex = a - distribution.support.lowerBound
    let observed = exp(distribution.logDensity[observedIndex]) * (1 + 1e-7)
    var total = 0.0, extreme = 0.0
    for value in distribution.logDensity {
        total += exp(value)
        if exp(value) <= observed { extreme += exp(value) }
    }
    #expect(distribution.logDensity.contains { $0 < -746 })
    #expect(distribution.twoSidedPValue(observed: a) == extreme / total)
    #expect(try FisherExactTest(a, b, c, d).pValue == extreme / total)
}
