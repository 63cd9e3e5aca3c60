import TrialData

/// The records of the plan's derived parameters, computed from the measurement datasets' observed
/// records (no DTYPE) and kept as one more BDS table, so that endpoints, tables and figures use
/// them as any parameter. Per participant and visit:
/// - an area under the curve (`auc`) takes the parameter's timed samples (ATPTN, minutes, AVAL
///   present), sorted by time, at least two: Σ (tᵢ₊₁ − tᵢ)(yᵢ + yᵢ₊₁)/2, divided by tₗₐₛₜ − t₁ for
///   a mean; the record is a baseline (ABLFL) when a sample is;
/// - an `expression` takes each parameter's first untimed record at the visit and is computed
///   when all have a value (a division by zero gives none); the record is a baseline when every
///   source record is.
/// The derived table has no BASE, CHG or record flags: changes are derived from its baseline records.
struct ParameterDerivation {
    /// Why a derived parameter cannot be computed: its index in the plan's list and the message.
    struct Problem: Equatable {
        var index: Int
        var key: String
        var message: String
    }

    /// The derived records (in a table named `file`), the problems, and a note per parameter with
    /// the participant-visits left without a value.
    static func derive(_ parameters: [DerivedParameter], from tables: [BDSTable], file: String)
        -> (table: BDSTable, problems: [Problem], notes: [String]) {
        var derived = BDSTable(file: file)
        var problems: [Problem] = [], notes: [String] = []
        var sources = tables
        for (index, parameter) in parameters.enumerated() {
            if let table = tables.first(where: { $0.parameterCodes.index(of: parameter.code) != nil }) {
                problems.append(Problem(index: index, key: DerivedParameterKey.code.rawValue,
                                        message: "parameter '\(parameter.code)' is already in \(table.file): choose another code"))
                continue
            }
            let key: DerivedParameterKey = if case .areaUnderCurve = parameter.derivation { .auc } else { .expression }
            let missing = parameter.derivation.sources.filter { source in !sources.contains { $0.parameterCodes.index(of: source) != nil } }
            guard missing.isEmpty else {
                problems.append(Problem(index: index, key: key.rawValue, message: missing.map { "parameter '\($0)'" }.joined(separator: ", ")
                                        + " does not occur in the PARAMCD of the measurement datasets or among the parameters derived before"))
                continue
            }
            let values: [Key: (value: Double, baseline: Bool)]
            let skipped: Int
            switch parameter.derivation {
            case .areaUnderCurve(let source, let mean):
                let table = sources.first { $0.parameterCodes.index(of: source) != nil }!
                guard let area = areaUnderCurve(source, in: table, mean: mean) else {
                    problems.append(Problem(index: index, key: key.rawValue, message: "\(table.file) has no timed samples of \(source) "
                                            + "(ATPTN): an area under the curve needs them"))
                    continue
                }
                (values, skipped) = area
            case .expression(let expression):
                (values, skipped) = evaluate(expression, in: sources)
            }
            if skipped > 0 {
                notes.append("\(parameter.code): \(skipped) participant-visits without a value (\(Self.reason(parameter.derivation)))")
            }
            append(values, as: parameter, visits: sources, to: &derived)
            sources = tables + [derived]
        }
        return (derived, problems, notes)
    }

    private struct Key: Hashable, Comparable {
        var participant: Int32
        var visit: Double
        static func < (left: Key, right: Key) -> Bool {
            (left.participant, left.visit) < (right.participant, right.visit)
        }
    }

    private static func reason(_ derivation: DerivedParameter.Derivation) -> String {
        switch derivation {
        case .areaUnderCurve: "fewer than two timed samples with a value"
        case .expression: "a parameter without a value at the visit, or a division by zero"
        }
    }

