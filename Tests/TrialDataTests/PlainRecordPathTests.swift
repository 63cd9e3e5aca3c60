import Testing
@testable import TrialData

/// adsl.csv's, adlb.csv's and adae.csv's plain records (unquoted printable ASCII, `CSVScanner.nextPlainRecord`)
/// are read by a fast path that takes a record only when every check passes; everything else goes
/// through the checked path. Read with every record plain where it can be, and again with every
/// record made non-plain (a quoted last column), the same file gives the same table (and lines,
/// baselines) and diagnostics, whatever problems its rows hold.
@Suite("adsl.csv, adlb.csv and adae.csv: the plain-record path")
struct PlainRecordPathTests {
    /// The participants P1…P40 (`MeasurementSectionsTests.adsl`).
    private static let adsl = MeasurementSectionsTests.adsl

    /// Each column's values, right ones most often, with the problems a file can hold.
    fileprivate static let ids = (1...30).map { "P\($0)" } + ["Q9", "", "NA", "P 1", "p1"]
    private static let codes = ["CPEPF", "CPEPP", "HBA1C", "INSDOSE", "CPEPF", "CPEPF", "XYZ", "", "NA", "cpepf", "CPEPF "]
    private static let visits = ["0", "3", "6", "9", "12", "0", "3", "-3", "1e1", " 6", "", "NA", "n/a", "6.0", "0.5", "1e400"]
    private static let values = ["400.5", "0", "12.25", "7", "-2.5", "-0", "", "NA", "abc", "1e400", "3.1e2", "00012.50",
                                 "123456789", "0.000001", "5.", ".5", "-", "."]
    private static let units = ["pmol/L", "%", "IU/kg/day", "pmol/L", "", "NA", "mmol/L", "pmol/L "]

    /// A linear congruential generator (Knuth's MMIX constants), its high bits; a fixed seed.
    private struct Draws {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }

        /// One of `values`; the first `rightOnes` of them three times as often as the others.
        mutating func pick(_ values: [String], rightOnes: Int) -> String {
            let draw = Int(next() % UInt64(values.count + 3 * rightOnes))
            return draw < values.count ? values[draw] : values[draw % rightOnes]
        }

        /// `fields`, sometimes spoiled — a tab or a non-ASCII letter in field `text`, a quoted first field,
        /// two fields too few, one too many (before the last, whose start stays put), doubled quotes in
        /// field `number` — joined into a line ended by LF or CRLF, sometimes followed by a blank line.
        mutating func line(_ fields: [String], text: Int, number: Int) -> String {
            var fields = fields
            switch next() % 40 {
            case 0: fields[text] += "\t/x"
            case 1: fields[text] += "é"
            case 2: fields[0] = "\"\(fields[0])\""
            case 3: fields.removeLast(2)
            case 4: fields.insert("extra", at: fields.count - 1)
            case 5: fields[number] = "\"4\"\"5\""
            default: break
            }
            return fields.joined(separator: ",") + (next() % 9 == 0 ? "\r\n" : "\n") + (next() % 50 == 0 ? "\n" : "")
        }

