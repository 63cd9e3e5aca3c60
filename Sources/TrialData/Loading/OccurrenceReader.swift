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
        /// The text of a variable in a row; `nil` when blank (reported when required) or the variable is absent.
        func text(_ column: Int?, _ row: Int, required: Bool = true) -> String? {
            guard let column else { return nil }
            let value = data.columns[column].text(at: row)
            if value == nil, required { problems.append((row, column, Message.missingValue(data.columns[column].name))) }
            return value
        }
        func code<Value>(_ column: Int?, _ row: Int, _ codes: [String: Value], required: Bool = true) -> Value?? {
            guard let column, let value = text(column, row, required: required) else { return .some(nil) }
            if let match = codes[value] { return .some(match) }
            problems.append((row, column, Message.notOneOf(data.columns[column].name, value, allowed: codes.keys.sorted(),
                                                          orBlank: !required)))
            return nil
        }
        let severities = ["MILD": AdverseEventSeverity.mild, "MODERATE": .moderate, "SEVERE": .severe]
        let yesNo = ["Y": true, "N": false]
        let relatedCodes = layout.relatedValues.map { values in
            Dictionary(uniqueKeysWithValues: Set(values + layout.unrelatedValues).map { ($0, values.contains($0)) })
        } ?? yesNo
        var notEmergent = 0
        var firstNotEmergent: Int?
        for row in 0..<data.rowCount {
            let isEmergent = emergent.map { code($0, row, yesNo, required: false) } ?? .some(true)
            guard case .some(let flag) = isEmergent else { continue }
            if flag != true {
                notEmergent += 1
                if firstNotEmergent == nil { firstNotEmergent = row }
                continue
            }
            let before = problems.count
            var participant: Int32 = -1
            if let id, let subject = text(id, row) {
                if let index = participants.index(of: subject) { participant = Int32(index) } else {
                    problems.append((row, id, Message.unknownParticipant(subject, subjects: layout.subjects)))
                }
            }
            let termText = text(term, row), bodySystemText = text(bodySystem, row)
            let grade = code(severity, row, severities), isSerious = code(serious, row, yesNo)
            let isRelated = related.map { code($0, row, relatedCodes, required: false) } ?? .some(nil)
            guard hasEveryVariable, problems.count == before, let termText, let bodySystemText, case .some(let grade?) = grade,
                  case .some(let isSerious?) = isSerious, case .some(let relatedValue) = isRelated else { continue }
            table.participant.append(participant)
            table.term.append(Int32(table.terms.insert(termText).index))
            table.bodySystem.append(Int32(table.bodySystems.insert(bodySystemText).index))
            table.severity.append(grade)
            table.serious.append(isSerious)
            table.studyDay.append(day.flatMap { data.columns[$0].numbers?[row] } ?? .nan)
            table.related.append(relatedValue)
        }
        log.addErrors(problems, locate: { data.locations(of: $0.map { ($0.row, $0.column) }) }, message: \.message)
        if let firstNotEmergent, let emergent {
            let location = data.locations(of: [(firstNotEmergent, emergent)])[0]
            log.add(.warning, location, Message.notTreatmentEmergent(notEmergent, flag: data.columns[emergent].name))
        }
    }
}
