/// The between-arm test of continuous values and of changes from baseline.
public enum ContinuousTest: String, Sendable, Hashable, CaseIterable {
    /// Wilcoxon rank-sum (Mann–Whitney) test, `wilcox.test` defaults.
    case mannWhitney = "mann-whitney"
    /// Welch's unequal-variance t-test, `t.test` default.
    case welchT = "welch-t"
}

/// The within-arm test of a visit against baseline.
public enum PairedTest: String, Sendable, Hashable, CaseIterable {
    /// Wilcoxon signed-rank test, `wilcox.test(paired = TRUE)`.
    case wilcoxon
    /// Paired t-test, `t.test(paired = TRUE)`.
    case pairedT = "paired-t"
}
