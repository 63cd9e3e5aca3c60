import TrialAnalysis

extension ReportTables {
    /// The table of an endpoint at one visit before its rows: the endpoint's name and set as the
    /// caption, a column per arm with its N, and the set, parameter and visit as its context.
    static func endpointTable(_ endpoint: some EndpointAtVisit, name: String, arms: [(arm: String, n: Int)]) -> ReportTable {
        let set = endpoint.set.map { " (\($0) set)" } ?? ""
        var table = ReportTable(
            name: name, caption: endpoint.name + set,
            headerRows: [[.init("", alignment: .left)] + arms.map { .arm($0.arm, n: $0.n) }])
        table.context = ReportTable.Context(set: endpoint.set, parameter: endpoint.parameterLabel.isEmpty ? endpoint.parameter : endpoint.parameterLabel,
                                            visit: endpoint.visitLabel.isEmpty ? Display.planValue(endpoint.visit) : endpoint.visitLabel)
        return table
    }
}
