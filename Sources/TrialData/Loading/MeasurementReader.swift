/// Reads adlb.csv into a `MeasurementTable`, checking every row.
///
/// Checks: required columns; USUBJID in adsl.csv; AVISITN present and numeric; AVAL numeric
/// and, for the plan's parameters, not negative (unless the plan allows it); AVALU equal to
/// the plan's unit. A PARAMCD the plan does not know is a warning (once, at its first row):
/// lab exports often carry more parameters than a plan analyses.
struct MeasurementReader {
    static let required = ["USUBJID", "PARAMCD", "AVISITN", "AVAL"]
    static let optional = ["AVALU"]

    private(set) var table: MeasurementTable
    /// The line of each measurement's row, for reporting duplicates.
    private(set) var lines: [Int32] = []
    /// For each participant, bit *k* is set when it has a baseline value of remission parameter *k*.
    private(set) var baselinesSeen: [UInt64]
    private(set) var rowCount = 0
    let idColumn: Int?
    private var visitIndex = VisitIndex()
    private var units: [[UInt8]?]
    private var allowsNegative: [Bool]
    /// For each parameter, its bit in `baselinesSeen`, or `-1` when not a remission parameter.
    private var remissionBit: [Int]

    init(_ file: CSVFile, expectations: StudyExpectations, participants: ParticipantLookup,
         participantCount: Int, _ log: inout DiagnosticLog) {
        precondition(expectations.remissionParameters.count <= 64, "at most 64 remission parameters")
        let columns = ColumnLayout(file, required: Self.required, optional: Self.optional, &log)
        idColumn = columns["USUBJID"]
        let codes = StringTable(expectations.parameters.map(\.code))
        table = MeasurementTable(participant: [], parameter: [], visit: [], value: [], parameterCodes: codes,
                                 plannedParameterCount: codes.count, visits: [])
        units = expectations.parameters.map { Array($0.unit.utf8) }
        allowsNegative = expectations.parameters.map(\.allowsNegative)
        remissionBit = expectations.parameters.map { expectations.remissionParameters.firstIndex(of: $0.code) ?? -1 }
        baselinesSeen = Array(repeating: 0, count: participantCount)
        guard columns.hasRequiredColumns else { return }
        let layout = (id: columns["USUBJID"]!, parameter: columns["PARAMCD"]!, visit: columns["AVISITN"]!,
                      value: columns["AVAL"]!, unit: columns["AVALU"])
        let baselineVisit = expectations.baselineVisit
        var participants = participants
        var lastParameter = -1

        rowCount = file.forEachRecord(&log) { record, log in
            guard !record.isDamaged else { return }
            var isValid = true
            let participant = participants.participant(in: record, at: layout.id, &log, &isValid)
            guard record.hasValue(layout.parameter, "PARAMCD", &log, &isValid) else { return }
            let parameter = record.withValueBytes(layout.parameter) { bytes -> Int in
                if lastParameter >= 0, table.parameterCodes.equals(lastParameter, bytes) { return lastParameter }
                return table.parameterCodes.index(ofBytes: bytes) ?? -1
            }
            lastParameter = parameter >= 0 ? parameter : addUnknownParameter(record, layout.parameter, &log)
            let isPlanned = lastParameter < table.plannedParameterCount
            let visit = record.number(layout.visit, "AVISITN", &log, &isValid, isRequired: true, allowsNegative: true)
            let value = record.number(layout.value, "AVAL", &log, &isValid, allowsNegative: true)
            if value < 0, !allowsNegative[lastParameter] {
                let message = Message.negativeMeasurement(table.parameterCodes[lastParameter], record.text(layout.value))
                record.report(layout.value, message, &log, &isValid)
            }
            if let unitColumn = layout.unit, isPlanned, !record.isMissing(unitColumn),
               let expected = units[lastParameter],
               !record.withValueBytes(unitColumn, { bytes in expected.withUnsafeBufferPointer { bytesEqual(bytes, $0) } }) {
                let message = Message.unitMismatch(record.text(unitColumn), parameter: table.parameterCodes[lastParameter],
                                                   expected: String(decoding: expected, as: UTF8.self))
                record.report(unitColumn, message, &log, &isValid)
            }
            guard let participant else { return }
            // A baseline with a problem (reported) still counts as present, to report it once.
            let bit = remissionBit[lastParameter]
            if bit >= 0, visit == baselineVisit, !value.isNaN {
                baselinesSeen[Int(participant)] |= 1 << UInt64(bit)
            }
            guard isValid else { return }
            table.participant.append(participant)
            table.parameter.append(Int32(lastParameter))
            table.visit.append(visitIndex.index(of: visit))
            table.value.append(value)
            lines.append(Int32(record.line))
        }
        let (visits, newIndex) = visitIndex.sorted()
        table.visits = visits
        for row in table.visit.indices { table.visit[row] = newIndex[Int(table.visit[row])] }
        if rowCount == 0, !log.hasErrors {
            log.add(.error, SourceLocation(file: file.name, line: 2), Message.noMeasurements)
        }
    }

    /// Adds a parameter code the plan does not know, with a warning at its first row.
    private mutating func addUnknownParameter(_ record: CSVRecord, _ column: Int, _ log: inout DiagnosticLog) -> Int {
        let index = record.withValueBytes(column) { table.parameterCodes.insert(bytes: $0).index }
        units.append(nil)
        allowsNegative.append(true)
        remissionBit.append(-1)
        log.add(.warning, record.location(ofField: column), Message.unknownParameter(record.text(column)))
        return index
    }
}

/// The distinct visit numbers met so far, each with a small index: a short list is searched
/// (a plan has a handful of visits), a dictionary once there are many.
private struct VisitIndex {
    private var values: [Double] = []
    private var lookup: [UInt64: Int32] = [:]

    mutating func index(of value: Double) -> Int32 {
        if values.count <= 16, let found = values.firstIndex(of: value) { return Int32(found) }
        let key = (value == 0 ? 0 : value).bitPattern
        if let found = lookup[key] { return found }
        let index = Int32(values.count)
        values.append(value)
        lookup[key] = index
        return index
    }

    /// The visits in ascending order, and for each old index its new one.
    func sorted() -> (visits: [Double], newIndex: [Int32]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var newIndex = [Int32](repeating: 0, count: values.count)
        for (position, old) in order.enumerated() { newIndex[old] = Int32(position) }
        return (order.map { values[$0] }, newIndex)
    }
}