        /// A participant id: mostly the current one, moving on now and then; sometimes a problem.
        mutating func participant(_ current: inout Int) -> String {
            if next() % 7 == 0 { current = current % 30 + 1 }
            return next() % 10 == 0 ? pick(PlainRecordPathTests.ids, rightOnes: 0) : "P\(current)"
        }
    }

    /// A file of `count` random rows (`row` draws each row's fields), with a last column `NOTE`
    /// quoted or not; `line` spoils field `text` and field `number` now and then (`Draws.line`).
    private static func file(_ name: String, header: String, rows count: Int, seed: UInt64, quotedNote: Bool,
                             text: Int, number: Int, row: (inout Draws) -> [String]) -> CSVFile {
        var draws = Draws(state: seed)
        var content = header + ",NOTE\n"
        for _ in 0..<count {
            content += draws.line(row(&draws) + [quotedNote ? "\"x\"" : "x"], text: text, number: number)
        }
        return CSVFile(name: name, bytes: Array(content.utf8))
    }

    /// `file`'s diagnostics (every one kept) and what `read` makes of it.
    private static func read<Reader>(_ file: CSVFile, _ read: (inout DiagnosticLog) -> Reader) -> (Reader, [String]) {
        var log = DiagnosticLog(file: file.name, limit: 100_000)
        log.add(contentsOf: file.headerDiagnostics)
        let reader = read(&log)
        return (reader, log.diagnostics.map(\.description))
    }

    /// The participants of `adsl`, as the readers of the other files look them up, and their count.
    private static let participants: (lookup: ParticipantLookup, count: Int) = {
        var log = adsl.headerDiagnostics
        let participants = ParticipantReader(adsl, expectations: .seedStudy, &log)
        return (ParticipantLookup(ids: participants.table.ids, unreadable: participants.unreadable, isAvailable: true),
                participants.table.count)
    }()

    /// `count` random rows of adlb.
    private static func adlb(rows count: Int, seed: UInt64, quotedNote: Bool) -> CSVFile {
        var participant = 1
        return file("adlb.csv", header: "USUBJID,PARAMCD,AVISITN,AVAL,AVALU", rows: count, seed: seed, quotedNote: quotedNote,
                    text: 4, number: 3) { draws in
            let id = draws.participant(&participant)
            let code = draws.pick(codes, rightOnes: 4)
            var unit = ["CPEPF": "pmol/L", "CPEPP": "pmol/L", "HBA1C": "%", "INSDOSE": "IU/kg/day"][code] ?? "pmol/L"
            if draws.next() % 6 == 0 { unit = draws.pick(units, rightOnes: 0) }
            return [id, code, draws.pick(visits, rightOnes: 5), draws.pick(values, rightOnes: 4), unit]
        }
    }

    private static func read(_ file: CSVFile, sectionCount: Int) -> (MeasurementReader, [String]) {
        read(file) { log in
            MeasurementReader(file, expectations: .seedStudy, participants: participants.lookup, participantCount: participants.count,
                              sections: file.countedSections(count: sectionCount, minimumSectionSize: 4096), &log)
        }
    }

    @Test(arguments: [(1, 1), (2, 1), (3, 2), (4, 2)])
    func plainRecordsReadAsTheCheckedPathReadsThem(seed: UInt64, sectionCount: Int) {
        let (plain, plainDiagnostics) = Self.read(Self.adlb(rows: 4000, seed: seed, quotedNote: false), sectionCount: sectionCount)
        let (checked, checkedDiagnostics) = Self.read(Self.adlb(rows: 4000, seed: seed, quotedNote: true), sectionCount: sectionCount)
        #expect(checked.table.count > 1000)
        #expect(checkedDiagnostics.count > DiagnosticLog.defaultLimit)  // as many as a file keeps, and a count of the rest
        #expect(plain.table.participant == checked.table.participant)
        #expect(plain.table.parameter == checked.table.parameter)
        #expect(plain.table.visit == checked.table.visit)
        #expect(plain.table.value.map(\.bitPattern) == checked.table.value.map(\.bitPattern))
        #expect(plain.table.visits == checked.table.visits)
        #expect((0..<plain.table.parameterCodes.count).map { plain.table.parameterCodes[$0] }
            == (0..<checked.table.parameterCodes.count).map { checked.table.parameterCodes[$0] })
        #expect((0..<checked.table.count).map { plain.lines[$0] } == (0..<checked.table.count).map { checked.lines[$0] })
        #expect(plain.rowCount == checked.rowCount)
        #expect(plain.baselinesSeen == checked.baselinesSeen)
        #expect(plainDiagnostics == checkedDiagnostics)
    }

    /// `count` random rows of adae.
    private static func adae(rows count: Int, seed: UInt64, quotedNote: Bool) -> CSVFile {
        var participant = 1
        return file("adae.csv", header: "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AESTDY,AEREL", rows: count, seed: seed,
                    quotedNote: quotedNote, text: 1, number: 5) { draws in
            [draws.participant(&participant),
             draws.pick(["Headache", "Nausea", "Rash", "", "NA", "Fever"], rightOnes: 3),
             draws.pick(["Nervous system disorders", "Skin disorders", "", "NA"], rightOnes: 2),
             draws.pick(["MILD", "MODERATE", "SEVERE", "", "NA", "mild", "GRAVE"], rightOnes: 3),
             draws.pick(["Y", "N", "", "NA", "YES", "y"], rightOnes: 2),
             draws.pick(["12", "-3", "0", "", "NA", "day 4", "1e400", "3.5"], rightOnes: 3),
             draws.pick(["Y", "N", "", "NA", "U"], rightOnes: 2)]
        }
    }

    private static func readEvents(_ file: CSVFile) -> (AdverseEventReader, [String]) {
        read(file) { AdverseEventReader(file, participants: participants.lookup, &$0) }
    }

    @Test(arguments: [1, 2, 3])
    func plainEventsReadAsTheCheckedPathReadsThem(seed: UInt64) {
        let (plain, plainDiagnostics) = Self.readEvents(Self.adae(rows: 4000, seed: seed, quotedNote: false))
        let (checked, checkedDiagnostics) = Self.readEvents(Self.adae(rows: 4000, seed: seed, quotedNote: true))
        let (table, expected) = (plain.table, checked.table)
        #expect(expected.count > 500)
        #expect(checkedDiagnostics.count > 1000)
        #expect(table.participant == expected.participant)
        #expect(table.term == expected.term)
        #expect(table.bodySystem == expected.bodySystem)
        #expect(table.severity == expected.severity)
        #expect(table.serious == expected.serious)
        #expect(table.studyDay.map(\.bitPattern) == expected.studyDay.map(\.bitPattern))
        #expect(table.related == expected.related)
        #expect((0..<table.terms.count).map { table.terms[$0] } == (0..<expected.terms.count).map { expected.terms[$0] })
        #expect((0..<table.bodySystems.count).map { table.bodySystems[$0] }
            == (0..<expected.bodySystems.count).map { expected.bodySystems[$0] })
        #expect(plain.rowCount == checked.rowCount)
        #expect(plainDiagnostics == checkedDiagnostics)
    }

    /// `count` random rows of adsl with a text column `SITE`: ids mostly ascending, sometimes
    /// repeated, out of order or missing.
    private static func adsl(rows count: Int, seed: UInt64, quotedNote: Bool) -> CSVFile {
        var next = 1
        return file("adsl.csv", header: "USUBJID,ARM,AGE,AGEDX,SEX,BMI,SITE,DIABDUR,MSCDOSE,LASTMO", rows: count, seed: seed,
                    quotedNote: quotedNote, text: 6, number: 2) { draws in
            var id = "S\(String(next + 100_000))"
            switch draws.next() % 30 {
            case 0: id = "S\(String(max(100_001, next + 99_990)))"  // earlier: out of order, or a duplicate
            case 1: id = draws.pick(["", "NA"], rightOnes: 0)
            default: next += 1
            }
            return [id, draws.pick(["UC-MSC", "Control", "", "NA", "Placebo", "uc-msc"], rightOnes: 2),
                    draws.pick(["34", "17.5", "", "NA", "-1", "old", "0"], rightOnes: 2),
                    draws.pick(["12", "16", "", "NA", "40", "-2", "1e400"], rightOnes: 2),
                    draws.pick(["M", "F", "", "NA", "X", "f"], rightOnes: 2),
                    draws.pick(["22.5", "", "NA", "-3", "thin"], rightOnes: 1),
                    draws.pick(["Beijing", "001", "", "NA", "Site 7", "12"], rightOnes: 3),
                    draws.pick(["5", "0.5", "", "NA", "-5"], rightOnes: 2),
                    draws.pick(["3.1", "", "NA", "1e2", "x"], rightOnes: 2),
                    draws.pick(["12", "", "NA", "-12"], rightOnes: 1)]
        }
    }

    /// A column's values as text, to compare.
    private static func values(_ column: DataColumn) -> [String] {
        switch column.values {
        case .numbers(let numbers): numbers.map { "\($0.bitPattern)" }
        case .text(let codes, let levels): codes.map { $0 < 0 ? "-" : levels[Int($0)] }
        }
    }

    @Test(arguments: [1, 2, 3])
    func plainParticipantsReadAsTheCheckedPathReadsThem(seed: UInt64) {
        func read(_ file: CSVFile) -> (ParticipantReader, [String]) {
            Self.read(file) { ParticipantReader(file, expectations: .seedStudy, &$0) }
        }
        let (plain, plainDiagnostics) = read(Self.adsl(rows: 3000, seed: seed, quotedNote: false))
        let (checked, checkedDiagnostics) = read(Self.adsl(rows: 3000, seed: seed, quotedNote: true))
        let (table, expected) = (plain.table, checked.table)
        #expect(expected.count > 500)
        #expect(checkedDiagnostics.count > 1000)
        #expect((0..<table.ids.count).map { table.ids[$0] } == (0..<expected.ids.count).map { expected.ids[$0] })
        #expect(table.arm == expected.arm)
        #expect(table.columns.map(\.name) == expected.columns.map(\.name))
        #expect(table.columns.map(Self.values) == expected.columns.map(Self.values))
        #expect(plain.lines == checked.lines)
        #expect(plain.unreadable.strings == checked.unreadable.strings)
        #expect(plain.rowCount == checked.rowCount)
        #expect(plainDiagnostics == checkedDiagnostics)
        // The ids were looked up after the file, as they are in a render.
        #expect(plain.table.ids.index(of: "S100001") == checked.table.ids.index(of: "S100001"))
    }
}
