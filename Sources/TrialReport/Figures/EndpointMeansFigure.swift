import Plot
import TrialAnalysis

/// `endpoint-means`: for each modelled endpoint, the mean with its 95% CI of the value it models
/// (value, change or percent change) at each visit by arm, dodged, the visits labelled from AVISIT;
/// one panel per endpoint titled with its parameter (PARAM), the arms in the plan's order in the legend.
struct EndpointMeansFigure: TrialFigureBuilder {
    static let name = FigureName.endpointMeans
    /// Three or more arm names fit the legend of 1.5 columns.
    static let defaultWidth = FigureWidth.onehalf

    let results: Results
    let plan: AnalysisPlan
    /// The endpoints drawn: those with a mean at some visit.
    let endpoints: [ModelEndpointResult]

    /// The figure of `results`, or `nil` when no modelled endpoint has a mean at any visit.
    init?(results: Results, plan: AnalysisPlan) {
        let endpoints = results.modelEndpoints.filter { !$0.shownVisits.isEmpty }
        guard !endpoints.isEmpty else { return nil }
        self.results = results
        self.plan = plan
        self.endpoints = endpoints
    }

    private func columns(width: FigureWidth) -> Int { endpoints.count > 1 && width == .double ? 2 : 1 }

    func drawable(width: FigureWidth) -> any Drawable {
        Figure(columns: columns(width: width), legend: .top, note: RichText(note),
               seriesOrder: plan.armOrder, seriesStyles: plan.armStyles) {
            for endpoint in endpoints { panel(endpoint) }
        }
    }

    private func panel(_ endpoint: ModelEndpointResult) -> Panel {
        let visits = endpoint.shownVisits
        return Panel(title: RichText(endpoint.parameterLabel.isEmpty ? endpoint.parameter : endpoint.parameterLabel),
                     x: .categorical(visits.map(\.label), title: "Visit"), y: .linear(RichText(endpoint.measureTitle))) {
            if endpoint.measure != ModelEndpoint.Measure.value.rawValue { RuleMark(y: 0) }
            for arm in plan.armOrder {
                let means = visits.compactMap { visit in visit.byArm.first { $0.arm == arm }.map { (label: visit.label, mean: $0) } }
                // A visit without a mean breaks the line.
                LineMark(points: means.map { (.category($0.label), .value($0.mean.mean ?? .nan)) }, series: arm)
                for point in means {
                    if let lower = point.mean.ciLower, let upper = point.mean.ciUpper {
                        ErrorBarMark(at: .category(point.label), lower: lower, upper: upper, series: arm)
                    }
                    if let mean = point.mean.mean {
                        PointMark(x: .category(point.label), y: .value(mean), series: arm)
                    }
                }
            }
        }
    }

    /// What the symbols are, on whom, and how many participants each mean has, per endpoint.
    private var note: String {
        let sentences = endpoints.map { endpoint in
            let counts = endpoint.shownVisits.flatMap(\.byArm).map(\.n).filter { $0 > 0 }
            let range = counts.min() == counts.max() ? Display.integer(counts.min())
                : "\(Display.integer(counts.min())) to \(Display.integer(counts.max()))"
            let prefix = endpoints.count > 1 ? "\(endpoint.name): t" : "T"
            return prefix + "\(endpoint.measurePhrase.dropFirst()) of \(endpoint.parameterPhrase) in \(endpoint.population()), "
                + "n\(FigureText.space)=\(FigureText.space)\(range) per arm and visit"
                + (endpoint.recordFlag.map { "; records with \($0) = Y" } ?? "") + "."
        }
        return "Mean with 95% CI (t distribution) by visit and arm. " + sentences.joined(separator: " ")
    }

    func height(width: FigureWidth) -> Length {
        let rows = Double((endpoints.count + columns(width: width) - 1) / columns(width: width))
        return .millimetres(34 + 58 * rows + (width == .single ? 14 : 0))
    }
}

/// A visit of a modelled endpoint as the figures show it: its label and the arms' means.
struct ShownVisit {
    /// AVISIT, else "Visit" and AVISITN.
    var label: String
    /// Each arm's mean.
    var byArm: [VisitMean]
}

extension ModelEndpointResult {
    /// The visits at which some arm has a mean, labelled (AVISIT, else "Visit 8").
    var shownVisits: [ShownVisit] {
        byVisit.filter { $0.byArm.contains { $0.mean != nil } }.map { visit in
            ShownVisit(label: visit.visitLabel.isEmpty ? "Visit \(Display.planValue(visit.visit))" : visit.visitLabel, byArm: visit.byArm)
        }
    }

    /// "Change from baseline", "Percent change from baseline", "Value" or, on the log scale,
    /// "Log(value + 1)".
    var measureName: String {
        switch ModelEndpoint.Measure(rawValue: measure) {
        case .change: "Change from baseline"
        case .percentChange: "Percent change from baseline"
        case .value, nil: logOffset.map { "Log(value + \(Display.planValue($0)))" } ?? "Value"
        }
    }

    /// The y axis title: `measureName`, with "(%)" for the percent change.
    var measureTitle: String {
        ModelEndpoint.Measure(rawValue: measure) == .percentChange ? measureName + " (%)" : measureName
    }

    /// "the change from baseline", "the percent change from baseline", "the value" or "the log(value + 1)".
    var measurePhrase: String { "the " + measureName.prefix(1).lowercased() + measureName.dropFirst() }

    /// "Adas-Cog(11) Subscore (ACTOT)", or the code alone without PARAM.
    var parameterPhrase: String { parameterLabel.isEmpty ? parameter : "\(parameterLabel) (\(parameter))" }

    /// "the Efficacy set (N = 234)" or "all participants (N = 254)": the endpoint's set and its size,
    /// `space` around "=" (a no-break space in figures).
    func population(space: String = FigureText.space) -> String {
        let total = byArm.reduce(0) { $0 + $1.n }
        let count = "N\(space)=\(space)\(Display.integer(total))"
        return set.map { "the \($0) set (\(count))" } ?? "all participants (\(count))"
    }
}
