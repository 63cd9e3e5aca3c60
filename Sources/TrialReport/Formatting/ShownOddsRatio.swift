import TrialAnalysis

/// An odds ratio as the report shows it: for the change the plan names in
/// `logistic.oddsRatioPer` (the results' `oddsRatioPer`), else per unit of the covariate. A choice
/// between numbers of the results, never a computation.
struct ShownOddsRatio {
    /// The change of the covariate the odds ratio is for; `nil`: one unit.
    let per: Double?
    /// The odds ratio.
    let oddsRatio: Double?
    /// Lower limit of its 95 % CI.
    let ciLower: Double?
    /// Upper limit of its 95 % CI.
    let ciUpper: Double?

    /// The odds ratio of `term` as shown.
    init(_ term: LogisticTerm) {
        if let scaled = term.oddsRatioPer {
            (per, oddsRatio, ciLower, ciUpper) = (scaled.per, scaled.oddsRatio, scaled.ciLower, scaled.ciUpper)
        } else {
            (per, oddsRatio, ciLower, ciUpper) = (nil, term.oddsRatio, term.ciLower, term.ciUpper)
        }
    }

    /// What is shown for an odds ratio or confidence limit the fit could not estimate (an infinite
    /// odds ratio under separation, a profile limit not found).
    static let notEstimable = "not estimable"

    /// The odds ratio with its CI: "0.38 (0.08 to 1.21)"; "not estimable" in place of an odds ratio
    /// or a limit that is missing: "3.90 (1.20 to not estimable)".
    func text(decimals: Int = 2) -> String {
        guard let oddsRatio else { return Self.notEstimable }
        let limits = [ciLower, ciUpper].map { $0.map { Display.number($0, decimals: decimals) } ?? Self.notEstimable }
        return Display.number(oddsRatio, decimals: decimals) + " (" + limits.joined(separator: Display.intervalSeparator) + ")"
    }
}
