import Plot
import TrialAnalysis

/// `subgroup-forest`: for each endpoint with subgroup results (ANCOVA, then responder endpoints),
/// one panel: a row per subgroup with its treatment × subgroup interaction p, under it a row per
/// level with the participants of each arm and each arm's effect against the reference with its
/// 95% CI (the arms dodged within the row, in the plan's styles).
struct SubgroupForestFigure: TrialFigureBuilder {
    static let name = FigureName.subgroupForest
    static let defaultWidth = FigureWidth.double
    /// Row labels, the plot and the text columns need more than one column.
    static let narrowestWidth = FigureWidth.onehalf

    /// One panel's content, whatever the endpoint's kind.
    struct Endpoint {
        struct Level {
            var label: String
            /// Each arm's count in the level, as shown ("46" or "5/46").
            var counts: [String]
            /// Each arm other than the reference: estimate and 95% CI on the axis's scale.
            var effects: [(arm: String, estimate: Double?, lower: Double?, upper: Double?)]
        }
        struct Subgroup {
            var name: String
            var interaction: Double?
            var levels: [Level]
        }
        var name: String
        var axis: String
        /// The decimals of the shown effects.
        var decimals: Int
        var subgroups: [Subgroup]
        var population: String
        var test: String
    }

    let plan: AnalysisPlan
    /// The panels drawn: the endpoints, in order, whose rows fit on a page of the report.
    let endpoints: [Endpoint]
    /// The names of the endpoints left out for lack of room (their subgroup tables hold them).
    let leftOut: [String]

    /// The figure of `results`, or `nil` when no endpoint has subgroup results.
    init?(results: Results, plan: AnalysisPlan) {
        let models = results.modelEndpoints.compactMap { endpoint in endpoint.subgroups.map { Self.endpoint(endpoint, $0) } }
        let responders = results.responderEndpoints.compactMap { endpoint in endpoint.subgroups.map { Self.endpoint(endpoint, $0) } }
        let endpoints = (models + responders).filter { !$0.subgroups.isEmpty }
        guard !endpoints.isEmpty else { return nil }
        self.plan = plan
        var shown = [endpoints[0]]
        for endpoint in endpoints.dropFirst() {
            guard Self.naturalHeight(shown + [endpoint], width: Self.defaultWidth) <= TrialFigure.maximumHeight else { break }
            shown.append(endpoint)
        }
        self.endpoints = shown
        leftOut = endpoints.dropFirst(shown.count).map(\.name)
    }

    private static func endpoint(_ endpoint: ModelEndpointResult, _ subgroups: [ModelSubgroupResult]) -> Endpoint {
        let reference = endpoint.differences.first?.reference ?? ""
        return Endpoint(
            name: endpoint.name, axis: "Difference in LS means from \(reference) (95% CI)", decimals: 2,
            subgroups: subgroups.map { subgroup in
                Endpoint.Subgroup(name: subgroup.subgroup, interaction: subgroup.interaction?.pValue, levels: subgroup.levels.map { level in
                    Endpoint.Level(label: level.level, counts: level.byArm.map { Display.integer($0.n) }, effects: level.differences.map {
                        ($0.arm, $0.difference?.estimate, $0.difference?.ciLower, $0.difference?.ciUpper)
                    })
                })
            },
            population: endpoint.population(), test: "F test of the arm × subgroup term in \(endpoint.model) + subgroup + arm:subgroup")
    }

    private static func endpoint(_ endpoint: ResponderEndpointResult, _ subgroups: [ResponderSubgroupResult]) -> Endpoint {
        let reference = endpoint.comparisons.reference
        let percent = { (value: Double?) in value.map { $0 * 100 } }
        return Endpoint(
            name: endpoint.name, axis: "Difference in responders from \(reference), percentage points (95% CI)", decimals: 1,
            subgroups: subgroups.map { subgroup in
                Endpoint.Subgroup(name: subgroup.subgroup, interaction: subgroup.interaction?.pValue, levels: subgroup.levels.map { level in
                    Endpoint.Level(label: level.level, counts: level.byArm.map { "\(Display.integer($0.responders))/\(Display.integer($0.n))" },
                                   effects: level.differences.map {
                        ($0.arm, percent($0.difference?.estimate), percent($0.difference?.ciLower), percent($0.difference?.ciUpper))
                    })
                })
            },
            population: endpoint.population(),
            test: "likelihood-ratio test of the arm × subgroup term of a logistic regression")
    }

    func drawable(width: FigureWidth) -> any Drawable {
        let compared = Set(endpoints.flatMap { $0.subgroups.flatMap { $0.levels.flatMap { $0.effects.map(\.arm) } } })
        return Figure(columns: 1, legend: compared.count > 1 ? .bottom : .none, note: RichText(note),
                      seriesOrder: plan.armOrder.filter(compared.contains), seriesStyles: plan.armStyles) {
            for endpoint in endpoints { panel(endpoint) }
        }
    }

