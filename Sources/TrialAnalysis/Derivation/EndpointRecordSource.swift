import TrialData

/// Where the analyses of modelled and responder endpoints find an endpoint's records: the BDS
/// datasets of a CDISC ADaM study, or the seed study's measurement grid read as one (a record per
/// participant and visit with a value, the baseline visit's as baseline, no BASE, CHG or record
/// flags; visits labelled "Baseline", "Month 3"), with the parameters derived from it by expressions
/// (`DerivedGridParameter`) — no copy of the grid.
enum EndpointRecordSource: Sendable {
    case datasets([BDSTable], participantCount: Int)
    case grid(MeasurementGrid, parameters: [ParameterDefinition], derived: [DerivedGridParameter])

    /// The BDS datasets of `data`.
    init(_ data: StudyData) {
        self = .datasets(data.bdsTables, participantCount: data.participants.count)
    }

    /// The records of `endpoint` at `visit` (by default the endpoint's visit); with `observedOnly` (by
    /// default the endpoint's), derived records (DTYPE) are left out.
    /// - Complexity: O(records of the dataset + participants); for the grid, O(participants).
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
                // A visit the grid does not have: no value, the baselines as at any visit (as the derived parameters').
                return grid.withValues(parameter: parameter, visit: visitIndex ?? grid.baselineVisit) { values, baselines in
                    missing.withUnsafeBufferPointer { none in
                        EndpointRecords(endpoint, values: visitIndex == nil ? none : values, baselines: baselines,
                                        parameterLabel: parameters[parameter].label, visitLabel: visitLabel)
                    }
                }
            }
            guard let parameter = derived.first(where: { $0.parameter.code == endpoint.parameter }) else {
                return missing.withUnsafeBufferPointer { EndpointRecords(endpoint, values: $0, baselines: $0, parameterLabel: "", visitLabel: "") }
            }
            let values = visitIndex.map { parameter.values[$0] } ?? missing
            return values.withUnsafeBufferPointer { values in
                parameter.values[grid.baselineVisit].withUnsafeBufferPointer { baselines in
                    EndpointRecords(endpoint, values: values, baselines: baselines, parameterLabel: parameter.parameter.label,
                                    visitLabel: visitLabel)
                }
            }
        }
    }

    /// The records of `endpoint` at each of `visits` (see `records(_:visit:observedOnly:)`); from one
    /// pass over the dataset.
    /// - Complexity: O(records of the dataset · visits + participants · visits); for the grid,
    ///   O(participants · visits).
    func records(_ endpoint: ModelEndpoint, visits: [Double], observedOnly: Bool? = nil) -> [EndpointRecords] {
        switch self {
        case .datasets(let tables, let count):
            EndpointRecords.atVisits(endpoint, datasets: tables, participantCount: count, visits: visits, observedOnly: observedOnly)
        case .grid:
            visits.map { records(endpoint, visit: $0, observedOnly: observedOnly) }
        }
    }

    /// The visits (ascending, with their labels) at which `endpoint`'s parameter has a record the
    /// endpoint's record flag selects (in the grid: a value to analyse), each with the endpoint's
    /// records there (`records(_:visits:observedOnly:)`).
    /// - Complexity: O(records of the dataset · visits + participants · visits); for the grid,
    ///   O(visits × participants), each visit's records made once.
    func recordsByVisit(of endpoint: ModelEndpoint) -> [(visit: (number: Double, label: String), records: EndpointRecords)] {
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
            let visits = table.visits.filter { numbers.contains($0.number) }
            return Array(zip(visits, records(endpoint, visits: visits.map(\.number))))
        case .grid(let grid, _, _):
            return grid.visits.compactMap { number -> (visit: (number: Double, label: String), records: EndpointRecords)? in
                let atVisit = records(endpoint, visit: number)
                guard (0..<grid.participantCount).contains(where: { !atVisit.response(of: $0).isNaN }) else { return nil }
                return ((number, atVisit.visitLabel), atVisit)
            }
        }
    }
}

/// A parameter derived from the grid's by an expression, evaluated once at every visit of the grid
/// for the analyses that read it.
struct DerivedGridParameter: Sendable {
    let parameter: DerivedParameter
    /// The parameter's expression of the grid's parameters.
    let expression: ParameterExpression
    /// The values at `values[visit][participant]` (visits as the grid's): NaN where a source
    /// parameter is missing or the expression is not finite.
    let values: [[Double]]
    /// The participant-visits where the expression has a value (`records`), and those with a value
    /// of some source parameter but none of the expression (`skipped`: a missing value or a
    /// division by zero), as `ParameterDerivation` counts them.
    let counts: (records: Int, skipped: Int)

    /// `parameter` (`expression`) of the plan's parameters (`codes`, in grid order) in `grid`, the
    /// visits on every core (the analyses wait for it).
    /// - Complexity: O(visits × participants × parameters of the expression).
    init(_ parameter: DerivedParameter, expression: ParameterExpression, in grid: MeasurementGrid, codes: [String]) {
        self.parameter = parameter
        self.expression = expression
        let sources = expression.parameters.compactMap { codes.firstIndex(of: $0) }
        let visits = ParallelWork.map(Array(grid.visits.indices)) { visit in
            let values = grid.values(of: expression, codes: codes, visit: visit)
            // 1 where some source parameter has a value; counted without a branch per participant.
            var hasSource = [UInt8](repeating: 0, count: grid.participantCount)
            var counts = (records: 0, skipped: 0)
            hasSource.withUnsafeMutableBufferPointer { hasSource in
                for source in sources {
                    grid.withValues(parameter: source, visit: visit) { atVisit, _ in
                        for participant in atVisit.indices { hasSource[participant] |= atVisit[participant].isNaN ? 0 : 1 }
                    }
                }
                values.withUnsafeBufferPointer { values in
                    for participant in values.indices {
                        let isMissing = values[participant].isNaN
                        counts.records &+= isMissing ? 0 : 1
                        counts.skipped &+= isMissing ? Int(hasSource[participant]) : 0
                    }
                }
            }
            return (values: values, counts: counts)
        }
        values = visits.map(\.values)
        counts = (visits.reduce(0) { $0 + $1.counts.records }, visits.reduce(0) { $0 + $1.counts.skipped })
    }
}

extension MeasurementGrid {
    /// `expression` of the grid's parameters (`codes`, the plan's parameter codes in grid order) at
    /// `visit` for every participant: NaN where a parameter is missing or the expression is not finite
    /// (a division by zero), as `ParameterDerivation` computes it.
    /// - Complexity: O(participants × parameters of the expression).
    func values(of expression: ParameterExpression, codes: [String], visit: Int) -> [Double] {
        var values = expression.evaluate(count: participantCount) { code in
            guard let index = codes.firstIndex(of: code) else { return [Double](repeating: .nan, count: participantCount) }
            return withValues(parameter: index, visit: visit) { values, _ in Array(values) }
        }
        values.withUnsafeMutableBufferPointer { values in
            for index in values.indices where !values[index].isFinite { values[index] = .nan }
        }
        return values
    }
}
