/// The rows of one section of adlb.csv, read and checked (see `MeasurementReader`).
///
/// Sections are read on separate threads, each into rows of its own in one set of columns, then
/// merged in file order: a chunk's parameter and visit indices are its own until
/// `MeasurementReader` maps them.
struct MeasurementChunk: Sendable {
    /// The positions of adlb's columns (`nil` when absent: the others are still checked, and
    /// the chunk's rows are not a table).
    struct Layout: Sendable {
        let id: Int?, parameter: Int?, visit: Int?, value: Int?, unit: Int?

        /// The columns every row needs, when all four are present.
        var required: (id: Int, parameter: Int, visit: Int, value: Int)? {
            guard let id, let parameter, let visit, let value else { return nil }
            return (id, parameter, visit, value)
        }
    }

    /// What every chunk of a file shares: the plan's parameters and the participants (read in
    /// place by every chunk, see `ParticipantLookup`).
    struct Context: Sendable {
        let layout: Layout
        let participants: ParticipantLookup
        let plannedCodes: StringTable
        /// The plan's units (each once), and for each planned parameter the index of its unit.
        let units: StringTable
        let unitOfParameter: [Int]
        let allowsNegative: [Bool]
        /// For each planned parameter, its bit in `baselinesSeen`, or `-1`.
        let remissionBit: [Int]
        let baselineVisit: Double

        /// The same context, its small tables in storage of their own, for another thread (see
        /// `StringTable.independentCopy()`); the participants are shared.
        func independentCopy() -> Context {
            Context(layout: layout, participants: participants,
                    plannedCodes: plannedCodes.independentCopy(),
                    units: units.independentCopy(),
                    unitOfParameter: unitOfParameter.withUnsafeBufferPointer { Array($0) },
                    allowsNegative: allowsNegative.withUnsafeBufferPointer { Array($0) },
                    remissionBit: remissionBit.withUnsafeBufferPointer { Array($0) },
                    baselineVisit: baselineVisit)
        }
    }

    /// The first row of the reader's columns this chunk wrote.
    let firstRow: Int
    /// The rows written (valid records), at `firstRow..<firstRow + storedCount`.
    var storedCount = 0
    /// The line of each row written.
    var lines = RowLines()
    /// Parameter and visit indices of the rows written: into these, until `MeasurementReader` maps them.
    var parameterCodes: StringTable
    var visits = VisitIndex()
    /// The baseline values of remission parameters met: the participant, and the parameter's
    /// bit (see `MeasurementReader.baselinesSeen`).
    var baselinesSeen: [(participant: Int32, bit: UInt8)] = []
    /// The first row of each parameter code the plan does not know, to warn once per file.
    var unknownParameters: [(code: Int, location: SourceLocation)] = []
    var log: DiagnosticLog
    /// The records read, valid or not.
    var rowCount = 0
    /// Where reading stopped: the records after this chunk's.
    var rest: CSVFileSection

