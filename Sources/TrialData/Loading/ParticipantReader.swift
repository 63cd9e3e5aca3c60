/// Reads adsl.csv into a `ParticipantTable`, checking every row.
///
/// Checks: required columns; USUBJID present and unique; ARM one of the plan's arms; SEX `M`
/// or `F`; numbers numeric and not negative; AGEDX not greater than AGE. The columns present
/// are checked even when a required one is missing.
struct ParticipantReader {
    static let required = ["USUBJID", "ARM", "AGE", "AGEDX", "SEX"]
    static let optional = ["BMI", "DIABDUR", "MSCDOSE", "LASTMO"]

    /// The table read (rows with problems included, so that later files can refer to them).
    private(set) var table: ParticipantTable
    /// The line of each participant's row.
    private(set) var lines: [Int32] = []
    /// The index of the USUBJID column, when the file has one and its rows are read.
    let idColumn: Int?
    /// USUBJIDs of damaged rows, so that other files' rows referring to them are not reported twice.
    private(set) var unreadable = StringTable()
    private(set) var rowCount = 0

    init(_ file: CSVFile, expectations: StudyExpectations, _ log: inout DiagnosticLog) {
        let columns = ColumnLayout(file, required: Self.required, optional: Self.optional,
                                   planColumns: expectations.adslColumns, &log)
        let idColumn = columns.checksRows ? columns["USUBJID"] : nil
        self.idColumn = idColumn
        let armTable = StringTable(expectations.arms)
        // At most one record per line: a table that will not grow, and no larger than it needs (a
        // guess from the first lines' length gave 1,000,000 ids twice the slots, 17 MB more).
        let capacity = file.recordCapacity(of: file.allRecords)
        table = ParticipantTable(ids: StringTable(capacity: capacity), arms: expectations.arms, arm: [], columns: [])
        guard columns.checksRows else { return }
        let layout = Layout(columns)
        // Every column but USUBJID and ARM, in file order; the numbers of SPEC's columns are checked.
        let builders = file.header.indices.filter { $0 != idColumn && $0 != layout.arm && columns.isKept($0) }
            .map { DataColumnBuilder(name: file.header[$0], index: $0) }
        var kept = KeptRows(builders: builders, checkedIndices: layout.numericIndices)
        kept.reserveCapacity(capacity)
        // Each row's values of `layout.numericIndices`, in one buffer for every row.
        let numbers = UnsafeMutableBufferPointer<Double>.allocate(capacity: layout.numericIndices.count)
        defer { numbers.deallocate() }
        // Ages, durations and measures repeat: a number read before is found by its bytes.
        let numberCache = DecimalCache()

        // The fast path takes a plain record whose every check passes and whose id comes after the
        // last in ascending order, and leaves any other to the checked path, having changed nothing
        // that path would not find the same.
        (rowCount, _) = file.forEachRecord(in: file.allRecords, &log, plain: { record in
            guard let idColumn, !record.isMissing(idColumn),
                  let arm = Row.plainArm(record, layout, armTable, numbers: numbers, cache: numberCache),
                  table.ids.appendInAscendingOrder(bytes: record.value(idColumn)) else { return false }
            kept.keep(line: record.line, arm: arm, numbers: numbers) { $0.append(value: record.value($0.index)) }
            return true
        }) { record, log in
            guard let idColumn else {
                // Without USUBJID no row can be kept or referred to: its other columns are still checked.
                if !record.isDamaged { _ = Row(record, layout, armTable, &log, numbers: numbers) }
                return
            }
            guard !record.isDamaged else {
                if idColumn < record.count, !record.isMissing(idColumn) {
                    record.withValueBytes(idColumn) { _ = unreadable.insert(bytes: $0) }
                }
                return
            }
            var isValid = true
            guard record.hasValue(idColumn, "USUBJID", &log, &isValid) else { return }
            // Ids in ascending order (as ADaM datasets usually hold them) are new without a lookup.
            let (index, isNew) = record.withValueBytes(idColumn) { bytes in
                table.ids.appendInAscendingOrder(bytes: bytes) ? (table.ids.count - 1, true) : table.ids.insert(bytes: bytes)
            }
            if !isNew {
                record.report(idColumn, Message.duplicateParticipant(record.text(idColumn), firstLine: Int(kept.lines[index])),
                              &log, &isValid)
            }
            let row = Row(record, layout, armTable, &log, numbers: numbers)
            guard isNew else { return }
            kept.keep(line: record.line, arm: row.arm, numbers: numbers) { $0.append(record) }
        }
        lines = kept.lines
        table.arm = kept.arm
        table.ids.indexAppended()
        table.columns = kept.builders.map(\.column)
        if rowCount == 0, !log.hasErrors {
            log.add(.error, SourceLocation(file: file.name, line: 2), Message.noParticipants)
        }
    }
}

