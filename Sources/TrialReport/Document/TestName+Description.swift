import TrialAnalysis

extension TestName {
    /// The test as a reader names it in a table footnote or the methods: "Fisher's exact test".
    public var displayName: String {
        switch self {
        case .fisherExact: "Fisher's exact test"
        case .chiSquare: "Pearson's chi-square test"
        case .fisherFreemanHalton: "Fisher–Freeman–Halton exact test"
        case .mannWhitney: "Wilcoxon rank-sum (Mann–Whitney) test"
        case .welchT: "Welch's t-test"
        case .wilcoxon: "Wilcoxon signed-rank test"
        case .pairedT: "paired t-test"
        case .logisticWald: "Wald test of the logistic regression coefficient"
        case .likelihoodRatio: "likelihood-ratio test of nested logistic models"
        case .profilePenalizedLikelihood: "profile penalized likelihood-ratio test (Firth)"
        case .oneWayANOVA: "one-way analysis of variance (F test)"
        case .kruskalWallis: "Kruskal–Wallis test"
        case .welchAnova: "Welch's one-way analysis of means"
        case .cochranArmitage: "Cochran–Armitage trend test"
        case .linearTrend: "linear regression test of the slope on dose"
        }
    }

    /// `displayName` with a capital first letter, to start a sentence.
    public var capitalizedName: String {
        displayName.prefix(1).uppercased() + displayName.dropFirst()
    }

    /// `capitalizedName` with a full stop, for a table footnote.
    public var footnote: String { capitalizedName + "." }
}
