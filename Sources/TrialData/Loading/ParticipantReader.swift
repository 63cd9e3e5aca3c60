/// Reads adsl.csv into a `ParticipantTable`, checking every row.
///
/// Checks: required columns; USUBJID present and unique; ARM one of the plan's arms; SEX `M`
/// or `F`; numbers numeric and not negative; AGEDX not greater than AGE.
struct ParticipantReader {
    static let required = ["USUBJID", "ARM", "AGE", "AGEDX", "SEX"]
    static let optional = ["BMI", "DIABDUR", "MSCDOSE", "LASTMO"]

    /// The table read (rows with problems included, so that later files can refer to them).
    private(set) var table: ParticipantTable
    /// The line of each participant's row.
    private(set) var lines: [Int32] = []
    /// The index of the USUBJID column, when the rows could be read (every required column present).
    let idColumn: Int?
    /// USUBJIDs of damaged rows, so that other files' rows referring to them are not reported twice.
    private(set) var unreadable = StringTable()
    private(set) var rowCount = 0

    init(_ file: CSVFile, expectations: StudyExpectations, _ log: inout DiagnosticLog) {
        let columns = ColumnLayout(file, required: Self.required, optional: Self.optional,
                                   planColumns: expectations.adslColumns, &log)
        idColumn = columns.hasRequiredColumns ? columns["USUBJID"] : nil
        let armTable = StringTable(expectations.arms)
        let hasOptional = Self.optional.map { columns[$0] != nil }
        table = ParticipantTable(
            ids: StringTable(), arms: expectations.arms, arm: [], age: [], ageAtDiagnosis: [], sex: [],
            bodyMassIndex: hasOptional[0] ? [] : nil, diabetesDuration: hasOptional[1] ? [] : nil,
            cellDose: hasOptional[2] ? [] : nil, lastFollowUpMonth: hasOptional[3] ? [] : nil, extraColumns: [])
        guard let idColumn else { return }
        let layout = Layout(columns)
        var extras = columns.extraColumns.map { ExtraColumnBuilder(name: $0.name, index: $0.index) }

        rowCount = file.forEachRecord(&log) { record, log in
            guard !record.isDamaged else {
                if idColumn < record.count, !record.isMissing(idColumn) {
                    record.withValueBytes(idColumn) { _ = unreadable.insert(bytes: $0) }
                }
                return
            }
            var isValid = true
            guard record.hasValue(idColumn, "USUBJID", &log, &isValid) else { return }
            let (index, isNew) = record.withValueBytes(idColumn) { table.ids.insert(bytes: $0) }
            if !isNew {
                record.report(idColumn, Message.duplicateParticipant(record.text(idColumn), firstLine: Int(lines[index])), &log, &isValid)
            }
            let row = Row(record, layout, armTable, &log)
            guard isNew else { return }
            lines.append(Int32(record.line))
            append(row)
            for extra in extras.indices { extras[extra].append(record) }
        }
        table.extraColumns = extras.map { $0.column }
        if rowCount == 0, !log.hasErrors {
            log.add(.error, SourceLocation(file: file.name, line: 2), Message.noParticipants)
        }
    }

    private mutating func append(_ row: Row) {
        table.arm.append(row.arm)
        table.age.append(row.age)
        table.ageAtDiagnosis.append(row.ageAtDiagnosis)
        table.sex.append(row.sex)
        table.bodyMassIndex?.append(row.bodyMassIndex)
        table.diabetesDuration?.append(row.diabetesDuration)
        table.cellDose?.append(row.cellDose)
        table.lastFollowUpMonth?.append(row.lastFollowUpMonth)
    }
}

/// The positions of adsl's columns (required ones present).
private struct Layout {
    let arm: Int, age: Int, ageAtDiagnosis: Int, sex: Int
    let bodyMassIndex: Int?, diabetesDuration: Int?, cellDose: Int?, lastFollowUpMonth: Int?

    init(_ columns: ColumnLayout) {
        (arm, age, ageAtDiagnosis, sex) = (columns["ARM"]!, columns["AGE"]!, columns["AGEDX"]!, columns["SEX"]!)
        (bodyMassIndex, diabetesDuration) = (columns["BMI"], columns["DIABDUR"])
        (cellDose, lastFollowUpMonth) = (columns["MSCDOSE"], columns["LASTMO"])
    }
}

/// The checked values of one adsl row (placeholders where a value is invalid, already reported).
private struct Row {
    var arm: Int32 = -1
    var age: Double
    var ageAtDiagnosis: Double
    var sex: Sex
    var bodyMassIndex: Double
    var diabetesDuration: Double
    var cellDose: Double
    var lastFollowUpMonth: Double

    init(_ record: CSVRecord, _ columns: Layout, _ arms: StringTable, _ log: inout DiagnosticLog) {
        var isValid = true
        if record.hasValue(columns.arm, "ARM", &log, &isValid) {
            if let found = record.withValueBytes(columns.arm, { arms.index(ofBytes: $0) }) {
                arm = Int32(found)
            } else {
                record.report(columns.arm, Message.unknownArm(record.text(columns.arm), arms: arms.strings), &log, &isValid)
            }
        }
        age = record.number(columns.age, "AGE", &log, &isValid)
        ageAtDiagnosis = record.number(columns.ageAtDiagnosis, "AGEDX", &log, &isValid)
        if ageAtDiagnosis > age {
            let message = Message.diagnosisAfterEnrolment(ageAtDiagnosis: record.text(columns.ageAtDiagnosis),
                                                          age: record.text(columns.age))
            record.report(columns.ageAtDiagnosis, message, &log, &isValid)
        }
        sex = record.code(columns.sex, "SEX", ["M": Sex.male, "F": Sex.female], &log, &isValid) ?? .male
        bodyMassIndex = record.number(columns.bodyMassIndex, "BMI", &log, &isValid)
        diabetesDuration = record.number(columns.diabetesDuration, "DIABDUR", &log, &isValid)
        cellDose = record.number(columns.cellDose, "MSCDOSE", &log, &isValid)
        lastFollowUpMonth = record.number(columns.lastFollowUpMonth, "LASTMO", &log, &isValid)
    }
}

/// Gathers an extra ADSL column both as numbers and as text, and decides at the end which it is.
private struct ExtraColumnBuilder {
    let name: String
    let index: Int
    private var numbers: [Double] = []
    private var codes: [Int32] = []
    private var levels = StringTable()
    private var isNumeric = true

    init(name: String, index: Int) {
        self.name = name
        self.index = index
    }

    mutating func append(_ record: CSVRecord) {
        if record.isMissing(index) {
            numbers.append(.nan)
            codes.append(-1)
            return
        }
        if isNumeric, case .number(let value) = record.number(index) {
            numbers.append(value)
        } else {
            isNumeric = false
        }
        codes.append(Int32(record.withValueBytes(index) { levels.insert(bytes: $0).index }))
    }

    var column: ExtraColumn {
        ExtraColumn(name: name, values: isNumeric ? .numbers(numbers) : .text(codes: codes, levels: levels))
    }
}
