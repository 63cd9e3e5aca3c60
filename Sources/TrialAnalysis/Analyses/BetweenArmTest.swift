import TrialStats

/// The between-arm test the plan chooses and the effect beside it, treatment against control,
/// from the two samples prepared once: the rank-sum test and the Hodges–Lehmann shift rank the
/// same sorted samples (`RankedSamples`, R's `wilcox.test(x, y, conf.int = TRUE)`), and one
/// Welch test (`t.test(x, y)`) gives both its p-value and the mean difference.
struct BetweenArmTest {
    private enum Prepared {
        case ranked(RankedSamples)
        case welch(TTest)
    }

    /// The samples prepared, or why they cannot be (both `pValue` and `effect` throw it).
    private let prepared: Result<Prepared, StatisticsError>

    init(_ test: ContinuousTest, _ treatment: Sample, _ control: Sample) {
        prepared = Result { () throws(StatisticsError) -> Prepared in
            switch test {
            case .mannWhitney: .ranked(try RankedSamples(treatment.sorted, control.sorted))
            case .welchT: .welch(try TTest.welch(treatment.sorted, control.sorted))
            }
        }
    }

    /// The two-sided p-value: `wilcox.test(x, y)` or `t.test(x, y)`.
    func pValue() throws -> Double {
        switch try prepared.get() {
        case .ranked(let samples): try samples.rankSumTest().pValue
        case .welch(let welch): welch.pValue
        }
    }

    /// Treatment minus control with its 95 % interval: the Hodges–Lehmann shift of
    /// `wilcox.test(x, y, conf.int = TRUE)` or the mean difference of `t.test(x, y)`.
    func effect() throws -> LocationEffect {
        switch try prepared.get() {
        case .ranked(let samples):
            let shift = try samples.locationShift()
            return LocationEffect(estimator: shift.method == .exact ? .hodgesLehmannExact : .hodgesLehmannNormal,
                                  estimate: shift.estimate, ciLower: shift.confidenceInterval.lower,
                                  ciUpper: shift.confidenceInterval.upper, ciLevel: shift.confidenceInterval.level)
        case .welch(let welch):
            return LocationEffect(estimator: .meanDifference, estimate: welch.estimate, ciLower: welch.confidenceInterval.lower,
                                  ciUpper: welch.confidenceInterval.upper, ciLevel: welch.confidenceInterval.level)
        }
    }
}