    /// Reads the records of `section` into `rows` from `firstRow` on; `rows` has room for each of them.
    /// `context` is read on this thread only while the chunk is read: a chunk read on another
    /// thread at the same time gets a `Context.independentCopy()`. `valueCache` keeps the values
    /// read (a cache of this thread's, shared with the chunks it reads next).
    /// - Complexity: O(*n*) in the bytes of the section.
    init(_ file: CSVFile, _ section: CSVFileSection, _ context: Context, rows: MeasurementRows, firstRow: Int,
         valueCache: DecimalCache) {
        self.firstRow = firstRow
        parameterCodes = context.plannedCodes
        log = DiagnosticLog(file: file.name)
        rest = section
        // Locals, not members: touching `self` or `context` in the closure would copy the whole struct per row.
        let layout = context.layout
        let plannedCount = context.plannedCodes.count
        let remissionBit = context.remissionBit, baselineVisit = context.baselineVisit
        let units = context.units, unitOfParameter = context.unitOfParameter
        let allowsNegative = context.allowsNegative, plannedCodes = context.plannedCodes
        var lastParameter = -1
        var log = self.log
        var written = WrittenRows(rows: rows, next: firstRow)
        // The fast path takes a plain record whose every check passes, and leaves any other to
        // the checked path below, having changed nothing that path would not find the same.
        let plainColumns = layout.required
        // The plan's codes and units are read in place (`plannedCodes` is never changed: an unknown
        // code is added to `parameterCodes`, a copy), the participants too (`withMatcher`).
        (rowCount, rest) = plannedCodes.withView { planned in units.withView { unitNames in context.participants.withMatcher { participants in
            file.forEachRecord(in: section, &log, plain: { record in
                // A missing id is no participant's (adsl's ids have values). Planned parameters only: a
                // code the plan does not know, or a missing one, is left to the checked path (a code
                // equal to the last parameter's is not missing: that one was read from a field with a
                // value, so only a code that matches no parameter is checked for missing).
                guard let columns = plainColumns, let participant = participants.knownParticipant(record.value(columns.id)) else {
                    return false
                }
                let code = record.value(columns.parameter)
                let parameter = lastParameter >= 0 && lastParameter < plannedCount && planned.equals(lastParameter, code)
                    ? lastParameter : record.isMissing(columns.parameter) ? -1 : planned.index(ofBytes: code) ?? -1
                // A visit written as one met before is known by its bytes, without reading the number;
                // a new one is added only with a row that is kept.
                let visitWord = record.shortWord(columns.visit)
                let knownVisit = visitWord.flatMap { visits.index(ofWord: $0) }
                // A value written as one read before is taken from the cache, to the bit.
                guard parameter >= 0, let visit = knownVisit.map({ visits.values[$0] }) ?? record.number(columns.visit),
                      let value = record.number(columns.value, cache: valueCache), value >= 0 || allowsNegative[parameter] else { return false }
                if let unitColumn = layout.unit, !unitNames.equals(unitOfParameter[parameter], record.value(unitColumn)),
                   !record.isMissing(unitColumn) { return false }
                let visitIndex = knownVisit ?? visits.index(of: visit, word: visitWord)
                guard visitIndex < MeasurementTable.distinctLimit else { return false }
                lastParameter = parameter
                if remissionBit[parameter] >= 0, visit == baselineVisit {
                    baselinesSeen.append((participant, UInt8(remissionBit[parameter])))
                }
                written.store(participant, parameter, visitIndex, value, line: record.line)
                return true
            }) { record, log in
                guard !record.isDamaged else { return }
                var isValid = true
                let participant = participants.participant(in: record, at: layout.id, &log, &isValid)
                var isPlanned = false
                if let parameterColumn = layout.parameter {
                    guard record.hasValue(parameterColumn, "PARAMCD", &log, &isValid) else { return }
                    let known = record.withValueBytes(parameterColumn) { bytes -> Int in
                        if lastParameter >= 0, parameterCodes.equals(lastParameter, bytes) { return lastParameter }
                        return parameterCodes.index(ofBytes: bytes) ?? -1
                    }
                    lastParameter = known >= 0 ? known : addUnknownParameter(record, parameterColumn)
                    isPlanned = lastParameter < plannedCount
                }
                let visit = record.number(layout.visit, "AVISITN", &log, &isValid, isRequired: true, allowsNegative: true)
                let value = record.number(layout.value, "AVAL", &log, &isValid, allowsNegative: true)
                if isPlanned {
                    Self.check(record, value: value, parameter: lastParameter, layout, unit: unitOfParameter[lastParameter],
                               units, allowsNegative, plannedCodes, &log, &isValid)
                }
                guard let participant else { return }
                // A baseline with a problem (reported) still counts as present, to report it once.
                if isPlanned, remissionBit[lastParameter] >= 0, visit == baselineVisit, !value.isNaN {
                    baselinesSeen.append((participant, UInt8(remissionBit[lastParameter])))
                }
                guard isValid else { return }
                let visitIndex = visits.index(of: visit)
                if lastParameter >= MeasurementTable.distinctLimit, let parameterColumn = layout.parameter {
                    record.report(parameterColumn, Message.tooManyDistinct("PARAMCD"), &log, &isValid)
                }
                if visitIndex >= MeasurementTable.distinctLimit, let visitColumn = layout.visit {
                    record.report(visitColumn, Message.tooManyDistinct("AVISITN"), &log, &isValid)
                }
                guard isValid else { return }
                written.store(participant, lastParameter, visitIndex, value, line: record.line)
            }
        } } }
        storedCount = written.next - firstRow
        lines = written.lines
        self.log = log
    }

