import Testing
@testable import TrialData

/// adlb.csv read in two halves on two threads gives the table, the lines and the diagnostics of
/// one pass: rows left out in both halves, codes and visits first met in the second half, a
/// quoted line break across the cut (the second half read again from where the first stopped).
@Suite("adlb.csv in two halves")
struct MeasurementHalvesTests {
    private static let adsl = CSVFile(name: "adsl.csv", bytes: Array((["USUBJID,ARM,AGE,AGEDX,SEX,BMI,DIABDUR,MSCDOSE,LASTMO"]
        + (1...40).map { "P\($0),\($0 % 2 == 0 ? "UC-MSC" : "Control"),20,19,F,22.0,5,\($0 % 2 == 0 ? "3.1" : ""),12" })
        .joined(separator: "\n").utf8))

    /// The rows of adlb.csv: every participant's C-peptide at five visits, with problems sprinkled in.
    fileprivate static func adlb(quotedLineBreakAt quoted: Int?) -> CSVFile {
        var lines = ["USUBJID,PARAMCD,AVISITN,AVAL,AVALU"]
        for participant in 1...40 {
            for visit in [0, 3, 6, 9, 12] {
                let row = lines.count
                let code = row > 150 && row % 17 == 0 ? "LATECODE" : "CPEPF"
                let visitNumber = row > 120 && row % 23 == 0 ? "15" : "\(visit)"
                let value = row % 29 == 0 ? "n/a" : "\(400 + row % 50).5"
                let unit = row == quoted ? "\"pmol/\nL\"" : "pmol/L"
                lines.append("P\(participant),\(code),\(visitNumber),\(value),\(unit)")
                if row % 31 == 0 { lines.append("") }
            }
        }
        lines.append("P7,CPEPF,0,401.5,pmol/L")  // a duplicate, in the second half
        return CSVFile(name: "adlb.csv", bytes: Array(lines.joined(separator: "\n").utf8))
    }

    private static func read(_ file: CSVFile, sectionSize: Int) -> (MeasurementReader, [String]) {
        var adslLog = adsl.headerDiagnostics
        let participants = ParticipantReader(adsl, expectations: .seedStudy, &adslLog)
        let lookup = ParticipantLookup(ids: participants.table.ids, unreadable: participants.unreadable, isAvailable: true)
        var log = file.headerDiagnostics
        let reader = MeasurementReader(file, expectations: .seedStudy, participants: lookup,
                                       participantCount: participants.table.count,
                                       sections: file.countedSections(count: 2, minimumSectionSize: sectionSize), &log)
        return (reader, log.diagnostics.map(\.description))
    }

    @Test func twoHalvesReadAsOne() {
        expectOnePass(Self.adlb(quotedLineBreakAt: nil))
    }

    /// The cut between the halves falls after the line break inside a quoted unit.
    @Test func aQuotedLineBreakAtTheCut() throws {
        let straddling = (60...200).lazy.map { Self.adlb(quotedLineBreakAt: $0) }.first { file in
            let cut = file.sections(count: 2, minimumSectionSize: 1_000)[1].start
            return Array(file.contents.bytes[cut...].prefix(2)) == Array("L\"".utf8)
        }
        expectOnePass(try #require(straddling))
    }

    private func expectOnePass(_ file: CSVFile) {
        #expect(file.sections(count: 2, minimumSectionSize: 1_000).count == 2)
        let (whole, wholeDiagnostics) = Self.read(file, sectionSize: 1 << 24)
        let (halves, halvesDiagnostics) = Self.read(file, sectionSize: 1_000)
        #expect(whole.table.count > 150)
        #expect(halves.table.participant == whole.table.participant)
        #expect(halves.table.parameter == whole.table.parameter)
        #expect(halves.table.visit == whole.table.visit)
        #expect(halves.table.value.map(\.bitPattern) == whole.table.value.map(\.bitPattern))
        #expect(halves.table.visits == whole.table.visits)
        #expect((0..<halves.table.parameterCodes.count).map { halves.table.parameterCodes[$0] }
            == (0..<whole.table.parameterCodes.count).map { whole.table.parameterCodes[$0] })
        #expect((0..<whole.table.count).map { halves.lines[$0] } == (0..<whole.table.count).map { whole.lines[$0] })
        #expect(halves.rowCount == whole.rowCount)
        #expect(halves.baselinesSeen == whole.baselinesSeen)
        #expect(halvesDiagnostics == wholeDiagnostics)
        #expect(wholeDiagnostics.count >= 3)
    }
}
