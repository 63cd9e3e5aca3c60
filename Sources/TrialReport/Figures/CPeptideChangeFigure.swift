import Plot
import TrialAnalysis

/// `cpeptide-change`: the percent change from baseline to the primary visit in each remission
/// parameter (fasting and postprandial C-peptide), one panel each: boxes by arm in all participants,
/// then within each subgroup level, jittered individual values, n under each group and the between-arm p-value as a bracket.
struct CPeptideChangeFigure: TrialFigureBuilder {
    static let name = FigureName.cpeptideChange
    static let defaultWidth = FigureWidth.double
    /// The largest box whose individual values are drawn as points; larger boxes show outliers only,
    /// so the files stay small and the boxes visible.
    static let maximumPoints = 300

    let results: Results
    let plan: AnalysisPlan

    /// The distributions of `parameter` at the primary visit drawn as groups: all participants
    /// first, then each subgroup level.
    private func groups(_ parameter: String) -> [PercentChangeDistribution] {
        results.figureData.percentChangeDistributions.filter { $0.parameter == parameter && $0.visit == plan.primaryVisit }
    }

    /// "Adult-onset\n(n = 17 vs 16)".
    private func label(_ distribution: PercentChangeDistribution) -> String {
        "\(distribution.level ?? "All participants")\n(\(FigureText.counts(distribution.byArm.map(\.n))))"
    }

    func drawable(width: FigureWidth) -> any Drawable {
        // In one column the panels are stacked, so the group labels stay horizontal.
        Figure(columns: width == .single ? 1 : nil, legend: .top, note: RichText(note), seriesOrder: plan.armOrder, seriesStyles: plan.armStyles) {
            for parameter in plan.remission.parameters {
                panel(parameter)
            }
        }
    }

    private func panel(_ parameter: String) -> Panel {
        let groups = groups(parameter)
        return Panel(title: RichText(ReportLabels(plan: plan).parameterName(parameter)), x: .categorical(groups.map(label)),
                     y: .linear("Change from baseline (%)")) {
            RuleMark(y: 0)
            for group in groups {
                let category = Coordinate.category(label(group))
                for (armIndex, box) in group.byArm.enumerated() {
                    let points = box.n <= Self.maximumPoints ? box.values : nil
                    if let statistics = Self.statistics(box) {
                        BoxMark(x: category, statistics: statistics, series: box.arm, showsOutliers: points == nil)
                    }
                    for (index, value) in (points ?? []).enumerated() {
                        PointMark(x: category, y: .value(value), series: box.arm, jitter: 0.6,
                                  jitterSeed: UInt64(armIndex) << 32 | UInt64(index), size: 2.6, opacity: 0.75)
                    }
                }
                if group.byArm.count == 2, let top = Self.highest(group) {
                    BracketMark(from: category, series: group.byArm[0].arm, to: category, series: group.byArm[1].arm,
                                y: top + 0.06 * Self.span(groups), label: RichText(FigureText.pValue(pValue(group))))
                }
            }
        }
    }

    /// The between-arm p-value of the endpoint at the primary visit in the group's population.
    private func pValue(_ group: PercentChangeDistribution) -> Double? {
        results.endpoints.first {
            $0.parameter == group.parameter && $0.visit == group.visit && $0.subgroup == group.subgroup && $0.level == group.level
        }?.between.pValue
    }

    /// Plot's box statistics from the analysis's box summary; nil when the arm has no values.
    static func statistics(_ box: BoxSummary) -> BoxStatistics? {
        guard let q1 = box.q1, let median = box.median, let q3 = box.q3 else { return nil }
        return BoxStatistics(lowerWhisker: box.whiskerLower ?? q1, lowerQuartile: q1, median: median, upperQuartile: q3,
                             upperWhisker: box.whiskerUpper ?? q3, outliers: box.outliers, count: box.n)
    }

    /// The values a box draws: whiskers, outliers and the individual points it shows.
    static func drawnValues(_ box: BoxSummary) -> [Double] {
        [box.whiskerLower, box.whiskerUpper].compactMap { $0 } + box.outliers + (box.n <= maximumPoints ? box.values ?? [] : [])
    }

    /// The highest value drawn in the group.
    static func highest(_ group: PercentChangeDistribution) -> Double? { group.byArm.flatMap(drawnValues).max() }

    /// The range of the values drawn in the panel, for spacing brackets.
    static func span(_ groups: [PercentChangeDistribution]) -> Double {
        let values = groups.flatMap { $0.byArm.flatMap(drawnValues) }
        guard let low = values.min(), let high = values.max(), high > low else { return 10 }
        return high - low
    }

    /// What the boxes, points and p-values are.
    private var note: String {
        let visit = Display.planValue(plan.primaryVisit)
        let between = results.endpoints.first { plan.remission.parameters.contains($0.parameter) }?.between
        let test = between.map { "p: " + $0.test.displayName + " of the " + ReportContext.measureWords($0.measure) + " between arms." } ?? ""
        return "Percent change from baseline to month \(visit). Boxes: median and quartiles; whiskers: values within 1.5 IQR; "
            + "points: participants; in groups of more than \(Display.integer(Self.maximumPoints)), only values beyond the whiskers "
            + "(at most \(Display.integer(BoxSummary.maximumOutliers)), the most extreme). "
            + "n: \(plan.arms.treatment) vs \(plan.arms.control). " + test
    }

    func height(width: FigureWidth) -> Length { width == .single ? .millimetres(150) : scaledHeight(78, width: width, perStep: 4) }
}
