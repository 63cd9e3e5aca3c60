import TrialAnalysis

extension ReportTables {
    /// The name of an ANCOVA endpoint's subgroup table: "subgroups-ancova-1" for the plan's first.
    public static func modelSubgroupsName(index: Int) -> String {
        "subgroups-" + modelEndpointName(index: index)
    }

    /// The name of a responder endpoint's subgroup table: "subgroups-responders-1" for the plan's first.
    public static func responderSubgroupsName(index: Int) -> String {
        "subgroups-" + responderEndpointName(index: index)
    }

    /// The subgroup tables of the ANCOVA endpoints, then of the responder endpoints, each endpoint
    /// with subgroup results in the plan's order.
    public func subgroupTables() -> [ReportTable] {
        results.modelEndpoints.enumerated().compactMap { index, endpoint in
            endpoint.subgroups.map { modelSubgroups(endpoint, $0, name: Self.modelSubgroupsName(index: index)) }
        } + results.responderEndpoints.enumerated().compactMap { index, endpoint in
            endpoint.subgroups.map { responderSubgroups(endpoint, $0, name: Self.responderSubgroupsName(index: index)) }
        }
    }

    /// An ANCOVA endpoint by subgroup: per level the participants analysed in each arm and each
    /// arm's LS-mean difference from the reference (95% CI); the interaction p on the subgroup's row.
    func modelSubgroups(_ endpoint: ModelEndpointResult, _ subgroups: [ModelSubgroupResult], name: String) -> ReportTable {
        let reference = endpoint.differences.first?.reference ?? ""
        var table = subgroupTable(name: name, caption: endpoint.name, set: endpoint.set, counts: "n", arms: endpoint.byArm.map(\.arm),
                                  others: endpoint.differences.map(\.arm), effect: "difference (95% CI)")
        let decimals = 2
        let interactionNote = table.addFootnote("F test of the arm × subgroup term: the model with it against the model "
            + "without it (R's anova of the two lm fits).")
        table.groups = subgroups.map { subgroup in
            let title = subgroupRow(subgroup.subgroup, columns: endpoint.byArm.count + endpoint.differences.count,
                                    p: subgroup.interaction?.pValue, footnote: interactionNote)
            return ReportTable.RowGroup([title] + subgroup.levels.map { level in
                ReportTable.Row([.init(level.level, indentation: 1)] + level.byArm.map { .count($0.n) }
                    + level.differences.map { comparison in
                        let difference = comparison.difference
                        return .estimateWithInterval(difference?.estimate, lower: difference?.ciLower, upper: difference?.ciUpper,
                                                     decimals: decimals, name: "difference")
                    } + [.number("")])
            })
        }
        _ = table.addFootnote("Within each level: the difference of least-squares means from \(reference) with 95% CI in the "
            + "model \(endpoint.model) + subgroup + arm:subgroup, fitted to everyone analysed with a level (R's lm; emmeans "
            + "~ arm | subgroup, \(endpoint.weights) weights); not adjusted for multiplicity. n: participants analysed. "
            + "\(Display.missing): not estimable (an arm without participants in the level).")
        return table
    }

    /// A responder endpoint by subgroup: per level each arm's responders / participants and each
    /// arm's difference from the reference in percentage points (Newcombe 95% CI); the interaction p
    /// on the subgroup's row.
    func responderSubgroups(_ endpoint: ResponderEndpointResult, _ subgroups: [ResponderSubgroupResult], name: String) -> ReportTable {
        let reference = endpoint.comparisons.reference
        let others = endpoint.byArm.map(\.arm).filter { $0 != reference }
        var table = subgroupTable(name: name, caption: endpoint.name, set: endpoint.set, counts: "Responders/n",
                                  arms: endpoint.byArm.map(\.arm), others: others, effect: "pp (95% CI)")
        let interactionNote = table.addFootnote("Likelihood-ratio test of the arm × subgroup term of a logistic regression "
            + "by maximum likelihood (R's anova of the glm fits without and with it).")
        table.groups = subgroups.map { subgroup in
            let title = subgroupRow(subgroup.subgroup, columns: endpoint.byArm.count + others.count,
                                    p: subgroup.interaction?.pValue, footnote: interactionNote)
            return ReportTable.RowGroup([title] + subgroup.levels.map { level in
                ReportTable.Row([.init(level.level, indentation: 1)]
                    + level.byArm.map { .number("\(Display.integer($0.responders))/\(Display.integer($0.n))",
                                                statistics: [.count("n", $0.responders), .count("N", $0.n)]) }
                    + level.differences.map { comparison in
                        let difference = comparison.difference
                        return .percentagePointDifference(difference?.estimate, lower: difference?.ciLower, upper: difference?.ciUpper)
                    } + [.number("")])
            })
        }
        _ = table.addFootnote("Responders/participants of each arm in the level; the difference of rates from \(reference) in "
            + "percentage points with Newcombe's hybrid score 95% CI, not adjusted for multiplicity. \(Display.missing): an arm "
            + "without participants in the level.")
        return table
    }

    /// A table with the columns Subgroup, the `counts` of each arm, each other arm's effect, interaction p.
    private func subgroupTable(name: String, caption: String, set: String?, counts: String, arms: [String], others: [String],
                               effect: String) -> ReportTable {
        var table = ReportTable(
            name: name, caption: caption + " by subgroup" + (set.map { " (\($0) set)" } ?? ""),
            headerRows: [
                [.init("", alignment: .left), .init(counts, columnSpan: arms.count), .init("Effect against the reference", columnSpan: others.count),
                 .init("")],
                [.init("Subgroup", alignment: .left)] + arms.map { .init($0) } + others.map { .init("\($0), \(effect)") }
                    + [.init("Interaction p")],
            ])
        table.context.set = set
        return table
    }

    /// The subgroup's own row: its name in bold and the interaction p in the last column.
    private func subgroupRow(_ subgroup: String, columns: Int, p: Double?, footnote: String) -> ReportTable.Row {
        let empty = [ReportTable.Cell](repeating: .number(""), count: columns)
        return ReportTable.Row([ReportTable.Cell(subgroup, emphasis: .bold)] + empty + [.pValue(p, name: "p_interaction", footnotes: [footnote])])
    }
}
