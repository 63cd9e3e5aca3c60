import TrialAnalysis

/// How the report names and shows the effects beside between-arm p-values, from what the results
/// say was computed: the estimator of each continuous effect, whether a relative risk needed the
/// continuity correction, the confidence level reached.
enum EffectWords {
    /// The column header of continuous effects: "Shift (95% CI)" for Hodges–Lehmann estimates,
    /// "Difference (95% CI)" for mean differences.
    static func header(_ estimator: LocationEffect.Estimator?) -> String {
        estimator == .meanDifference ? "Difference (95% CI)" : "Shift (95% CI)"
    }

    /// The footnote of an effect: "Hodges–Lehmann estimate of the shift in the percent change from
    /// baseline (percentage points), UC-MSC − Control, with its exact 95% CI."
    static func note(_ effect: LocationEffect, measure: BetweenArmComparison.Measure, versus: String) -> String {
        let measured = ReportContext.measureWords(measure) + (measure == .percentChange ? " (percentage points)" : "")
        var text: String
        switch effect.estimator {
        case .hodgesLehmannExact:
            text = "Hodges–Lehmann estimate of the shift in the " + measured + ", " + versus + ", with its exact 95% CI."
        case .hodgesLehmannNormal:
            text = "Hodges–Lehmann estimate of the shift in the " + measured + ", " + versus
                + ", with its 95% CI from the normal approximation of the rank-sum test."
        case .meanDifference:
            text = "Difference in the mean " + measured + ", " + versus + ", with Welch's 95% CI."
        }
        if let level = effect.ciLevel, level < 0.95 - 1e-12 {
            text += " With so few participants the exact interval reaches only the " + Display.percentage(level) + " level."
        }
        return text
    }

    /// The estimate with its interval as a table cell ("15.0 (3.8 to 27.6)"; "—" when it was not
    /// computed), with its statistics.
    static func cell(_ effect: LocationEffect?, decimals: Int, footnotes: [String] = []) -> ReportTable.Cell {
        var cell = ReportTable.Cell.estimateWithInterval(effect?.estimate, lower: effect?.ciLower, upper: effect?.ciUpper,
                                                         decimals: decimals, name: "effect")
        cell.footnotes = footnotes
        return cell
    }

    /// The methods' words for the estimators used with a test: "with the Hodges–Lehmann estimate of
    /// the shift between arms and its exact 95% confidence interval"; empty when none was computed.
    static func methods(_ estimators: Set<LocationEffect.Estimator>) -> String {
        let exact = estimators.contains(.hodgesLehmannExact), normal = estimators.contains(.hodgesLehmannNormal)
        var parts: [String] = []
        if exact || normal {
            let interval = switch (exact, normal) {
            case (true, true): "its exact 95% confidence interval (from the normal approximation of the rank-sum test where values are tied or an arm has 50 or more)"
            case (true, false): "its exact 95% confidence interval"
            default: "its 95% confidence interval from the normal approximation of the rank-sum test"
            }
            parts.append("the Hodges–Lehmann estimate of the shift between arms and " + interval)
        }
        if estimators.contains(.meanDifference) {
            parts.append("the difference in means and Welch's 95% confidence interval")
        }
        return parts.isEmpty ? "" : " and " + parts.joined(separator: " and ")
    }

    /// The words of the relative risk and the odds ratio, for the table note and the methods,
    /// naming the continuity correction only when a comparison needed it; one part per ratio
    /// computed: ["relative risk with the Katz log 95% CI", "odds ratio as …"].
    static func ratios(relativeRisk: [RelativeRiskEstimate], oddsRatio: [OddsRatioEstimate]) -> [String] {
        var parts: [String] = []
        if !relativeRisk.isEmpty {
            parts.append("relative risk with the Katz log 95% CI"
                + (relativeRisk.contains(where: \.continuityCorrected) ? " (½ added to each cell where an arm had no responders)" : ""))
        }
        if !oddsRatio.isEmpty {
            parts.append("odds ratio as Fisher's exact test estimates it (conditional maximum likelihood, exact 95% CI)")
        }
        return parts
    }

    /// The ratios of the remission comparisons (overall and in each subgroup level).
    static func ratios(_ remission: RemissionResults) -> [String] {
        let comparisons = [remission.overall] + remission.subgroups.map(\.comparison)
        return ratios(relativeRisk: comparisons.compactMap(\.relativeRisk), oddsRatio: comparisons.compactMap(\.oddsRatio))
    }
}
