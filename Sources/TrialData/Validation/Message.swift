/// Every message TrialData shows a user, in one place: plain English, exact and short.
/// Values taken from the data are shown in double quotes (see `quoted`).
enum Message {
    // MARK: Files

    static func missingFile(in directory: String) -> String { "required file not found in \(directory)" }
    static func missingDirectory(_ directory: String) -> String { "study folder not found: \(directory)" }
    static func unreadableFile(_ reason: String) -> String { "cannot read the file: \(reason)" }
    /// - Parameter kind: what the path is instead (`a folder`), when known.
    static func notARegularFile(_ kind: String?) -> String {
        "the path is \(kind.map { $0 + ", " } ?? "")not a regular file (only regular files are read)"
    }
    static func fileTooLarge(_ size: Int, limit: Int) -> String {
        "the file has \(size) bytes, more than the limit of \(limit) bytes"
    }

    // MARK: CSV form

    static let emptyFile = "the file is empty"
    static let utf16File = "the file is UTF-16; save it as UTF-8"
    static let noHeader = "no header row: the first line is empty"
    static let unterminatedQuote = "unterminated quoted field: the quote opened here is never closed"
    static let strayQuote = "stray quote in an unquoted field (quote the whole field and double the quote)"
    static let textAfterClosingQuote = "text after the closing quote of a quoted field"
    static let nulByte = "NUL byte (is this a binary or UTF-16 file?)"
    static func invalidUTF8(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8"
    }
    static func tooManyFields(_ count: Int, _ expected: Int) -> String {
        "row has \(count) fields but the header has \(expected)"
    }
    static func tooFewFields(_ count: Int, _ expected: Int, missing: [String]) -> String {
        "row has \(count) \(count == 1 ? "field" : "fields") but the header has \(expected) (no \(missing.joined(separator: ", ")))"
    }
    static func fieldTooLong(_ byteCount: Int, limit: Int) -> String {
        "the value has \(byteCount) bytes, more than the \(limit) a value may have (ADaM values hold at most 200 characters)"
    }
    static func tooManyColumns(_ count: Int, limit: Int) -> String {
        "the header has \(count) columns, more than the \(limit) a file may have; its rows are not read"
    }
    static func moreNotShown(_ count: Int, _ severity: Diagnostic.Severity) -> String {
        "\(count) more \(plural(severity.rawValue, count)) in this file not shown"
    }

    // MARK: Header

    static func missingColumn(_ name: String) -> String { "missing required column \(name)" }
    static func missingPlanColumn(_ name: String) -> String { "missing column \(name), which the analysis plan uses" }
    static func duplicateColumn(_ name: String, firstColumn: Int) -> String {
        "duplicate column \(name) (also column \(firstColumn))"
    }
    static let emptyColumnName = "empty column name"
    /// One warning for every column nobody uses.
    static func unexpectedColumns(_ names: [String]) -> String {
        names.count == 1 ? "unexpected column \(quoted(names[0])) is kept but not used"
            : "unexpected columns \(abbreviatedList(names.count) { quoted(names[$0]) }) are kept but not used"
    }
    static func headerLooksLikeData(expected: [String]) -> String {
        "no header row: the first line looks like data (expected columns \(expected.joined(separator: ", ")))"
    }
    static func wrongSeparator(_ separator: String) -> String {
        "the header is one column holding \(separator) characters: the separator must be a comma"
    }

    // MARK: Cells

    static func missingValue(_ column: String) -> String { "\(column) is missing" }
    static func notANumber(_ column: String, _ text: String) -> String { "\(column) \(quoted(text)) is not a number" }
    static func negative(_ column: String, _ text: String) -> String { "\(column) \(text) is negative" }
    static func negativeMeasurement(_ parameter: String, _ text: String) -> String {
        "AVAL \(text) is negative; \(parameter) cannot be negative"
    }
    static func notOneOf(_ column: String, _ text: String, allowed: [String], orBlank: Bool = false) -> String {
        "\(column) \(quoted(text)) must be \(list(allowed.map(quoted) + (orBlank ? ["blank"] : [])))"
    }
    static func duplicateParticipant(_ id: String, firstLine: Int) -> String {
        "duplicate USUBJID \(quoted(id)) (first on line \(firstLine))"
    }
    static func unknownParticipant(_ id: String, subjects: String = "adsl.csv") -> String {
        "unknown USUBJID \(quoted(id)) (not in \(subjects))"
    }
    static func notTreatmentEmergent(_ count: Int, flag: String) -> String {
        "\(count) \(count == 1 ? "event is" : "events are") not treatment-emergent (\(flag) not Y) and not analysed; this is the first"
    }
    static func unknownArm(_ arm: String, variable: String = "ARM", arms: [String]) -> String {
        "\(variable) \(quoted(arm)) is not an arm of the analysis plan (\(list(arms.map(quoted))))"
    }
    static func duplicateParticipant(_ id: String, firstRow: Int) -> String {
        "duplicate USUBJID \(quoted(id)) (first in row \(firstRow))"
    }
    static func missingVariable(_ name: String, suggestion: String?) -> String {
        "missing variable \(name), which the analysis plan uses" + (suggestion.map { "; did you mean \($0)?" } ?? "")
    }
    /// One warning for every parameter code the plan does not know.
    static func unknownParameters(_ codes: [String]) -> String {
        codes.count == 1 ? "PARAMCD \(quoted(codes[0])) is not a parameter of the analysis plan; its rows are kept but not analysed"
            : "PARAMCD \(abbreviatedList(codes.count) { quoted(codes[$0]) }) are not parameters of the analysis plan; "
                + "their rows are kept but not analysed"
    }
    static func unitMismatch(_ unit: String, parameter: String, expected: String) -> String {
        "AVALU \(quoted(unit)) is not the unit of \(parameter) in the analysis plan (\(quoted(expected)))"
    }
    static func duplicateMeasurement(_ id: String, _ parameter: String, visit: String, firstLine: Int) -> String {
        "duplicate \(parameter) at AVISITN \(visit) for USUBJID \(quoted(id)) (first on line \(firstLine))"
    }
    static func diagnosisAfterEnrolment(ageAtDiagnosis: String, age: String) -> String {
        "AGEDX \(ageAtDiagnosis) is greater than AGE \(age)"
    }
    static func episodeEndsBeforeStart(end: String, start: String) -> String {
        "ENDMO \(end) is before STARTMO \(start)"
    }
    /// One warning for every participant without a baseline value of `parameter`.
    /// - Parameters:
    ///   - count: how many participants.
    ///   - id: the USUBJID of the participant at a position (only the first few are asked).
    static func noBaseline(_ count: Int, _ id: (Int) -> String, parameter: String, visit: String) -> String {
        "USUBJID \(abbreviatedList(count) { quoted(id($0)) }) \(count == 1 ? "has" : "have") no baseline \(parameter) "
            + "(AVISITN \(visit)) in adlb.csv: remission follows the plan's missing-data rule"
    }
    static func notNumericVariable(_ name: String) -> String { "\(name) must be numeric: it holds text" }
    static func secondBaseline(_ parameter: String, _ id: String, firstRecord: Int) -> String {
        "a second baseline record (ABLFL = Y) of \(parameter) for USUBJID \(quoted(id)) (the first is in row \(firstRecord))"
    }
    static func derivedValueDisagrees(_ name: String, expected: String, count: Int) -> String {
        "\(name) differs from \(expected) beyond rounding in \(count) \(count == 1 ? "record" : "records"); this is the first"
    }
    static let noParticipants = "no participants: the file has a header but no rows"
    static let noMeasurements = "no measurements: the file has a header but no rows"
    /// A measurements file with more distinct values of `variable` than `MeasurementTable.distinctLimit`.
    static func tooManyDistinct(_ variable: String) -> String {
        "more than \(MeasurementTable.distinctLimit) distinct \(variable) values in one file: TrialReport reads at most that many"
    }

