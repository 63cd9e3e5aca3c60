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
        guard oddsRatio != nil else { return Self.notEstimable }
        let shown = statistics(decimals: decimals).map(\.shown)
        return shown[0] + " (" + shown[1] + Display.intervalSeparator + shown[2] + ")"
    }

    /// The statistics `text(decimals:)` shows, for `ard.csv`: the odds ratio and its limits (a
    /// missing limit shown "not established"); none when the odds ratio is not estimable.
    func statistics(decimals: Int = 2) -> [ReportTable.Statistic] {
        guard oddsRatio != nil else { return [] }
        return zip(["odds_ratio", "odds_ratio_ci_lower", "odds_ratio_ci_upper"], [oddsRatio, ciLower, ciUpper]).map { name, value in
            ReportTable.Statistic(name, value, shown: value.map { Display.number($0, decimals: decimals) } ?? Self.notEstablished)
        }
    }
}
