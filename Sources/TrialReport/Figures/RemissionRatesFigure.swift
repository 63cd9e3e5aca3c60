import Plot
import TrialAnalysis

/// `remission-rates`: the percentage of participants in remission with its 95 % Wilson CI by arm,
/// overall and in each subgroup level, with Fisher's exact p-value above each pair of bars.
struct RemissionRatesFigure: TrialFigureBuilder {
    static let name = FigureName.remissionRates
    static let defaultWidth = FigureWidth.single

    let results: Results
    let plan: AnalysisPlan
    /// The sections of the seed study's layout that the figure draws.
    private let seed: SeedStudySections

    /// The figure of `results`, or `nil` when the results lack the seed study's sections.
    init?(results: Results, plan: AnalysisPlan) {
        guard let seed = results.seedStudySections else { return nil }
        self.results = results
        self.plan = plan
        self.seed = seed
    }

    /// One group of bars: its label (with the numbers of participants) and its comparison.
    private var groups: [(label: String, comparison: RemissionComparison)] {
        let overall = ("Overall", seed.remission.overall)
        let levels = seed.remission.subgroups.map { ($0.level, $0.comparison) }
        return ([overall] + levels).map { name, comparison in
            ("\(name)\n(\(FigureText.counts(comparison.byArm.map(\.n))))", comparison)
        }
    }

    func drawable(width: FigureWidth) -> any Drawable {
        let groups = groups
        let rule = plan.remission
        let parameters = rule.parameters.map { ReportLabels(plan: plan).parameterName($0).inSentence }
        let joiner = rule.rule == .any ? " or " : " and "
        let note = "Remission: ≥\(FigureText.space)\(Display.planValue(rule.minPercentIncrease))% increase from baseline "
            + "in \(parameters.joined(separator: joiner)) at month \(Display.planValue(plan.primaryVisit)). "
            + "Bars: percentage; error bars: 95% Wilson CI; p: " + seed.remission.overall.test.displayName + "."
            + seed.remission.interactions.map { " " + ReportContext.framing($0) }.joined()
        return Figure(legend: .top, note: RichText(note), seriesOrder: plan.armOrder, seriesStyles: plan.armStyles) {
            Panel(x: .categorical(groups.map(\.label)),
                  y: .linear("Participants in remission (%)", includesZero: true, ticks: [0, 20, 40, 60, 80, 100])) {
                for group in groups {
                    for arm in group.comparison.byArm {
                        if let rate = arm.rate {
                            BarMark(x: .category(group.label), value: 100 * rate, series: arm.arm)
                        }
                        if let lower = arm.ciLower, let upper = arm.ciUpper {
                            ErrorBarMark(at: .category(group.label), lower: 100 * lower, upper: 100 * upper, series: arm.arm)
                        }
                    }
                    if group.comparison.byArm.count == 2 {
                        BracketMark(from: .category(group.label), series: group.comparison.byArm[0].arm,
                                    to: .category(group.label), series: group.comparison.byArm[1].arm,
                                    y: bracketHeight(group.comparison), label: RichText(FigureText.pValue(group.comparison.pValue)))
                    }
                }
            }
        }
    }

    /// A little above the highest bar or CI of the group, in percent.
    private func bracketHeight(_ comparison: RemissionComparison) -> Double {
        let tops = comparison.byArm.flatMap { [$0.rate, $0.ciUpper].compactMap { $0 } }
        return 100 * (tops.max() ?? 0) + 6
    }

    func height(width: FigureWidth) -> Length { scaledHeight(75, width: width, perStep: 10) }
}
