/// The statistical test behind a p-value, named as in results.json.
public enum TestName: String, Codable, Sendable, Equatable, CaseIterable {
    /// Fisher's exact test, two-sided (`fisher.test`).
    case fisherExact = "fisher-exact"
    /// Pearson's chi-square test (`chisq.test(correct = FALSE)`).
    case chiSquare = "chi-square"
    /// Fisher's exact test of an r×c table (Freeman–Halton), `fisher.test`.
    case fisherFreemanHalton = "fisher-freeman-halton"
    /// Wilcoxon rank-sum (Mann–Whitney) test (`wilcox.test`).
    case mannWhitney = "mann-whitney"
    /// Welch's t-test (`t.test`).
    case welchT = "welch-t"
    /// Wilcoxon signed-rank test (`wilcox.test(paired = TRUE)`).
    case wilcoxon
    /// Paired t-test (`t.test(paired = TRUE)`).
    case pairedT = "paired-t"
    /// Wald z-test of a logistic regression coefficient (`glm`).
    case logisticWald = "logistic-wald"
    /// Likelihood-ratio test of nested logistic models.
    case likelihoodRatio = "likelihood-ratio"
    /// Profile penalized likelihood-ratio test of a Firth logistic coefficient (`logistf`).
    case profilePenalizedLikelihood = "profile-penalized-likelihood"
    /// One-way analysis of variance across k arms (`oneway.test(var.equal = TRUE)`).
    case oneWayANOVA = "anova"
    /// Kruskal–Wallis rank-sum test across k arms (`kruskal.test`).
    case kruskalWallis = "kruskal-wallis"
    /// Welch's one-way analysis of means across k arms (`oneway.test(var.equal = FALSE)`).
    case welchAnova = "welch-anova"
    /// Cochran–Armitage test for a trend of proportions in dose (`prop.trend.test`).
    case cochranArmitage = "cochran-armitage"
    /// t-test of the slope of a least-squares line on dose (`summary(lm(y ~ dose))`).
    case linearTrend = "linear-trend"

    /// The between-arm test the plan chose.
    public init(_ test: ContinuousTest) {
        switch test {
        case .mannWhitney: self = .mannWhitney
        case .welchT: self = .welchT
        }
    }

    /// The within-arm test the plan chose.
    public init(_ test: PairedTest) {
        switch test {
        case .wilcoxon: self = .wilcoxon
        case .pairedT: self = .pairedT
        }
    }
}
