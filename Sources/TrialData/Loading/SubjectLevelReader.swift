/// Reads an ADaM subject-level dataset (ADSL) into a `ParticipantTable`, by the variable names
/// of an `AdamLayout`.
///
/// Checks: USUBJID, the treatment variable and each flag the plan names exist (a missing one is
/// reported at the file with the closest name); USUBJID present and unique; the planned treatment
/// one of the plan's arms; the actual treatment one of them or blank; each population flag `Y`,
/// `N` or blank. Every other variable is kept, with its label. A missing variable does not stop
/// the checks of the others.
struct SubjectLevelReader {
    /// The participants (rows with problems included, so that other files can refer to them).
    private(set) var table: ParticipantTable
    /// The number of rows read.
    let rowCount: Int
    /// Whether the dataset has USUBJID (other files are checked against it only then).
    let hasIdentifiers: Bool

    init(_ data: DataTable, layout: AdamLayout, arms: [String], _ log: inout DiagnosticLog) {
        rowCount = data.rowCount
        table = ParticipantTable(ids: StringTable(), arms: arms, arm: [], columns: [])
        let required = ["USUBJID", layout.treatment] + (layout.actualTreatment.map { [$0] } ?? []) + layout.flags
        // A missing variable is suggested a name that no other variable of the plan is read from.
        let names = data.columns.map(\.name).filter { !required.contains($0) }
        for name in required where data.columnIndex(named: name) == nil {
            log.add(.error, data.headerLocation, Message.missingVariable(name, suggestion: ClosestKey.suggestion(for: name, among: names)))
        }
        // A missing variable (reported) does not stop the checks of the others; without USUBJID
        // every row is checked as a participant of its own.
        let idColumn = data.columnIndex(named: "USUBJID")
        hasIdentifiers = idColumn != nil
        var problems: [(row: Int, column: Int, message: String)] = []
        var firstRow: [Int] = []
        if let idColumn {
            // The column's distinct texts are the participants, in the order they first appear.
            let (codes, ids) = data.columns[idColumn].codedTable
            var firstRowOfId = [Int](repeating: -1, count: ids.count)
            for row in 0..<data.rowCount {
                let id = Int(codes[row])
                guard id >= 0 else {
                    problems.append((row, idColumn, Message.missingValue("USUBJID")))
                    continue
                }
                if firstRowOfId[id] < 0 {
                    firstRowOfId[id] = row
                    firstRow.append(row)
                } else {
                    problems.append((row, idColumn, Message.duplicateParticipant(ids[id], firstRow: firstRowOfId[id] + 1)))
                }
            }
            table.ids = ids
        } else {
            firstRow = Array(0..<data.rowCount)
        }
        // Each variable's distinct texts are looked up once, not once per participant.
        let armTable = StringTable(arms)
        if let treatment = TextVariable(data, data.columnIndex(named: layout.treatment)) {
            let armOfLevel = treatment.levels.map(armTable.index(of:))
            table.arm = firstRow.map { row in
                guard let level = treatment.level(at: row) else {
                    problems.append((row, treatment.column, Message.missingValue(layout.treatment)))
                    return -1
                }
                guard let arm = armOfLevel[level] else {
                    problems.append((row, treatment.column,
                                     Message.unknownArm(treatment.levels[level], variable: layout.treatment, arms: arms)))
                    return -1
                }
                return Int32(arm)
            }
        } else {
            table.arm = Array(repeating: -1, count: firstRow.count)
        }
        if let actual = TextVariable(data, layout.actualTreatment.flatMap(data.columnIndex(named:))) {
            let isArm = actual.levels.map { armTable.index(of: $0) != nil }
            for row in firstRow {
                if let level = actual.level(at: row), !isArm[level] {
                    problems.append((row, actual.column, Message.unknownArm(actual.levels[level], variable: actual.name, arms: arms)))
                }
            }
        }
        for flag in layout.flags.compactMap({ TextVariable(data, data.columnIndex(named: $0)) }) {
            let isValid = flag.levels.map { $0 == "Y" || $0 == "N" }
            for row in firstRow {
                if let level = flag.level(at: row), !isValid[level] {
                    problems.append((row, flag.column, Message.notOneOf(flag.name, flag.levels[level], allowed: ["Y", "N"], orBlank: true)))
                }
            }
        }
        table.columns = data.columns.enumerated().filter { $0.offset != idColumn }.map { _, column in
            column.selecting(rows: firstRow)
        }
        log.addErrors(problems, locate: { data.locations(of: $0.map { ($0.row, $0.column) }) }, message: \.message)
        if data.rowCount == 0 {
            log.add(.error, data.headerLocation, Message.noParticipants)
        }
    }
}