/// The rows kept (one per participant, problems included): the line of each, its arm, and its
/// columns other than USUBJID and ARM.
private struct KeptRows {
    var lines: [Int32] = []
    var arm: [Int32] = []
    var builders: [DataColumnBuilder]
    /// For each builder, its slot among `Layout.numericIndices` (a number checked by `Row`), or `nil`.
    let checkedSlot: [Int?]

    /// - Parameter checkedIndices: the columns whose numbers `Row` checks (`Layout.numericIndices`).
    init(builders: [DataColumnBuilder], checkedIndices: [Int?]) {
        self.builders = builders
        checkedSlot = builders.map { builder in checkedIndices.firstIndex { $0 == builder.index } }
    }

    /// Makes room for every row from the start: growing by copies would touch twice the memory.
    mutating func reserveCapacity(_ capacity: Int) {
        for index in builders.indices { builders[index].reserveCapacity(capacity) }
        lines.reserveCapacity(capacity)
        arm.reserveCapacity(capacity)
    }

    /// Keeps a row read from `line`: its checked numbers from `numbers`, its other columns by `append`.
    @inline(__always)
    mutating func keep(line: Int, arm: Int32, numbers: UnsafeMutableBufferPointer<Double>, append: (inout DataColumnBuilder) -> Void) {
        lines.append(Int32(line))
        self.arm.append(arm)
        // In place: indexing `builders` itself would check its buffer unique for every column.
        checkedSlot.withUnsafeBufferPointer { checkedSlot in
            builders.withUnsafeMutableBufferPointer { builders in
                for index in builders.indices {
                    if let slot = checkedSlot[index] { builders[index].append(number: numbers[slot]) } else { append(&builders[index]) }
                }
            }
        }
    }
}

/// The positions of adsl's columns (`nil` when absent) and the numeric columns of SPEC.md
/// that are checked row by row.
private struct Layout {
    let arm: Int?, sex: Int?, age: Int?, ageAtDiagnosis: Int?
    /// AGE and AGEDX (their index `nil` when absent), then the optional numeric columns present:
    /// their names, and their index in each record.
    let numericNames: [String], numericIndices: [Int?]

    init(_ columns: ColumnLayout) {
        (arm, sex, age, ageAtDiagnosis) = (columns["ARM"], columns["SEX"], columns["AGE"], columns["AGEDX"])
        let optional = ParticipantReader.optional.filter { columns[$0] != nil }
        numericNames = ["AGE", "AGEDX"] + optional
        numericIndices = [age, ageAtDiagnosis] + optional.map { columns[$0] }
    }
}

/// The checked arm of one adsl row (placeholders where a value is invalid, already reported).
private struct Row {
    static let sexes: KeyValuePairs<StaticString, Bool> = ["M": true, "F": true]

    var arm: Int32 = -1

    /// Checks `record`, leaving the values of `Layout.numericIndices` in `numbers`, in its order.
    init(_ record: CSVRecord, _ columns: Layout, _ arms: StringTable, _ log: inout DiagnosticLog,
         numbers: UnsafeMutableBufferPointer<Double>) {
        var isValid = true
        if let armColumn = columns.arm, record.hasValue(armColumn, "ARM", &log, &isValid) {
            if let found = record.withValueBytes(armColumn, { arms.index(ofBytes: $0) }) {
                arm = Int32(found)
            } else {
                record.report(armColumn, Message.unknownArm(record.text(armColumn), arms: arms.strings), &log, &isValid)
            }
        }
        for slot in numbers.indices {
            numbers[slot] = record.number(columns.numericIndices[slot], columns.numericNames[slot], &log, &isValid)
        }
        let (age, ageAtDiagnosis) = (numbers[0], numbers[1])
        // Both numbers, so both columns are present.
        if ageAtDiagnosis > age, let ageColumn = columns.age, let diagnosisColumn = columns.ageAtDiagnosis {
            let message = Message.diagnosisAfterEnrolment(ageAtDiagnosis: record.text(diagnosisColumn),
                                                          age: record.text(ageColumn))
            record.report(diagnosisColumn, message, &log, &isValid)
        }
        _ = record.code(columns.sex, "SEX", Self.sexes, &log, &isValid)
    }

    /// The arm of a plain record when every check of `init` passes (its numbers then left in
    /// `numbers`; a number read before found in `cache`), else `nil`, with nothing reported.
    @inline(__always)
    static func plainArm(_ record: PlainRecord, _ columns: Layout, _ arms: StringTable,
                         numbers: UnsafeMutableBufferPointer<Double>, cache: DecimalCache) -> Int32? {
        guard let armColumn = columns.arm, let sexColumn = columns.sex, !record.isMissing(armColumn),
              let arm = arms.index(ofBytes: record.value(armColumn)),
              CSVRecord.code(record.value(sexColumn), in: sexes) != nil else { return nil }
        for slot in numbers.indices {
            guard let index = columns.numericIndices[slot], !record.isMissing(index) else {
                numbers[slot] = .nan
                continue
            }
            guard let value = record.number(index, cache: cache), value >= 0 else { return nil }
            numbers[slot] = value
        }
        return numbers[1] > numbers[0] ? nil : Int32(arm)
    }
}

