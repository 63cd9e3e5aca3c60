import TrialStats

/// The between-arm tests of a plan with more than two arms, computed with TrialStats (R's
/// defaults): the test across all arms, each arm against the reference with the plan's two-arm
/// test, the plan's multiplicity adjustment of those p-values, and — when every arm has a dose —
/// the trend in dose.
struct ArmComparisonTests {
    let plan: AnalysisPlan

    /// The test across all arms, its p-value, and the comparisons beside it.
    struct Outcome {
        var test: TestName
        var pValue: Double?
        var comparisons: ArmComparisons
    }

    /// Responders (`responders` of `n` per arm, in plan order): the Fisher–Freeman–Halton test of
    /// the 2 × k table (`fisher.test`; Pearson's chi-square, `chisq.test(correct = FALSE)`, when
    /// the exact test would take too long, with a note), Fisher's exact test with its odds ratio,
    /// the Newcombe difference and the relative risk (Katz) of each arm against the reference, and
    /// the Cochran–Armitage test with the doses
    /// as scores (`prop.trend.test`).
    func responders(_ counts: [(successes: Int, trials: Int)], context: String, _ log: inout NoteLog) -> Outcome {
        let table = [counts.map(\.successes), counts.map { $0.trials - $0.successes }]
        let (usedChiSquare, global) = ExactContingencyTest.run(table, context: "\(context), across the arms", &log)
        let test: TestName = usedChiSquare ? .chiSquare : .fisherExact
        let reference = counts[plan.arms.referenceIndex]
        let pairwise = others.map { arm in
            let armContext = "\(context), \(plan.arms.list[arm].label) vs \(plan.arms.control)"
            let difference = log.attempt("difference of rates", armContext) { try PlannedTests.difference(counts[arm], reference) }
            let fisher = log.attempt("Fisher's exact test", armContext) { try PlannedTests.fisherTest(counts[arm], reference) }
            let relativeRisk = log.attempt("relative risk", armContext) { try PlannedTests.relativeRisk(counts[arm], reference) }
            return PairwiseComparison(arm: plan.arms.list[arm].label, difference: difference, test: .fisherExact,
                                      pValue: fisher?.pValue, adjustedPValue: nil, relativeRisk: relativeRisk,
                                      oddsRatio: fisher.map(PlannedTests.oddsRatio))
        }
        let trend = doses.map { doses in
            let result = log.attempt("Cochran–Armitage trend test", context) {
                try CochranArmitageTest(events: counts.map(\.successes), totals: counts.map(\.trials), scores: doses)
            }
            return TrendComparison(test: .cochranArmitage, slope: result?.slope, pValue: result?.pValue)
        }
        return Outcome(test: test, pValue: global, comparisons: comparisons(pairwise, trend: trend, context: context, &log))
    }

    /// Continuous data (one sample per arm, in plan order): the k-arm form of the plan's
    /// `continuousTest` (Kruskal–Wallis, `kruskal.test`, for `mann-whitney`; Welch's one-way
    /// analysis of means, `oneway.test(var.equal = FALSE)`, for `welch-t`), the plan's two-arm
    /// test of each arm against the reference with its effect (Hodges–Lehmann shift or mean
    /// difference, 95 % interval), and the t-test of the slope of the values on dose
    /// (`summary(lm(y ~ dose))`, by `LinearFit`).
    func continuous(_ samples: [Sample], context: String, _ log: inout NoteLog) -> Outcome {
        let groups = samples.map(\.sorted)
        let test: TestName = plan.continuousTest == .mannWhitney ? .kruskalWallis : .welchAnova
        let global = log.attempt("\(test.rawValue) test across the arms", context) {
            switch plan.continuousTest {
            case .mannWhitney: try KruskalWallisTest(groups).pValue
            case .welchT: try OneWayTest.welch(groups).pValue
            }
        }
        let reference = samples[plan.arms.referenceIndex]
        let pairwise = others.map { arm in
            let armContext = "\(context), \(plan.arms.list[arm].label) vs \(plan.arms.control)"
            let test = BetweenArmTest(plan.continuousTest, samples[arm], reference)
            let pValue = log.attempt("\(plan.continuousTest.rawValue) test", armContext) { try test.pValue() }
            let effect = log.attempt("effect estimate of the \(plan.continuousTest.rawValue) test", armContext) { try test.effect() }
            return PairwiseComparison(arm: plan.arms.list[arm].label, difference: nil, test: TestName(plan.continuousTest),
                                      pValue: pValue, adjustedPValue: nil, effect: effect)
        }
        let trend = doses.map { doses in
            let slope = log.attempt("linear trend test on dose", context) { () throws -> LinearEstimate? in
                let dose = zip(groups, doses).flatMap { group, dose in [Double](repeating: dose, count: group.count) }
                let frame = try ModelFrame(response: groups.flatMap { $0 }, variables: ["dose": .numeric(dose)], terms: [ModelTerm("dose")])
                return try LinearFit(frame).coefficient("dose")?.estimate
            } ?? nil
            return TrendComparison(test: .linearTrend, slope: slope?.estimate, pValue: slope?.pValue)
        }
        return Outcome(test: test, pValue: global, comparisons: comparisons(pairwise, trend: trend, context: context, &log))
    }

    /// The positions of the arms other than the reference, in plan order.
    private var others: [Int] {
        plan.arms.list.indices.filter { $0 != plan.arms.referenceIndex }
    }

    /// Every arm's dose, or `nil` when an arm has none.
    private var doses: [Double]? {
        let doses = plan.arms.list.compactMap(\.dose)
        return doses.count == plan.arms.list.count ? doses : nil
    }

    /// The comparisons with the adjusted p-values filled in: the p-values computed are the
    /// family (R's `p.adjust` leaves missing values out of n the same way).
    private func comparisons(_ pairwise: [PairwiseComparison], trend: TrendComparison?, context: String,
                             _ log: inout NoteLog) -> ArmComparisons {
        var pairwise = pairwise
        let computed = pairwise.indices.filter { pairwise[$0].pValue != nil }
        let adjusted = log.attempt("\(plan.multiplicity.rawValue) adjustment", context) {
            try plan.multiplicity.adjust(computed.map { pairwise[$0].pValue! })
        }
        for (position, index) in computed.enumerated() { pairwise[index].adjustedPValue = adjusted?[position] }
        return ArmComparisons(reference: plan.arms.control, adjustment: plan.multiplicity, pairwise: pairwise, trend: trend)
    }
}