    // MARK: SAS transport files (.xpt)

    static let transportNotXPT = "not a SAS transport file (XPT): the first record is not its library header"
    static let transportVersion8 = "a SAS transport file of version 8; only version 5 (the FDA's format) is read"
    static func transportCutShort(_ count: Int) -> String {
        "the file ends \(count) bytes into this record: it is cut short (transport files are whole 80-byte records)"
    }
    static func transportDatasetCount(_ names: [String]) -> String {
        names.isEmpty ? "the transport file holds no dataset; a study file holds one"
            : "the transport file holds \(names.count) datasets (\(list(names.map(quoted)))); a study file holds one"
    }
    static func transportEndsBefore(_ what: String) -> String { "the file ends before \(what): it is cut short" }
    static func transportMissingHeader(_ name: String) -> String { "expected the \(name) header record here" }
    static func transportNamestrSize(_ text: String) -> String {
        "NAMESTR records of \(quoted(text)) bytes; a transport file has 140 (or 136 from VAX/VMS)"
    }
    static func transportVariableCount(_ text: String) -> String { "the number of variables \(quoted(text)) is not a number" }
    static let transportNoVariables = "the dataset has no variables"
    static func transportUnnamedVariable(_ number: Int) -> String { "variable number \(number) has no name" }
    static func transportVariableType(_ name: String, _ type: Int) -> String {
        "variable \(name): type \(type) is neither 1 (numeric) nor 2 (character)"
    }
    static func transportNumericLength(_ name: String, _ length: Int) -> String {
        "variable \(name): a numeric variable of \(length) bytes; SAS stores numbers in 2 to 8 bytes"
    }
    static func transportTextLength(_ name: String, _ length: Int) -> String {
        "variable \(name): a character variable of \(length) bytes; it needs at least 1"
    }
    static func transportDuplicateVariable(_ name: String, firstNumber: Int) -> String {
        "duplicate variable \(name) (also variable number \(firstNumber))"
    }
    static func transportVariablePastObservation(_ name: String, position: Int, length: Int, observationLength: Int) -> String {
        "variable \(name): position \(position) and length \(length) run past the observation of \(observationLength) bytes"
    }
    static func transportIncompleteObservation(_ count: Int, _ length: Int) -> String {
        "the last observation has \(count) of its \(length) bytes: the file is cut short or a variable's length is wrong"
    }

    // MARK: Formatting

    /// Data text in double quotes, on one line (control characters escaped), shortened past 40 characters.
    static func quoted(_ text: String) -> String {
        var shown = ""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == 40 { shown += "…"; break }
            TerminalText.append(scalar, to: &shown)
        }
        return "\"\(shown)\""
    }

    /// A number as a person writes it: `12`, `1.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `word`, or `word` + `s` unless `count` is 1.
    static func plural(_ word: String, _ count: Int) -> String { count == 1 ? word : word + "s" }

    /// `1 error`, `2 errors`.
    static func counted(_ count: Int, _ word: String) -> String { "\(count) \(plural(word, count))" }

    /// The first few of `count` items: `a`, `a and b`, `a, b, c and d`, else `a, b, c and 7 more`.
    static func abbreviatedList(_ count: Int, _ item: (Int) -> String) -> String {
        precondition(count > 0, "a list of at least one item")
        let shown = count <= 4 ? count : 3
        let items = (0..<shown).map(item)
        if shown == count {
            return count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items[shown - 1]
        }
        return items.joined(separator: ", ") + " and \(count - shown) more"
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }
}
