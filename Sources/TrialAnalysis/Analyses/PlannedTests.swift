import TrialStats

/// The p-values of the tests the plan chooses, computed with TrialStats (R's defaults).
enum PlannedTests {
    /// The two-sided p-value of the within-arm test of visit against baseline, from the
    /// differences visit − baseline: `wilcox.test(visit, baseline, paired = TRUE)` or
    /// `t.test(visit, baseline, paired = TRUE)`.
    static func within(_ test: PairedTest, differences: Sample) throws -> Double {
        switch test {
        case .wilcoxon: try WilcoxonTest.signedRank(differences.sorted).pValue
        case .pairedT: try TTest.oneSample(differences.sorted).pValue
        }
    }

    /// Fisher's exact two-sided p-value comparing two proportions (`fisher.test`).
    static func fisher(_ first: (successes: Int, trials: Int), _ second: (successes: Int, trials: Int)) throws -> Double {
        try fisherTest(first, second).pValue
    }

    /// Fisher's exact test of two proportions: the p-value and the conditional odds ratio with
    /// its exact interval (`fisher.test`).
    static func fisherTest(_ first: (successes: Int, trials: Int), _ second: (successes: Int, trials: Int)) throws -> FisherExactTest {
        try FisherExactTest(first.successes, first.trials - first.successes, second.successes, second.trials - second.successes)
    }

    /// The odds ratio of a Fisher's exact test, in results form.
    static func oddsRatio(_ test: FisherExactTest) -> OddsRatioEstimate {
        OddsRatioEstimate(estimate: test.oddsRatio, ciLower: test.confidenceInterval.lower, ciUpper: test.confidenceInterval.upper)
    }

    /// The ratio of two proportions with the Katz log interval (½ added to every cell when a
    /// group has no successes).
    static func relativeRisk(_ first: (successes: Int, trials: Int), _ second: (successes: Int, trials: Int)) throws -> RelativeRiskEstimate {
        let ratio = try Proportion.relativeRisk(successes1: first.successes, trials1: first.trials,
                                                successes2: second.successes, trials2: second.trials)
        return RelativeRiskEstimate(estimate: ratio.estimate, ciLower: ratio.confidenceInterval.lower,
                                    ciUpper: ratio.confidenceInterval.upper, continuityCorrected: ratio.continuityCorrected)
    }

    /// The difference of two proportions with Newcombe's hybrid score interval (method 10).
    static func difference(_ first: (successes: Int, trials: Int), _ second: (successes: Int, trials: Int)) throws -> ProportionDifference {
        let difference = try Proportion.newcombeDifference(successes1: first.successes, trials1: first.trials,
                                                           successes2: second.successes, trials2: second.trials)
        return ProportionDifference(estimate: difference.estimate, ciLower: difference.confidenceInterval.lower,
                                    ciUpper: difference.confidenceInterval.upper)
    }
}