    /// Each participant-visit's area under the curve and how many had too few samples; `nil` when
    /// the parameter has no timed sample.
    ///
    /// The timed samples are sorted by participant, visit and time (file order among equal times,
    /// as a stable sort by time leaves them), so that each participant-visit's samples are one run:
    /// no table of lists. Rows usually come in that order, which the sort passes through in one go.
    private static func areaUnderCurve(_ source: String, in table: BDSTable, mean: Bool) -> ([Key: (value: Double, baseline: Bool)], Int)? {
        let parameter = Int32(table.parameterCodes.index(of: source)!)
        guard let timePoint = table.timePoint else { return nil }
        func key(_ row: Int) -> Key { Key(participant: table.participant[row], visit: table.visitNumber[row]) }
        var samples = (0..<table.count).filter { row in
            table.parameter[row] == parameter && table.derivationType?[row] == nil && !timePoint[row].isNaN && !table.visitNumber[row].isNaN
        }
        guard !samples.isEmpty else { return nil }
        samples.sort { (key($0), timePoint[$0], $0) < (key($1), timePoint[$1], $1) }
        var values: [Key: (value: Double, baseline: Bool)] = [:]
        var skipped = 0
        var start = 0
        while start < samples.count {
            let group = key(samples[start])
            var end = start, area = 0.0, count = 0, baseline = false
            var previous: (time: Double, value: Double)?, first = 0.0
            while end < samples.count, key(samples[end]) == group {
                let row = samples[end], time = timePoint[row], value = table.value[row]
                baseline = baseline || table.isBaseline[row]
                end += 1
                guard !value.isNaN else { continue }
                if let previous { area += (time - previous.time) * (previous.value + value) / 2 } else { first = time }
                previous = (time, value)
                count += 1
            }
            if count >= 2, let last = previous?.time, last > first {
                values[group] = (mean ? area / (last - first) : area, baseline)
            } else {
                skipped += 1
            }
            start = end
        }
        return (values, skipped)
    }

    /// Each participant-visit's value of `expression` and how many could not be computed.
    private static func evaluate(_ expression: ParameterExpression, in tables: [BDSTable]) -> ([Key: (value: Double, baseline: Bool)], Int) {
        var records: [String: [Key: (value: Double, baseline: Bool)]] = [:]
        for code in expression.parameters {
            let table = tables.first { $0.parameterCodes.index(of: code) != nil }!
            let parameter = Int32(table.parameterCodes.index(of: code)!)
            var first: [Key: (value: Double, baseline: Bool)] = [:]
            for row in 0..<table.count where table.parameter[row] == parameter && table.derivationType?[row] == nil
                && (table.timePoint?[row].isNaN ?? true) && !table.visitNumber[row].isNaN {
                let key = Key(participant: table.participant[row], visit: table.visitNumber[row])
                if first[key] == nil { first[key] = (table.value[row], table.isBaseline[row]) }
            }
            records[code] = first
        }
        let keys = Set(records.values.flatMap(\.keys))
        var values: [Key: (value: Double, baseline: Bool)] = [:]
        var skipped = 0
        for key in keys {
            let value = expression.evaluate { code in records[code]?[key].flatMap { $0.value.isNaN ? nil : $0.value } }
            guard let value, value.isFinite else {
                skipped += 1
                continue
            }
            values[key] = (value, expression.parameters.allSatisfy { records[$0]?[key]?.baseline ?? false })
        }
        return (values, skipped)
    }

    /// Appends the records of `parameter`, ordered by participant and visit, with the visit
    /// labels of the source tables.
    private static func append(_ values: [Key: (value: Double, baseline: Bool)], as parameter: DerivedParameter,
                               visits tables: [BDSTable], to table: inout BDSTable) {
        let code = Int32(table.parameterCodes.insert(parameter.code).index)
        table.parameterLabels.append(parameter.label)
        table.units.append(parameter.unit)
        table.reserveCapacity(table.count + values.count)
        for (key, record) in values.sorted(by: { $0.key < $1.key }) {
            table.participant.append(key.participant)
            table.parameter.append(code)
            table.visitNumber.append(key.visit)
            table.value.append(record.value)
            table.isBaseline.append(record.baseline)
        }
        var labels: [Double: String] = Dictionary(table.visits.map { ($0.number, $0.label) }, uniquingKeysWith: { first, _ in first })
        for source in tables { for visit in source.visits where labels[visit.number] == nil { labels[visit.number] = visit.label } }
        let used = Set(values.keys.map(\.visit)).union(table.visits.map(\.number))
        table.visits = used.sorted().map { ($0, labels[$0] ?? "") }
    }
}
