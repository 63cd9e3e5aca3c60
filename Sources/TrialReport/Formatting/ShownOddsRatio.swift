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

    /// The odds ratio with its CI: "0.38 (0.08 to 1.21)".
    var text: String { Display.oddsRatio(oddsRatio, lower: ciLower, upper: ciUpper) }
}
