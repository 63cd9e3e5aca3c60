/// Reads an ADaM occurrence dataset of adverse events (ADAE) into an `AdverseEventTable`.
///
/// Checks: USUBJID, AEDECOD, AEBODSYS, AESEV (or ASEV) and AESER exist; USUBJID in ADSL;
/// AEDECOD and AEBODSYS present; the severity `MILD`, `MODERATE` or `SEVERE`; AESER `Y` or `N`;
/// relatedness (AREL, else AEREL) `Y`, `N` or blank unless the layout lists the values that count
/// as related; the treatment-emergent flag (TRTEMFL) `Y`, `N` or blank. Only treatment-emergent
/// events are kept when the flag exists; the others are counted in a warning. A missing variable
/// does not stop the checks of the others.
struct OccurrenceReader {
    private(set) var table = AdverseEventTable()

    init(_ data: DataTable, layout: AdamLayout, participants: ParticipantTable, _ log: inout DiagnosticLog) {
        // A missing variable is suggested a name that no other variable of the dataset is read from.
        let standard: Set = ["USUBJID", "AEDECOD", "AEBODSYS", "AESEV", "ASEV", "AESER", "AREL", "AEREL", "ASTDY", "AESTDY",
                             layout.emergentFlag]
        let names = data.columns.map(\.name).filter { !standard.contains($0) }
        func variable(_ candidates: [String], required: Bool = true) -> Int? {
            if let found = candidates.lazy.compactMap(data.columnIndex(named:)).first { return found }
            if required {
                log.add(.error, data.headerLocation, Message.missingVariable(candidates[0],
                        suggestion: ClosestKey.suggestion(for: candidates[0], among: names)))
            }
            return nil
        }
        let id = variable(["USUBJID"]), term = variable(["AEDECOD"]), bodySystem = variable(["AEBODSYS"])
        let severity = variable(["AESEV", "ASEV"]), serious = variable(["AESER"])
        let related = variable(["AREL", "AEREL"], required: false), day = variable(["ASTDY", "AESTDY"], required: false)
        let emergent = variable([layout.emergentFlag], required: false)
        // A missing variable (reported) does not stop the checks of the others; no row is kept then.
        let hasEveryVariable = id != nil && term != nil && bodySystem != nil && severity != nil && serious != nil

        var problems: [(row: Int, column: Int, message: String)] = []
        // Each variable's distinct texts are decoded once, not once per row.
        let ids = TextVariable(data, id), terms = TextVariable(data, term), bodySystems = TextVariable(data, bodySystem)
        let severities = ["MILD": AdverseEventSeverity.mild, "MODERATE": .moderate, "SEVERE": .severe]
        let yesNo = ["Y": true, "N": false]
        let relatedCodes = layout.relatedValues.map { values in
            Dictionary(uniqueKeysWithValues: Set(values + layout.unrelatedValues).map { ($0, values.contains($0)) })
        } ?? yesNo
        let emergentFlags = CodedVariable(data, emergent, yesNo), grades = CodedVariable(data, severity, severities)
        let seriousFlags = CodedVariable(data, serious, yesNo), relatedFlags = CodedVariable(data, related, relatedCodes)
        let participantOfLevel = ids?.levels.map(participants.index(of:)) ?? []
        var termOfLevel = [Int32?](repeating: nil, count: terms?.levels.count ?? 0)
        var bodySystemOfLevel = [Int32?](repeating: nil, count: bodySystems?.levels.count ?? 0)
        let days = day.flatMap { data.columns[$0].numbers }
        /// The distinct text of a variable in a row; `nil` when blank (reported when required) or the variable is absent.
        func level(_ variable: TextVariable?, _ row: Int, required: Bool = true) -> Int? {
            guard let variable else { return nil }
            let level = variable.level(at: row)
            if level == nil, required { problems.append((row, variable.column, Message.missingValue(variable.name))) }
            return level
        }
        func code<Value>(_ coded: CodedVariable<Value>?, _ row: Int, required: Bool = true) -> Value?? {
            guard let coded, let level = level(coded.variable, row, required: required) else { return .some(nil) }
            if let match = coded.values[level] { return .some(match) }
            problems.append((row, coded.variable.column, Message.notOneOf(coded.variable.name, coded.variable.levels[level],
                                                                          allowed: coded.codes.keys.sorted(), orBlank: !required)))
            return nil
        }
        var notEmergent = 0
        var firstNotEmergent: Int?
        for row in 0..<data.rowCount {
            let isEmergent = emergentFlags.map { code($0, row, required: false) } ?? .some(true)
            guard case .some(let flag) = isEmergent else { continue }
            if flag != true {
                notEmergent += 1
                if firstNotEmergent == nil { firstNotEmergent = row }
                continue
            }
            let before = problems.count
            var participant: Int32 = -1
            if let ids, let subject = level(ids, row) {
                if let index = participantOfLevel[subject] { participant = Int32(index) } else {
                    problems.append((row, ids.column, Message.unknownParticipant(ids.levels[subject], subjects: layout.subjects)))
                }
            }
            let termLevel = level(terms, row), bodySystemLevel = level(bodySystems, row)
            let grade = code(grades, row), isSerious = code(seriousFlags, row)
            let isRelated = relatedFlags.map { code($0, row, required: false) } ?? .some(nil)
            guard hasEveryVariable, problems.count == before, let terms, let termLevel, let bodySystems, let bodySystemLevel,
                  case .some(let grade?) = grade, case .some(let isSerious?) = isSerious,
                  case .some(let relatedValue) = isRelated else { continue }
            table.participant.append(participant)
            table.term.append(Self.code(of: termLevel, in: terms, &termOfLevel, &table.terms))
            table.bodySystem.append(Self.code(of: bodySystemLevel, in: bodySystems, &bodySystemOfLevel, &table.bodySystems))
            table.severity.append(grade)
            table.serious.append(isSerious)
            table.studyDay.append(days?[row] ?? .nan)
            table.related.append(relatedValue)
        }
        log.addErrors(problems, locate: { data.locations(of: $0.map { ($0.row, $0.column) }) }, message: \.message)
        if let firstNotEmergent, let emergent {
            let location = data.locations(of: [(firstNotEmergent, emergent)])[0]
            log.add(.warning, location, Message.notTreatmentEmergent(notEmergent, flag: data.columns[emergent].name))
        }
    }

    /// The table's code of a distinct text of the dataset, the text added to `table` the first
    /// time a kept row holds it (so codes follow the rows, as one lookup per row gave them).
    private static func code(of level: Int, in variable: TextVariable, _ codeOfLevel: inout [Int32?],
                             _ table: inout StringTable) -> Int32 {
        if let code = codeOfLevel[level] { return code }
        let code = Int32(table.insert(variable.levels[level]).index)
        codeOfLevel[level] = code
        return code
    }
}

/// A text variable whose values are codes of a fixed list (`Y`/`N`, severities): each distinct
/// text decoded once.
private struct CodedVariable<Value> {
    /// The variable.
    let variable: TextVariable
    /// The texts allowed and what they mean.
    let codes: [String: Value]
    /// The meaning of each level, `nil` for a text not in `codes`.
    let values: [Value?]

    /// The variable in `column` of `data` decoded by `codes`, or `nil` when absent.
    init?(_ data: DataTable, _ column: Int?, _ codes: [String: Value]) {
        guard let variable = TextVariable(data, column) else { return nil }
        self.variable = variable
        self.codes = codes
        values = variable.levels.map { codes[$0] }
    }
}
