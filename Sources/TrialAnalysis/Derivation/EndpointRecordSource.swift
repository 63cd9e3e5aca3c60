import TrialData

/// Where the analyses of modelled and responder endpoints find an endpoint's records: the BDS
/// datasets of a CDISC ADaM study, or the seed study's measurement grid read as one (a record per
/// participant and visit with a value, the baseline visit's as baseline, no BASE, CHG or record
/// flags; visits labelled "Baseline", "Month 3"), with the parameters derived from it by expressions
/// evaluated visit by visit — no copy of the grid.
enum EndpointRecordSource: Sendable {
    case datasets([BDSTable], participantCount: Int)
    case grid(MeasurementGrid, parameters: [ParameterDefinition], derived: [DerivedParameter])

    /// The BDS datasets of `data`.
    init(_ data: StudyData) {
        self = .datasets(data.bdsTables, participantCount: data.participants.count)
    }

    /// The records of `endpoint` at `visit` (by default the endpoint's visit); with `observedOnly` (by
    /// default the endpoint's), derived records (DTYPE) are left out.
    /// - Complexity: O(records of the dataset + participants); for the grid, O(participants), times
    ///   the number of parameters of a derived parameter's expression.
    func records(_ endpoint: ModelEndpoint, visit: Double? = nil, observedOnly: Bool? = nil) -> EndpointRecords {
        let visit = visit ?? endpoint.visit
        switch self {
        case .datasets(let tables, let count):
            return EndpointRecords(endpoint, datasets: tables, participantCount: count, visit: visit, observedOnly: observedOnly)
        case .grid(let grid, let parameters, let derived):
            let visitIndex = grid.visits.firstIndex(of: visit)
            let visitLabel = visitIndex.map { $0 == grid.baselineVisit ? "Baseline" : "Month " + PlanNumber.text(visit) } ?? ""
            let missing = [Double](repeating: .nan, count: grid.participantCount)
            if let parameter = parameters.firstIndex(where: { $0.code == endpoint.parameter }) {
                guard let visitIndex else {
                    return missing.withUnsafeBufferPointer {
                        EndpointRecords(endpoint, values: $0, baselines: $0, parameterLabel: parameters[parameter].label, visitLabel: "")
                    }
                }
                return grid.withValues(parameter: parameter, visit: visitIndex) { values, baselines in
                    EndpointRecords(endpoint, values: values, baselines: baselines, parameterLabel: parameters[parameter].label,
                                    visitLabel: visitLabel)
                }
            }
            guard let parameter = derived.first(where: { $0.code == endpoint.parameter }),
                  case .expression(let expression) = parameter.derivation else {
                return missing.withUnsafeBufferPointer { EndpointRecords(endpoint, values: $0, baselines: $0, parameterLabel: "", visitLabel: "") }
            }
            let codes = parameters.map(\.code)
            let values = visitIndex.map { grid.values(of: expression, codes: codes, visit: $0) } ?? missing
            let baselines = grid.values(of: expression, codes: codes, visit: grid.baselineVisit)
            return values.withUnsafeBufferPointer { values in
                baselines.withUnsafeBufferPointer { baselines in
                    EndpointRecords(endpoint, values: values, baselines: baselines, parameterLabel: parameter.label, visitLabel: visitLabel)
                }
            }
        }
    }

    /// The visits (ascending, with their labels) at which `endpoint`'s parameter has a record the
    /// endpoint's record flag selects (in the grid: a value to analyse).
    /// - Complexity: O(records of the dataset); for the grid, O(visits × participants).
    func visits(of endpoint: ModelEndpoint) -> [(number: Double, label: String)] {
        switch self {
        case .datasets(let tables, _):
            guard let table = tables.first(where: { $0.parameterCodes.index(of: endpoint.parameter) != nil }),
                  let parameter = table.parameterCodes.index(of: endpoint.parameter).map(Int32.init) else { return [] }
            let flag = endpoint.recordFlag.flatMap { table.analysisFlags[$0] }
            var numbers: Set<Double> = []
            for row in 0..<table.count
            where table.parameter[row] == parameter && (flag?[row] ?? true) && !table.visitNumber[row].isNaN {
                numbers.insert(table.visitNumber[row])
            }
            return table.visits.filter { numbers.contains($0.number) }
        case .grid(let grid, _, _):
            return grid.visits.compactMap { visit in
                let records = records(endpoint, visit: visit)
                return (0..<grid.participantCount).contains { !records.response(of: $0).isNaN } ? (visit, records.visitLabel) : nil
            }
        }
    }
}

extension MeasurementGrid {
    /// `expression` of the grid's parameters (`codes`, the plan's parameter codes in grid order) at
    /// `visit` for every participant: NaN where a parameter is missing or the expression is not finite
    /// (a division by zero), as `ParameterDerivation` computes it.
    /// - Complexity: O(participants × parameters of the expression).
    func values(of expression: ParameterExpression, codes: [String], visit: Int) -> [Double] {
        let missing = [Double](repeating: .nan, count: participantCount)
        return expression.evaluate(count: participantCount) { code in
            codes.firstIndex(of: code).map { index in withValues(parameter: index, visit: visit) { values, _ in Array(values) } } ?? missing
        }.map { $0.isFinite ? $0 : .nan }
    }

    /// The participant-visits where `expression` has a value (`records`), and those with a value of
    /// some source parameter but none of the expression (`skipped`: a missing value or a division by
    /// zero), as `ParameterDerivation` counts them.
    /// - Complexity: O(visits × participants × parameters of the expression).
    func derivationCounts(of expression: ParameterExpression, codes: [String]) -> (records: Int, skipped: Int) {
        let sources = expression.parameters.compactMap { codes.firstIndex(of: $0) }
        var counts = (records: 0, skipped: 0)
        for visit in visits.indices {
            let values = values(of: expression, codes: codes, visit: visit)
            for participant in 0..<participantCount {
                if !values[participant].isNaN {
                    counts.records += 1
                } else if sources.contains(where: { !value(parameter: $0, visit: visit, participant: participant).isNaN }) {
                    counts.skipped += 1
                }
            }
        }
        return counts
    }
}
