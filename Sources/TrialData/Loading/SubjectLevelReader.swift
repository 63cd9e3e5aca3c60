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
            for row in 0..<data.rowCount {
                guard let id = data.columns[idColumn].text(at: row) else {
                    problems.append((row, idColumn, Message.missingValue("USUBJID")))
                    continue
                }
                let (index, isNew) = table.ids.insert(id)
                if isNew { firstRow.append(row) } else {
                    problems.append((row, idColumn, Message.duplicateParticipant(id, firstRow: firstRow[index] + 1)))
                }
            }
        } else {
            firstRow = Array(0..<data.rowCount)
        }
        let armTable = StringTable(arms)
        let treatment = data.columnIndex(named: layout.treatment)
        table.arm = firstRow.map { row in
            guard let treatment else { return -1 }
            guard let label = data.columns[treatment].text(at: row) else {
                problems.append((row, treatment, Message.missingValue(layout.treatment)))
                return -1
            }
            guard let arm = armTable.index(of: label) else {
                problems.append((row, treatment, Message.unknownArm(label, variable: layout.treatment, arms: arms)))
                return -1
            }
            return Int32(arm)
        }
        if let actual = layout.actualTreatment.flatMap(data.columnIndex(named:)) {
            for row in firstRow {
                if let label = data.columns[actual].text(at: row), armTable.index(of: label) == nil {
                    problems.append((row, actual, Message.unknownArm(label, variable: data.columns[actual].name, arms: arms)))
                }
            }
        }
        for flag in layout.flags.compactMap(data.columnIndex(named:)) {
            for row in firstRow {
                if let value = data.columns[flag].text(at: row), value != "Y", value != "N" {
                    problems.append((row, flag, Message.notOneOf(data.columns[flag].name, value, allowed: ["Y", "N"], orBlank: true)))
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
