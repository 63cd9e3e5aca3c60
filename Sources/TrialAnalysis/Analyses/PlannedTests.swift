import TrialStats

/// The p-values of the tests the plan chooses, computed with TrialStats (R's defaults).
enum PlannedTests {
    /// The two-sided p-value of the between-arm test: `wilcox.test(x, y)` or `t.test(x, y)`.
    static func between(_ test: ContinuousTest, _ treatment: Sample, _ control: Sample) throws -> Double {
        switch test {
        case .mannWhitney: try WilcoxonTest.rankSum(treatment.sorted, control.sorted).pValue
        case .welchT: try TTest.welch(treatment.sorted, control.sorted).pValue
        }
    }

    /// The two-sided p-value of the within-arm test of visit against baseline, from the
    /// differences visit − baseline: `wilcox.test(visit, baseline, paired = TRUE)` or
    /// `t.test(visit, baseline, paired = TRUE)`.
    static func within(_ test: PairedTest, differences: Sample) throws -> Double {
        switch test {
        case .wilcoxon: try WilcoxonTest.signedRank(differences.byMagnitude).pValue
        case .pairedT: try TTest.oneSample(differences.sorted).pValue
        }
    }

    /// Fisher's exact two-sided p-value comparing two proportions (`fisher.test`).
    static func fisher(_ first: (successes: Int, trials: Int), _ second: (successes: Int, trials: Int)) throws -> Double {
        try FisherExactTest(first.successes, first.trials - first.successes,
                            second.successes, second.trials - second.successes).pValue
    }

    /// The difference of two proportions with Newcombe's hybrid score interval (method 10).
    static func difference(_ first: (successes: Int, trials: Int), _ second: (successes: Int, trials: Int)) throws -> ProportionDifference {
        let difference = try Proportion.newcombeDifference(successes1: first.successes, trials1: first.trials,
                                                           successes2: second.successes, trials2: second.trials)
        return ProportionDifference(estimate: difference.estimate, ciLower: difference.confidenceInterval.lower,
                                    ciUpper: difference.confidenceInterval.upper)
    }
}
