import Plot
import TrialAnalysis

/// `endpoint-forest`: for each modelled endpoint, each arm's least-squares mean difference from the
/// reference arm with its 95% CI (on the log scale, `logOffset`, the ratio of geometric means on a
/// log axis), the numbers in text columns; one panel per endpoint, the model and the set in the caption.
struct EndpointForestFigure: TrialFigureBuilder {
    static let name = FigureName.endpointForest
    static let defaultWidth = FigureWidth.double
    /// Row labels, the plot and two text columns need more than one column.
    static let narrowestWidth = FigureWidth.onehalf
    /// The decimals of the differences, as the report's tables of modelled endpoints show them.
    static let decimals = 2

    let results: Results
    let plan: AnalysisPlan
    /// The endpoints drawn: those with an estimated difference.
    let endpoints: [ModelEndpointResult]

    /// The figure of `results`, or `nil` when no modelled endpoint has an estimated difference.
    init?(results: Results, plan: AnalysisPlan) {
        let endpoints = results.modelEndpoints.filter { $0.differences.contains { $0.difference?.estimate != nil } }
        guard !endpoints.isEmpty else { return nil }
        self.results = results
        self.plan = plan
        self.endpoints = endpoints
    }

    func drawable(width: FigureWidth) -> any Drawable {
        Figure(columns: 1, legend: .none, note: RichText(note), seriesOrder: plan.armOrder, seriesStyles: plan.armStyles) {
            for endpoint in endpoints { panel(endpoint) }
        }
    }

    /// One panel: a row per arm other than the reference, its difference (or ratio) and CI, the numbers beside it.
    private func panel(_ endpoint: ModelEndpointResult) -> Panel {
        let rows = endpoint.differences
        let reference = rows.first?.reference ?? ""
        // (estimate, lower, upper) of each row: the difference, or on the log scale the ratio.
        let shown = rows.map { row in
            endpoint.logOffset == nil
                ? (row.difference?.estimate, row.difference?.ciLower, row.difference?.ciUpper)
                : (row.ratio?.estimate, row.ratio?.ciLower, row.ratio?.ciUpper)
        }
        var estimates: [String: RichText] = [:]
        var pValues: [String: RichText] = [:]
        for (row, value) in zip(rows, shown) {
            estimates[row.arm] = RichText(Display.estimateWithInterval(value.0, lower: value.1, upper: value.2, decimals: Self.decimals))
            pValues[row.arm] = RichText(Display.pValue(row.difference?.pValue))
        }
        let axis: Scale, column: String
        if let offset = endpoint.logOffset {
            axis = RemissionForestFigure.ratioAxis(
                RichText("Ratio of geometric means of value + \(Display.planValue(offset)) to \(reference) (95% CI), log scale"),
                values: shown.flatMap { [$0.0, $0.1, $0.2].compactMap { $0 } })
            column = "Ratio (95% CI)"
        } else {
            axis = .linear(RichText("Difference in LS means from \(reference) (95% CI)"))
            column = "Difference (95% CI)"
        }
        return Panel(title: endpoints.count > 1 ? RichText(endpoint.name) : nil, x: axis, y: .categorical(rows.map(\.arm)),
                     textColumns: [TextColumn(title: RichText(column), cells: estimates),
                                   TextColumn(title: "p", cells: pValues, alignment: .trailing)]) {
            RuleMark(x: endpoint.logOffset == nil ? 0 : 1)
            for (row, value) in zip(rows, shown) {
                if let lower = value.1, let upper = value.2 {
                    ErrorBarMark(at: .category(row.arm), lower: lower, upper: upper, orientation: .horizontal, series: row.arm, capWidth: 0)
                }
                if let estimate = value.0 {
                    PointMark(x: .value(estimate), y: .category(row.arm), series: row.arm)
                }
            }
        }
    }

    /// The model, the set, who was analysed and the test across the arms, per endpoint.
    private var note: String {
        let sentences = endpoints.map { endpoint in
            let prefix = endpoints.count > 1 ? "\(endpoint.name): " : ""
            let analysed = endpoint.byArm.map { "\($0.arm) \(Display.integer($0.descriptives.n))" }.joined(separator: ", ")
            var sentence = prefix + "analysis of covariance \(endpoint.model) of \(endpoint.measurePhrase) of \(endpoint.parameterPhrase) at "
                + (endpoint.visitLabel.isEmpty ? "AVISITN \(Display.planValue(endpoint.visit))" : endpoint.visitLabel)
                + " in \(endpoint.population()), LS means with \(endpoint.weights) weights; analysed: \(analysed)."
            if let test = endpoint.armTest {
                sentence += " Across the arms: F\(FigureText.space)=\(FigureText.space)\(Display.number(test.f, decimals: 2)) "
                    + "on \(test.df) and \(test.residualDf) df, \(FigureText.pValue(test.pValue))."
            }
            return sentence
        }
        let text = sentences.joined(separator: " ")
        let ratios = endpoints.contains { $0.logOffset != nil }
            ? " On the log scale, the ratio of the geometric means, exp(difference), with its 95% CI." : ""
        return "Least-squares mean difference from the reference arm with 95% CI, not adjusted for multiplicity.\(ratios) "
            + (endpoints.count > 1 ? text : text.prefix(1).uppercased() + text.dropFirst())
    }

    func height(width: FigureWidth) -> Length {
        let rows = endpoints.reduce(0) { $0 + $1.differences.count }
        let titles = endpoints.count > 1 ? Double(endpoints.count) * 8 : 0
        return .millimetres(36 + 18 * Double(endpoints.count) + titles + 8 * Double(rows) + (width == .onehalf ? 8 : 0))
    }
}
