import Testing
@testable import TrialData

/// adlb.csv read in sections on two threads gives the table, the lines and the diagnostics of
/// one pass: rows left out in several sections, codes and visits first met in later ones, a
/// quoted line break across a cut (the rest of the file read again from where the section before
/// stopped).
@Suite("adlb.csv in sections")
struct MeasurementSectionsTests {
    /// Participants P1…P40.
    static let adsl = CSVFile(name: "adsl.csv", bytes: Array((["USUBJID,ARM,AGE,AGEDX,SEX,BMI,DIABDUR,MSCDOSE,LASTMO"]
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

    private static func read(_ file: CSVFile, sections: CountedSections) -> (MeasurementReader, [String]) {
        var adslLog = adsl.headerDiagnostics
        let participants = ParticipantReader(adsl, expectations: .seedStudy, &adslLog)
        let lookup = ParticipantLookup(ids: participants.table.ids, unreadable: participants.unreadable, isAvailable: true)
        var log = file.headerDiagnostics
        let reader = MeasurementReader(file, expectations: .seedStudy, participants: lookup,
                                       participantCount: participants.table.count, sections: sections, &log)
        return (reader, log.diagnostics.map(\.description))
    }

    /// Sections of at least this many bytes: the file of about 6 KB in up to 32 sections.
    private static let sectionSize = 100

    @Test(arguments: [2, 7, 32])
    func sectionsReadAsOne(count: Int) {
        expectOnePass(Self.adlb(quotedLineBreakAt: nil), sectionCount: count)
    }

    /// Visits met in descending order (each participant's from month 12 down), a later section
    /// meeting them in another order than the first: every row's visit index names its AVISITN
    /// among the table's visits, which are ascending.
    @Test(arguments: [1, 3, 7])
    func visitsMetOutOfOrderAreIndexedInAscendingOrder(count: Int) {
        var lines = ["USUBJID,PARAMCD,AVISITN,AVAL,AVALU"]
        for participant in 1...40 {
            let visits = participant < 20 ? [12, 9, 6, 3, 0] : [0, 6, 3, 12, 9]
            lines += visits.map { "P\(participant),\(participant % 3 == 0 ? "CPEPP" : "CPEPF"),\($0),400.5,pmol/L" }
        }
        let file = CSVFile(name: "adlb.csv", bytes: Array(lines.joined(separator: "\n").utf8))
        let (reader, diagnostics) = Self.read(file, sections: file.countedSections(count: count, minimumSectionSize: Self.sectionSize))
        #expect(!diagnostics.contains { $0.contains("error") })
        #expect(reader.table.visits == [0, 3, 6, 9, 12] && reader.table.count == 200)
        for row in 0..<reader.table.count {
            let fields = lines[reader.lines[row] - 1].split(separator: ",")
            #expect(reader.table.visits[Int(reader.table.visit[row])] == Double(fields[2]), "row \(row)")
            #expect(reader.table.parameterCodes[Int(reader.table.parameter[row])] == fields[1], "row \(row)")
        }
    }

    /// A visit met only in rows that are not kept (a value missing, negative or in another unit) is
    /// not among the table's visits; one met again in a kept row is.
    @Test func visitsOfRowsNotKeptAreNotTheTables() {
        let lines = ["USUBJID,PARAMCD,AVISITN,AVAL,AVALU", "P1,CPEPF,0,400.5,pmol/L", "P1,CPEPF,15,n/a,pmol/L", "P1,CPEPF,3,-5,pmol/L",
                     "P1,CPEPF,21,400,mg", "P1,CPEPF,6,410,pmol/L", "P2,CPEPF,3,-1,pmol/L", "P2,CPEPF,3,390,pmol/L"]
        let file = CSVFile(name: "adlb.csv", bytes: Array(lines.joined(separator: "\n").utf8))
        let (reader, diagnostics) = Self.read(file, sections: file.countedSections(count: 1))
        #expect(diagnostics.filter { $0.contains("error") }.count == 4)
        #expect(reader.table.visits == [0, 3, 6] && reader.table.count == 3)
    }

    /// A cut between sections falls after the line break inside a quoted unit.
    @Test(arguments: [2, 7])
    func aQuotedLineBreakAtACut(count: Int) throws {
        let straddling = (60...200).lazy.map { Self.adlb(quotedLineBreakAt: $0) }.first { file in
            file.sections(count: count, minimumSectionSize: Self.sectionSize).dropFirst().contains { section in
                Array(file.contents.bytes[section.start...].prefix(2)) == Array("L\"".utf8)
            }
        }
        expectOnePass(try #require(straddling), sectionCount: count)
    }

    /// Rows of 70,000 distinct PARAMCD values (or AVISITN values): more than the table indexes.
    private static func adlb(distinct variable: String) -> CSVFile {
        let lines = ["USUBJID,PARAMCD,AVISITN,AVAL,AVALU"] + (0..<70_000).map { index in
            variable == "PARAMCD" ? "P1,X\(index),0,1.5,pmol/L" : "P1,CPEPF,\(index),1.5,pmol/L"
        }
        return CSVFile(name: "adlb.csv", bytes: Array(lines.joined(separator: "\n").utf8))
    }

    /// In one section the rows past the limit are errors; in two, each under it, their union is one
    /// error and the second section's rows are left out. Either way no index wraps around.
    @Test(arguments: ["PARAMCD", "AVISITN"], [1, 2])
    func moreDistinctValuesThanTheTableIndexesAreAnError(variable: String, sectionCount: Int) {
        let file = Self.adlb(distinct: variable)
        let (reader, diagnostics) = Self.read(file, sections: file.countedSections(count: sectionCount, minimumSectionSize: Self.sectionSize))
        let message = "more than 65536 distinct \(variable) values in one file"
        #expect(diagnostics.contains { $0.contains("error") && $0.contains(message) })
        #expect(reader.table.count <= MeasurementTable.distinctLimit)
        let indices = variable == "PARAMCD" ? reader.table.parameter.map(Int.init) : reader.table.visit.map(Int.init)
        let distinct = variable == "PARAMCD" ? reader.table.parameterCodes.count : reader.table.visits.count
        #expect(indices.allSatisfy { $0 < distinct })
        #expect(Set(indices).count == reader.table.count)
    }

    private func expectOnePass(_ file: CSVFile, sectionCount: Int) {
        let sections = file.countedSections(count: sectionCount, minimumSectionSize: Self.sectionSize)
        #expect(sections.sections.count == sectionCount)
        let (whole, wholeDiagnostics) = Self.read(file, sections: file.countedSections(count: 1))
        let (parts, partsDiagnostics) = Self.read(file, sections: sections)
        #expect(whole.table.count > 150)
        #expect(parts.table.participant == whole.table.participant)
        #expect(parts.table.parameter == whole.table.parameter)
        #expect(parts.table.visit == whole.table.visit)
        #expect(parts.table.value.map(\.bitPattern) == whole.table.value.map(\.bitPattern))
        #expect(parts.table.visits == whole.table.visits)
        #expect((0..<parts.table.parameterCodes.count).map { parts.table.parameterCodes[$0] }
            == (0..<whole.table.parameterCodes.count).map { whole.table.parameterCodes[$0] })
        #expect((0..<whole.table.count).map { parts.lines[$0] } == (0..<whole.table.count).map { whole.lines[$0] })
        #expect(parts.rowCount == whole.rowCount)
        #expect(parts.baselinesSeen == whole.baselinesSeen)
        #expect(partsDiagnostics == wholeDiagnostics)
        #expect(wholeDiagnostics.count >= 3)
    }
}
