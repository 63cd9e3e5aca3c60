import Plot
import TrialAnalysis

/// Mean ± SEM of parameters over the visits by arm, one column per parameter and one row per
/// population (all participants, then each subgroup level when `byLevel`), with the infusions marked.
/// The shared drawing of `cpeptide-trajectory`, `hba1c-trajectory` and `insulin-dose-trajectory`.
struct TrajectoryPanels {
    let results: Results
    let plan: AnalysisPlan
    /// The `PARAMCD`s drawn, one column each.
    let parameters: [String]
    /// Whether rows for each subgroup level follow the row of all participants.
    let byLevel: Bool

    /// The populations drawn, as (subgroup, level) — (nil, nil) for all participants — in results order.
    var populations: [(subgroup: String?, level: String?)] {
        var populations: [(String?, String?)] = [(nil, nil)]
        guard byLevel else { return populations }
        for trajectory in results.figureData.trajectories where trajectory.subgroup != nil {
            if !populations.contains(where: { $0.0 == trajectory.subgroup && $0.1 == trajectory.level }) {
                populations.append((trajectory.subgroup, trajectory.level))
            }
        }
        return populations
    }

    /// The figure: a grid of panels with a shared month axis, the legend on top.
    func figure() -> Figure {
        let populations = populations
        let titled = parameters.count > 1 || populations.count > 1
        return Figure(columns: parameters.count, sharesX: true, legend: .top, note: RichText(note),
                      seriesOrder: plan.armOrder, seriesStyles: plan.armStyles, continuousDodge: 4) {
            for population in populations {
                for parameter in parameters {
                    panel(parameter: parameter, population: population, titled: titled)
                }
            }
        }
    }

    private func panel(parameter: String, population: (subgroup: String?, level: String?), titled: Bool) -> Panel {
        let trajectory = results.figureData.trajectories.first {
            $0.parameter == parameter && $0.subgroup == population.subgroup && $0.level == population.level
        }
        let title = ReportLabels(plan: plan).parameterName(parameter) + ", " + (population.level ?? "All participants").inSentence
        return Panel(title: titled ? FigureText.rich(title) : nil,
                     x: .linear(RichText(FigureText.months), ticks: plan.visits),
                     y: .linear(FigureText.rich(ReportLabels(plan: plan).parameter(parameter)))) {
            for month in plan.infusionMonths {
                RuleMark(x: .value(month), label: "Infusion")
            }
            for arm in trajectory?.byArm ?? [] {
                // A visit without a mean breaks the line.
                LineMark(points: arm.points.map { (.value($0.visit), .value($0.mean ?? .nan)) }, series: arm.arm)
                let points = arm.points.compactMap { point in point.mean.map { (visit: point.visit, mean: $0, sem: point.sem) } }
                for point in points {
                    if let sem = point.sem {
                        ErrorBarMark(at: .value(point.visit), lower: point.mean - sem, upper: point.mean + sem, series: arm.arm)
                    }
                    PointMark(x: .value(point.visit), y: .value(point.mean), series: arm.arm)
                }
            }
        }
    }

    /// What the symbols are, how many participants each mean has, and which arm has no value at
    /// a visit (its line is broken there).
    private var note: String {
        let arms = results.figureData.trajectories.filter { $0.subgroup == nil && parameters.contains($0.parameter) }
            .flatMap(\.byArm)
        let counts = arms.flatMap(\.points).map(\.n).filter { $0 > 0 }
        var note = "Mean ± SEM at each visit; dashed lines: \(plan.arms.treatment) infusions."
        if let fewest = counts.min(), let most = counts.max() {
            note += fewest == most ? " Each mean of all participants: \(FigureText.count(fewest)) per arm."
                : " Each mean of all participants: \(FigureText.count(fewest)) to \(Display.integer(most)) per arm and visit."
        }
        var gaps: [String] = []
        for arm in arms {
            for point in arm.points where point.n == 0 {
                let gap = "\(arm.arm) at month \(Display.planValue(point.visit))"
                if !gaps.contains(gap) { gaps.append(gap) }
            }
        }
        if !gaps.isEmpty { note += " No values: " + gaps.joined(separator: ", ") + "." }
        return note
    }
}

/// `cpeptide-trajectory`: fasting and postprandial C-peptide (the remission parameters) over the
/// visits, mean ± SEM by arm; a row for all participants, then one per onset group.
struct CPeptideTrajectoryFigure: TrialFigureBuilder {
    static let name = FigureName.cpeptideTrajectory
    static let defaultWidth = FigureWidth.double

    let results: Results
    let plan: AnalysisPlan

    private var panels: TrajectoryPanels {
        TrajectoryPanels(results: results, plan: plan, parameters: plan.remission.parameters, byLevel: true)
    }

    func drawable(width: FigureWidth) -> any Drawable { panels.figure() }

    func height(width: FigureWidth) -> Length {
        .millimetres(26 + Double(panels.populations.count) * (width == .single ? 52 : 55))
    }
}

/// A figure of one parameter over the visits, mean ± SEM by arm, in all participants, one column wide.
protocol SingleParameterTrajectory: TrialFigureBuilder {
    /// The `PARAMCD` drawn.
    static var parameter: String { get }
    var results: Results { get }
    var plan: AnalysisPlan { get }
}

extension SingleParameterTrajectory {
    static var defaultWidth: FigureWidth { .single }

    func drawable(width: FigureWidth) -> any Drawable {
        TrajectoryPanels(results: results, plan: plan, parameters: [Self.parameter], byLevel: false).figure()
    }

    func height(width: FigureWidth) -> Length { scaledHeight(72, width: width, perStep: 12) }
}

/// `hba1c-trajectory`: HbA1c over the visits, mean ± SEM by arm.
struct HbA1cTrajectoryFigure: SingleParameterTrajectory {
    static let name = FigureName.hba1cTrajectory
    static let parameter = "HBA1C"
    let results: Results
    let plan: AnalysisPlan
}

/// `insulin-dose-trajectory`: the daily insulin dose over the visits, mean ± SEM by arm.
struct InsulinDoseTrajectoryFigure: SingleParameterTrajectory {
    static let name = FigureName.insulinDoseTrajectory
    static let parameter = "INSDOSE"
    let results: Results
    let plan: AnalysisPlan
}
