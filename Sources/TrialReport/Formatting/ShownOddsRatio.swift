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

    /// What is shown for an odds ratio the fit could not estimate (a model not fitted).
    static let notEstimable = "not estimable"
    /// What is shown for a confidence limit of an estimated odds ratio that is missing: a profile
    /// limit that could not be established (the analysis notes say why).
    static let notEstablished = "not established"

    /// The footnote or caption sentence that explains ``notEstablished``.
    static let notEstablishedNote = "A confidence limit shown as not established could not be found on the profile "
        + "penalized likelihood; the analysis notes give the reason."

    /// Whether the odds ratio is estimated but one of its confidence limits is missing.
    var hasLimitNotEstablished: Bool { oddsRatio != nil && (ciLower == nil || ciUpper == nil) }

    /// The odds ratio with its CI: "0.38 (0.08 to 1.21)"; "not estimable" in place of a missing
    /// odds ratio, "not established" in place of a missing limit: "3.90 (1.20 to not established)".
    func text(decimals: Int = 2) -> String {
        guard let oddsRatio else { return Self.notEstimable }
        let limits = [ciLower, ciUpper].map { $0.map { Display.number($0, decimals: decimals) } ?? Self.notEstablished }
        return Display.number(oddsRatio, decimals: decimals) + " (" + limits.joined(separator: Display.intervalSeparator) + ")"
    }
}
