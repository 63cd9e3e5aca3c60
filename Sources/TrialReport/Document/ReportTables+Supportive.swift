import TrialAnalysis

extension ReportTables {
    /// The name of a supportive ANCOVA's table: "supportive-ancova-1" for the first.
    public static func supportiveModelName(index: Int) -> String {
        "supportive-ancova-\(index + 1)"
    }

    /// The name of a supportive MMRM's table: "supportive-mmrm-1" for the first.
    public static func supportiveRepeatedMeasuresName(index: Int) -> String {
        "supportive-mmrm-\(index + 1)"
    }

    /// The name of the table of the supportive responder endpoints by visit.
    public static let supportiveRespondersName = "supportive-responders"

    /// The tables of the supportive analyses (none without them): each ANCOVA and MMRM as the
    /// modelled endpoints' tables show them, then the responder endpoints in one table by visit.
    public func supportiveTables() -> [ReportTable] {
        guard let supportive = results.supportiveAnalyses else { return [] }
        return supportive.modelEndpoints.enumerated().map { modelEndpoint($1, name: Self.supportiveModelName(index: $0)) }
            + supportive.repeatedMeasuresEndpoints.enumerated().map {
                repeatedMeasuresEndpoint($1, name: Self.supportiveRepeatedMeasuresName(index: $0))
            }
            + [respondersByVisit(supportive.responderEndpoints, derived: supportive.derivedParameters)].compactMap { $0 }
    }

    /// Responder endpoints of one parameter and rule at several visits (none: `nil`): per visit a
    /// group headed by the visit with the rows of `responderRows`; the footnotes give the rule,
    /// and the derivation of a derived parameter.
    func respondersByVisit(_ endpoints: [ResponderEndpointResult], derived: [DerivedParameterResult]) -> ReportTable? {
        guard let first = endpoints.first else { return nil }
        let parameter = first.parameterLabel.isEmpty ? first.parameter : first.parameterLabel
        let comparison = first.better == "lower" ? "≤" : "≥"
        var table = ReportTable(
            name: Self.supportiveRespondersName, caption: "\(parameter) \(comparison) \(Display.planValue(first.threshold)) by visit",
            headerRows: [[.init("", alignment: .left)] + first.byArm.map { .arm($0.arm, n: $0.n) }])
        table.context = ReportTable.Context(set: first.set, parameter: parameter)
        table.groups = endpoints.map { endpoint in
            let title = endpoint.visitLabel.isEmpty ? "AVISITN \(Display.planValue(endpoint.visit))" : endpoint.visitLabel
            let rows = Self.responderRows(endpoint, in: &table, indentation: 1)
            let context = ReportTable.Context(visit: title)
            return ReportTable.RowGroup(
                [ReportTable.Row([.init(title, emphasis: .bold)] + endpoint.byArm.map { _ in .init("") }, context: context)]
                    + rows.map { row in
                        var row = row
                        row.context = context
                        return row
                    })
        }
        for note in Self.responderNotes(first, armsLeftOut: armsLeftOut(first.byArm.map(\.arm)), visit: "the visit") {
            _ = table.addFootnote(note)
        }
        if let definition = derived.first(where: { $0.parameter == first.parameter }) {
            _ = table.addFootnote("\(definition.label) (\(definition.parameter)) = \(definition.expression) at the same visit: "
                + "\(Display.integer(definition.records)) participant-visits, \(Display.integer(definition.missing)) without a value "
                + "(a parameter without a value at the visit).")
        }
        return table
    }
}
