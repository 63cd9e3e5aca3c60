import Testing
@testable import TrialData

/// adlb.csv's plain records (unquoted printable ASCII, `CSVScanner.nextPlainRecord`) are read by
/// a fast path that takes a record only when every check passes; everything else goes through
/// the checked path. Read with every record plain where it can be, and again with every record
/// made non-plain (a quoted last column), the same file gives the same table, lines, baselines
/// and diagnostics, whatever problems its rows hold.
@Suite("adlb.csv: the plain-record path")
struct PlainRecordPathTests {
    /// The participants P1…P40 (`MeasurementSectionsTests.adsl`).
    private static let adsl = MeasurementSectionsTests.adsl

    /// Each column's values, right ones most often, with the problems a file can hold.
    private static let ids = (1...30).map { "P\($0)" } + ["Q9", "", "NA", "P 1", "p1"]
    private static let codes = ["CPEPF", "CPEPP", "HBA1C", "INSDOSE", "CPEPF", "CPEPF", "XYZ", "", "NA", "cpepf", "CPEPF "]
    private static let visits = ["0", "3", "6", "9", "12", "0", "3", "-3", "1e1", " 6", "", "NA", "n/a", "6.0", "0.5", "1e400"]
    private static let values = ["400.5", "0", "12.25", "7", "-2.5", "-0", "", "NA", "abc", "1e400", "3.1e2", "00012.50",
                                 "123456789", "0.000001", "5.", ".5", "-", "."]
    private static let units = ["pmol/L", "%", "IU/kg/day", "pmol/L", "", "NA", "mmol/L", "pmol/L "]

    /// `count` random rows (a fixed seed) of adlb with a last column `NOTE`, quoted or not;
    /// some rows with a tab, a non-ASCII unit, a quoted field, too few or too many fields, CRLF.
    private static func adlb(rows count: Int, seed: UInt64, quotedNote: Bool) -> CSVFile {
        var state = seed
        func next() -> UInt64 {  // a linear congruential generator (Knuth's MMIX constants), high bits
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        func pick(_ values: [String], rightOnes: Int) -> String {
            let draw = Int(next() % UInt64(values.count + 3 * rightOnes))
            return draw < values.count ? values[draw] : values[draw % rightOnes]
        }
        let note = quotedNote ? "\"x\"" : "x"
        var text = "USUBJID,PARAMCD,AVISITN,AVAL,AVALU,NOTE\n"
        var participant = 1
        for _ in 0..<count {
            if next() % 7 == 0 { participant = participant % 30 + 1 }
            var id = "P\(participant)"
            if next() % 10 == 0 { id = pick(ids, rightOnes: 0) }
            let code = pick(codes, rightOnes: 4)
            var unit = ["CPEPF": "pmol/L", "CPEPP": "pmol/L", "HBA1C": "%", "INSDOSE": "IU/kg/day"][code] ?? "pmol/L"
            if next() % 6 == 0 { unit = pick(units, rightOnes: 0) }
            var fields = [id, code, pick(visits, rightOnes: 5), pick(values, rightOnes: 4), unit, note]
            switch next() % 40 {
            case 0: fields[4] = "pmol\t/L"
            case 1: fields[4] = "pmol/Lé"
            case 2: fields[0] = "\"\(fields[0])\""
            case 3: fields.removeLast(2)
            case 4: fields.insert("extra", at: 5)  // before NOTE, which starts where it did
            case 5: fields[3] = "\"4\"\"5\""
            default: break
            }
            text += fields.joined(separator: ",") + (next() % 9 == 0 ? "\r\n" : "\n")
            if next() % 50 == 0 { text += "\n" }
        }
        return CSVFile(name: "adlb.csv", bytes: Array(text.utf8))
    }

    private static func read(_ file: CSVFile, sectionCount: Int) -> (MeasurementReader, [String]) {
        var adslLog = adsl.headerDiagnostics
        let participants = ParticipantReader(adsl, expectations: .seedStudy, &adslLog)
        let lookup = ParticipantLookup(ids: participants.table.ids, unreadable: participants.unreadable, isAvailable: true)
        var log = DiagnosticLog(file: file.name, limit: 100_000)
        log.add(contentsOf: file.headerDiagnostics)
        let reader = MeasurementReader(file, expectations: .seedStudy, participants: lookup, participantCount: participants.table.count,
                                       sections: file.countedSections(count: sectionCount, minimumSectionSize: 4096), &log)
        return (reader, log.diagnostics.map(\.description))
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
}
