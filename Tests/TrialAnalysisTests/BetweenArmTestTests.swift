import Testing
import TrialStats
@testable import TrialAnalysis

/// The between-arm test and its effect from samples prepared once are those TrialStats gives for
/// each alone (of the samples' sorted values); a problem of the samples is reported by both.
@Suite("Between-arm test and effect")
struct BetweenArmTestTests {
    // Ties within and across the arms, 60 and 55 values (the normal approximation), and two
    // small untied arms (the exact distribution).
    static let large = (treatment: (0..<60).map { Double(($0 * 37) % 23) / 2 }, control: (0..<55).map { Double(($0 * 11) % 19) / 2 - 1 })
    static let small = (treatment: [3.1, 2.2, 5.0, 4.4], control: [1.1, 4.0, 0.5, 2.3, 7.3])

    @Test(arguments: [large, small])
    func mannWhitneyIsTheRankSumTestAndTheHodgesLehmannShift(samples: (treatment: [Double], control: [Double])) throws {
        let treatment = Sample(samples.treatment), control = Sample(samples.control)
        let test = BetweenArmTest(.mannWhitney, treatment, control)
        let rankSum = try WilcoxonTest.rankSum(treatment.sorted, control.sorted)
        let shift = try LocationShift(treatment.sorted, control.sorted)
        #expect(try test.pValue() == rankSum.pValue)
        let effect = try test.effect()
        #expect(effect.estimator == (shift.method == .exact ? .hodgesLehmannExact : .hodgesLehmannNormal))
        #expect([effect.estimate, effect.ciLower, effect.ciUpper, effect.ciLevel]
                == [shift.estimate, shift.confidenceInterval.lower, shift.confidenceInterval.upper, shift.confidenceInterval.level])
    }

    @Test func welchIsTheWelchTest() throws {
        let treatment = Sample(Self.large.treatment), control = Sample(Self.large.control)
        let test = BetweenArmTest(.welchT, treatment, control)
        let welch = try TTest.welch(treatment.sorted, control.sorted)
        #expect(try test.pValue() == welch.pValue)
        let effect = try test.effect()
        #expect(effect.estimator == .meanDifference)
        #expect([effect.estimate, effect.ciLower, effect.ciUpper, effect.ciLevel]
                == [welch.estimate, welch.confidenceInterval.lower, welch.confidenceInterval.upper, welch.confidenceInterval.level])
    }

    @Test(arguments: [ContinuousTest.mannWhitney, .welchT])
    func anEmptyArmIsReportedByTheTestAndTheEffect(test: ContinuousTest) {
        let comparison = BetweenArmTest(test, Sample([1, 2, 3]), Sample([]))
        let minimum = test == .mannWhitney ? 1 : 2
        #expect(throws: StatisticsError.notEnoughObservations(sample: "y", minimum: minimum, actual: 0)) { try comparison.pValue() }
        #expect(throws: StatisticsError.notEnoughObservations(sample: "y", minimum: minimum, actual: 0)) { try comparison.effect() }
    }
}
