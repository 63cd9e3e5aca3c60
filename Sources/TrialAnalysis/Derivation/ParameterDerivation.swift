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
            let values: Records
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

    private struct Key: Equatable, Comparable {
        var participant: Int32
        var visit: Double
        static func < (left: Key, right: Key) -> Bool {
            (left.participant, left.visit) < (right.participant, right.visit)
        }
    }

    /// A derived parameter's records, or a source parameter's: one per participant-visit, in
    /// ascending order of participant and visit (kept as sorted arrays, not in a `Dictionary`:
    /// a large dataset's million participant-visits were hashed several times each).
    private typealias Records = [(key: Key, value: Double, baseline: Bool)]

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
    private static func areaUnderCurve(_ source: String, in table: BDSTable, mean: Bool) -> (Records, Int)? {
        let parameter = Int32(table.parameterCodes.index(of: source)!)
        guard let timePoint = table.timePoint else { return nil }
        func key(_ row: Int) -> Key { Key(participant: table.participant[row], visit: table.visitNumber[row]) }
        var samples = (0..<table.count).filter { row in
            table.parameter[row] == parameter && table.derivationType?[row] == nil && !timePoint[row].isNaN && !table.visitNumber[row].isNaN
        }
        guard !samples.isEmpty else { return nil }
        samples.sort { (key($0), timePoint[$0], $0) < (key($1), timePoint[$1], $1) }
        var values: Records = []
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
                values.append((group, mean ? area / (last - first) : area, baseline))
            } else {
                skipped += 1
            }
            start = end
        }
        return (values, skipped)
    }

    /// Each participant-visit's value of `expression` and how many could not be computed.
    private static func evaluate(_ expression: ParameterExpression, in tables: [BDSTable]) -> (Records, Int) {
        let codes = expression.parameters
        let sources = codes.map { code in firstUntimedRecords(of: code, in: tables.first { $0.parameterCodes.index(of: code) != nil }!) }
        // The participant-visits of any source, in order: each source's next record is looked at
        // once; `here` holds each source's record at the participant-visit, if it has one.
        var next = [Int](repeating: 0, count: sources.count)
        var here = [Int?](repeating: nil, count: sources.count)
        var values: Records = []
        var skipped = 0
        while true {
            var key: Key?
            for source in sources.indices where next[source] < sources[source].count {
                let candidate = sources[source][next[source]].key
                if key.map({ candidate < $0 }) ?? true { key = candidate }
            }
            guard let key else { break }
            for source in sources.indices {
                let isHere = next[source] < sources[source].count && sources[source][next[source]].key == key
                here[source] = isHere ? next[source] : nil
                if isHere { next[source] += 1 }
            }
            let value = expression.evaluate { code in
                codes.firstIndex(of: code).flatMap { source in
                    here[source].flatMap { sources[source][$0].value.isNaN ? nil : sources[source][$0].value }
                }
            }
            guard let value, value.isFinite else {
                skipped += 1
                continue
            }
            values.append((key, value, sources.indices.allSatisfy { source in here[source].map { sources[source][$0].baseline } ?? false }))
        }
        return (values, skipped)
    }

    /// The first untimed observed record of parameter `code` at each participant-visit of `table`.
    private static func firstUntimedRecords(of code: String, in table: BDSTable) -> Records {
        let parameter = Int32(table.parameterCodes.index(of: code)!)
        func key(_ row: Int) -> Key { Key(participant: table.participant[row], visit: table.visitNumber[row]) }
        var rows = (0..<table.count).filter { row in
            table.parameter[row] == parameter && table.derivationType?[row] == nil
                && (table.timePoint?[row].isNaN ?? true) && !table.visitNumber[row].isNaN
        }
        // In order of participant-visit, file order among a participant-visit's records (rows
        // usually come in that order, which the sort passes through in one go).
        rows.sort { (key($0), $0) < (key($1), $1) }
        var records: Records = []
        for row in rows where records.last?.key != key(row) {
            records.append((key(row), table.value[row], table.isBaseline[row]))
        }
        return records
    }

    /// Appends the records of `parameter`, ordered by participant and visit, with the visit
    /// labels of the source tables.
    private static func append(_ values: Records, as parameter: DerivedParameter,
                               visits tables: [BDSTable], to table: inout BDSTable) {
        let code = Int32(table.parameterCodes.insert(parameter.code).index)
        table.parameterLabels.append(parameter.label)
        table.units.append(parameter.unit)
        table.reserveCapacity(table.count + values.count)
        for record in values {
            table.participant.append(record.key.participant)
            table.parameter.append(code)
            table.visitNumber.append(record.key.visit)
            table.value.append(record.value)
            table.isBaseline.append(record.baseline)
        }
        var labels: [Double: String] = Dictionary(table.visits.map { ($0.number, $0.label) }, uniquingKeysWith: { first, _ in first })
        for source in tables { for visit in source.visits where labels[visit.number] == nil { labels[visit.number] = visit.label } }
        let used = Set(values.map(\.key.visit)).union(table.visits.map(\.number))
        table.visits = used.sorted().map { ($0, labels[$0] ?? "") }
    }
}