    /// The checks of a planned parameter's value: not negative, and in the plan's unit (`units[unit]`).
    private static func check(_ record: CSVRecord, value: Double, parameter: Int, _ layout: Layout, unit: Int, _ units: StringTable,
                              _ allowsNegative: [Bool], _ codes: StringTable,
                              _ log: inout DiagnosticLog, _ isValid: inout Bool) {
        // A number, so the column is present.
        if value < 0, !allowsNegative[parameter], let valueColumn = layout.value {
            record.report(valueColumn, Message.negativeMeasurement(codes[parameter], record.text(valueColumn)), &log, &isValid)
        }
        guard let unitColumn = layout.unit, !record.isMissing(unitColumn) else { return }
        if !record.withValueBytes(unitColumn, { units.equals(unit, $0) }) {
            let message = Message.unitMismatch(record.text(unitColumn), parameter: codes[parameter], expected: units[unit])
            record.report(unitColumn, message, &log, &isValid)
        }
    }

    private mutating func addUnknownParameter(_ record: CSVRecord, _ column: Int) -> Int {
        let index = record.withValueBytes(column) { parameterCodes.insert(bytes: $0).index }
        unknownParameters.append((index, record.location(ofField: column)))
        return index
    }
}

/// The valid rows a chunk writes, and the line each was read from.
private struct WrittenRows {
    let rows: MeasurementRows
    /// The row written next.
    var next: Int
    var lines = RowLines()

    init(rows: MeasurementRows, next: Int) {
        self.rows = rows
        self.next = next
    }

    /// Writes a valid row, read from `line`.
    @inline(__always)
    mutating func store(_ participant: Int32, _ parameter: Int, _ visitIndex: Int, _ value: Double, line: Int) {
        // Without a PARAMCD column (an error reported), the rows are only checked: 0 stands in.
        rows.write(next, participant: participant, parameter: UInt16(clamping: parameter), visit: UInt16(visitIndex), value: value)
        next += 1
        lines.append(line: line)
    }
}

/// The distinct visit numbers met so far, each with a small index: the visit after the last
/// one found is tried first (a participant's rows usually follow the visits in order), then a
/// short list is searched (a plan has a handful of visits), a dictionary once there are many.
///
/// Each visit also keeps the bytes of a plain field it was first read from
/// (`PlainRecord.shortWord`): a field of the same bytes is the same number, found without reading it.
struct VisitIndex: Sendable {
    private(set) var values: [Double] = []
    /// For each visit, the word of the field it was first read from, or 0.
    private var words: [UInt64] = []
    private var lookup: [UInt64: Int] = [:]
    private var last = -1

    mutating func index(of value: Double) -> Int {
        if last + 1 < values.count, values[last + 1] == value {
            last += 1
            return last
        }
        last = find(value)
        return last
    }

    /// `index(of:)` for `value` read from a field whose word is `word` (`nil`: none), kept for the visit
    /// when it has none yet.
    mutating func index(of value: Double, word: UInt64?) -> Int {
        let index = index(of: value)
        if let word, words[index] == 0 { words[index] = word }
        return index
    }

    /// The visit whose field's word was `word`, when one was kept: the one after the last found
    /// tried first, then the short list; `nil` otherwise (the field is read as a number).
    @inline(__always)
    mutating func index(ofWord word: UInt64) -> Int? {
        if last + 1 < words.count, words[last + 1] == word {
            last += 1
            return last
        }
        guard words.count <= 16, let found = words.firstIndex(of: word) else { return nil }
        last = found
        return found
    }

    private mutating func find(_ value: Double) -> Int {
        if values.count <= 16, let found = values.firstIndex(of: value) { return found }
        let key = (value == 0 ? 0 : value).bitPattern
        if let found = lookup[key] { return found }
        let index = values.count
        values.append(value)
        words.append(0)
        lookup[key] = index
        return index
    }

    /// The visits in ascending order, and for each index its position in that order.
    func sorted() -> (visits: [Double], newIndex: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var newIndex = [Int](repeating: 0, count: values.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        return (order.map { values[$0] }, newIndex)
    }
}
