import Foundation
import Plot
import TrialAnalysis

/// `remission-forest`: the odds ratios of the logistic model of remission with their 95 % CIs on a
/// log axis, the numbers in a text column ("OR (95% CI)", p), the method in the caption; the
/// univariable models in a second panel when the results hold them.
struct RemissionForestFigure: TrialFigureBuilder {
    static let name = FigureName.remissionForest
    static let defaultWidth = FigureWidth.double
    /// Row labels, the plot and two text columns need more than one column: a single-column request
    /// is drawn 1.5 columns wide.
    static let narrowestWidth = FigureWidth.onehalf

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

    /// A row of the plot: the covariate as a reader names it, its odds ratio as shown and its p-value.
    private typealias Row = (label: String, oddsRatio: ShownOddsRatio, pValue: Double?)

    private var multivariable: [Row] {
        seed.logistic.terms.filter { $0.term != "(Intercept)" }.map(row)
    }

    private var univariable: [Row] {
        seed.logistic.univariable.map { row($0.term) }
    }

    private func row(_ term: LogisticTerm) -> Row {
        let shown = ShownOddsRatio(term)
        return (ReportLabels(plan: plan).covariate(term.term, per: shown.per), shown, term.pValue)
    }

    func drawable(width: FigureWidth) -> any Drawable {
        // Short titles: a long one would reach over the text columns' headings in narrow figures.
        let multivariableTitle = "Multivariable model"
        let showsUnivariable = !univariable.isEmpty
        let decimals = Self.decimals(for: (multivariable + univariable).map(\.oddsRatio))
        let axis = Self.axis(for: (multivariable + univariable).map(\.oddsRatio))
        return Figure(columns: 1, sharesX: true, legend: .none, note: RichText(note)) {
            panel(title: showsUnivariable ? multivariableTitle : nil, rows: multivariable, decimals: decimals, axis: axis)
            if showsUnivariable {
                panel(title: "Univariable models", rows: univariable, decimals: decimals, axis: axis)
            }
        }
    }

    /// One panel of rows: a point and CI per estimable odds ratio, the numbers beside it.
    private func panel(title: String?, rows: [Row], decimals: Int, axis: Scale) -> Panel {
        let labels = rows.map(\.label)
        var estimates: [String: RichText] = [:]
        var pValues: [String: RichText] = [:]
        for row in rows {
            let shown = row.oddsRatio
            estimates[row.label] = RichText(shown.text(decimals: decimals))
            pValues[row.label] = RichText(Display.pValue(row.pValue))
        }
        return Panel(title: title.map { RichText($0) }, x: axis, y: .categorical(labels),
                     textColumns: [TextColumn(title: "OR (95% CI)", cells: estimates),
                                   TextColumn(title: "p", cells: pValues, alignment: .trailing)]) {
            RuleMark(x: 1, dashed: true)
            for row in rows {
                if let lower = row.oddsRatio.ciLower, let upper = row.oddsRatio.ciUpper, lower > 0 {
                    ErrorBarMark(at: .category(row.label), lower: lower, upper: upper, orientation: .horizontal, capWidth: 0)
                }
                if let oddsRatio = row.oddsRatio.oddsRatio, oddsRatio > 0 {
                    PointMark(x: .value(oddsRatio), y: .category(row.label), shape: .square)
                }
            }
        }
    }

    /// The log axis of the odds ratios (`ratioAxis`).
    static func axis(for terms: [ShownOddsRatio]) -> Scale {
        ratioAxis("Odds ratio (95% CI), log scale", values: terms.flatMap { [$0.ciLower, $0.oddsRatio, $0.ciUpper].compactMap { $0 } })
    }

    /// A log axis of ratios titled `title` over `values`: 1 always shown; when the data span less than
    /// a decade (and more than a factor 1.5) the ticks also use 1.5, 3 and 7 per decade, so that at
    /// least three are labelled; a narrower span (a ratio of geometric means near 1) is ticked every
    /// 0.01, 0.02, 0.05, 0.1 or 0.2, the finest step that gives at most six ticks.
    static func ratioAxis(_ title: RichText, values: [Double]) -> Scale {
        let values = values.filter { $0 > 0 } + [1]
        // Wide spans suit the 1-2-5 ticks; a single value (nothing estimable) gets the automatic range.
        guard let low = values.min(), let high = values.max(), high / low < 10, high / low > 1.001 else { return .log(title) }
        let pad = pow(high / low, 0.05)
        let limits = (low / pad)...(high * pad)
        if high / low <= 1.5 {
            for step in [0.01, 0.02, 0.05, 0.1, 0.2] {
                let first = Int(ceil(limits.lowerBound / step)), last = Int(floor(limits.upperBound / step))
                if last - first < 6 {
                    return .log(title, limits: limits, ticks: (first...last).map { NumberText.rounded(Double($0) * step, decimals: 2) })
                }
            }
        }
        let decades = Int(floor(log10(limits.lowerBound)))...Int(ceil(log10(limits.upperBound)))
        let ticks = decades.flatMap { decade in
            [1, 1.5, 2, 3, 5, 7].map { NumberText.rounded($0 * pow(10, Double(decade)), decimals: max(0, 1 - decade)) }
        }.filter { limits.contains($0) }
        return .log(title, limits: limits, ticks: ticks)
    }

    /// The decimals of every odds ratio in the figure: two, or up to four when fewer would show an
    /// estimate equal to a CI limit or a CI limit different from 1 as 1 (odds ratios per unit of a
    /// covariate with a wide range, such as 0.988 per pmol/L).
    static func decimals(for terms: [ShownOddsRatio]) -> Int {
        func readable(_ decimals: Int) -> Bool {
            terms.allSatisfy { term in
                let shown = [term.ciLower, term.oddsRatio, term.ciUpper].compactMap { $0 }.map { Display.number($0, decimals: decimals) }
                let one = Display.number(1, decimals: decimals)
                let limitsAwayFromOne = [term.ciLower, term.ciUpper].compactMap { $0 }.filter { $0 != 1 }
                return Set(shown).count == shown.count
                    && limitsAwayFromOne.allSatisfy { Display.number($0, decimals: decimals) != one }
            }
        }
        return (2...4).first(where: readable) ?? 4
    }

    /// The caption: how each model was fitted and why, on whom, what each odds ratio is for, and
    /// what "not established" means when a limit is.
    private var note: String {
        let logistic = seed.logistic
        let population = switch logistic.population {
        case .treatment: "participants of the \(plan.arms.treatment) arm"
        case .all: "all participants"
        }
        return LogisticMethodWords(logistic: logistic, labels: ReportLabels(plan: plan)).captionSentences
            + " Models of remission in \(population) with complete covariates "
            + "(multivariable: \(FigureText.count(logistic.n)), \(Display.integer(logistic.events)) in remission). "
            + "Each odds ratio is for the change of its covariate named beside it."
            + ((multivariable + univariable).contains { $0.oddsRatio.hasLimitNotEstablished } ? " " + ShownOddsRatio.notEstablishedNote : "")
    }

    func height(width: FigureWidth) -> Length {
        let rows = multivariable.count + univariable.count
        let panels = univariable.isEmpty ? 1.0 : 2.0
        return .millimetres(30 + 12 * panels + 7 * Double(max(rows, 1)) + (width == .single ? 12 : 0))
    }
}