    /// The rows of a panel: each subgroup's name, then its levels (a label repeated elsewhere in
    /// the panel gets its subgroup's name added, so that every row is its own).
    private static func rows(_ endpoint: Endpoint) -> [(label: String, subgroup: Endpoint.Subgroup, level: Endpoint.Level?)] {
        var used: Set<String> = []
        var rows: [(label: String, subgroup: Endpoint.Subgroup, level: Endpoint.Level?)] = []
        for subgroup in endpoint.subgroups {
            let title = used.insert(subgroup.name).inserted ? subgroup.name : "\(subgroup.name) (subgroup)"
            rows.append((title, subgroup, nil))
            for level in subgroup.levels {
                var label = "\u{2003}" + level.label
                if !used.insert(label).inserted { label += " (\(subgroup.name))" }
                used.insert(label)
                rows.append((label, subgroup, level))
            }
        }
        return rows
    }

    private func panel(_ endpoint: Endpoint) -> Panel {
        let rows = Self.rows(endpoint)
        let arms = rows.compactMap(\.level).first?.effects.map(\.arm) ?? []
        var counts: [String: RichText] = [:]
        var effects = [[String: RichText]](repeating: [:], count: arms.count)
        var pValues: [String: RichText] = [:]
        for row in rows {
            guard let level = row.level else {
                pValues[row.label] = RichText(Display.pValue(row.subgroup.interaction))
                continue
            }
            counts[row.label] = RichText(level.counts.joined(separator: " / "))
            for (index, effect) in level.effects.enumerated() where index < arms.count {
                effects[index][row.label] = RichText(Display.estimateWithInterval(effect.estimate, lower: effect.lower, upper: effect.upper,
                                                                                  decimals: endpoint.decimals))
            }
        }
        let columns = [TextColumn(title: "n", cells: counts)]
            + arms.enumerated().map { TextColumn(title: RichText(arms.count > 1 ? $1 : "Effect (95% CI)"), cells: effects[$0]) }
            + [TextColumn(title: "Interaction p", cells: pValues, alignment: .trailing)]
        return Panel(title: endpoints.count > 1 ? RichText(endpoint.name) : nil,
                     x: .linear(RichText(endpoint.axis)), y: .categorical(rows.map(\.label)), textColumns: columns) {
            RowGuides(labels: rows.filter { $0.level != nil }.map(\.label))
            RuleMark(x: 0)
            for row in rows {
                for effect in row.level?.effects ?? [] {
                    if let lower = effect.lower, let upper = effect.upper {
                        ErrorBarMark(at: .category(row.label), lower: lower, upper: upper, orientation: .horizontal,
                                     series: effect.arm, capWidth: 0)
                    }
                    if let estimate = effect.estimate {
                        PointMark(x: .value(estimate), y: .category(row.label), series: effect.arm)
                    }
                }
            }
        }
    }

    /// What each panel shows, its set and its interaction test, from the results.
    private var note: String {
        let sentences = endpoints.map { endpoint in
            (endpoints.count > 1 ? "\(endpoint.name): " : "") + "\(endpoint.population); interaction p: \(endpoint.test)."
        }
        return "Effect of each arm against the reference within each subgroup level with 95% CI, not adjusted for "
            + "multiplicity; n: participants of each arm in the level (responders/participants for responder endpoints), "
            + "in the plan's order of the arms. " + sentences.joined(separator: " ")
            + (leftOut.isEmpty ? "" : " Not drawn for lack of room (see their subgroup tables): \(ReportContext.prose(leftOut)).")
    }

    /// 5 mm per row and 18 mm per panel, at most `TrialFigure.maximumHeight` (the rows then share it).
    func height(width: FigureWidth) -> Length {
        .millimetres(min(TrialFigure.maximumHeight, Self.naturalHeight(endpoints, width: width)))
    }

    /// The height in millimetres the panels of `endpoints` take at 5 mm per row and 18 mm per panel.
    private static func naturalHeight(_ endpoints: [Endpoint], width: FigureWidth) -> Double {
        let rows = endpoints.reduce(0) { $0 + Self.rows($1).count }
        let titles = endpoints.count > 1 ? Double(endpoints.count) * 8 : 0
        return 30 + 18 * Double(endpoints.count) + titles + 5 * Double(rows) + (width == .onehalf ? 8 : 0)
    }
}

extension ResponderEndpointResult {
    /// "the Efficacy set (N = 234)": the endpoint's set and the participants analysed, `space`
    /// around "=" (a no-break space in figures).
    func population(space: String = FigureText.space) -> String {
        let count = "N\(space)=\(space)\(Display.integer(byArm.reduce(0) { $0 + $1.n }))"
        return set.map { "the \($0) set (\(count))" } ?? "all participants (\(count))"
    }
}
