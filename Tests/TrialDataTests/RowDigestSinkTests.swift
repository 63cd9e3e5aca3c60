import Foundation
import Testing
@testable import TrialData

/// Row digests computed while a file is read for validation (`RowDigestSink`, `RowDigestRuns`)
/// against those of the lock's own reading of the file (`RowDigests.compute`).
@Suite struct RowDigestSinkTests {
    static let known = StringTable((1...300).map { "P\($0)" })

    /// A file of rows of the known participants in no order (or `sorted` by participant), with
    /// quoted fields (doubled quotes among them), CRLF line ends and blank lines.
    static func file(unknown: Bool = false, ragged: Bool = false, sorted: Bool = false) -> CSVFile {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        var text = "USUBJID,PARAMCD,AVISITN,AVAL,NOTE\n"
        for row in 0..<2_000 {
            let id = "P\(sorted ? 1 + row * 300 / 2_000 : 1 + next(300))"
            let note = [#"plain"#, #""quoted, with comma""#, #""said ""yes""""#, ""][next(4)]
            text += "\(id),CPEPF,\(next(5) * 3),\(next(9000)).\(next(10)),\(note)" + (row % 7 == 0 ? "\r\n" : "\n")
            if row % 97 == 0 { text += "\n" }
            if row == 1_500, unknown { text += "Q1,CPEPF,0,1,\n" }
            if row == 1_500, ragged { text += "P1,CPEPF,0\n" }
        }
        return CSVFile(name: "adlb.csv", bytes: Array(text.utf8))
    }

    /// Reads `sections` of `file` in the order given, digesting into a new sink that keeps up to
    /// `maximumRuns` runs (by default room for one per record).
    static func read(_ file: CSVFile, _ sections: [CSVFileSection], maximumRuns: Int? = 100_000) -> RowDigestSink {
        var file = file
        let sink = RowDigestSink(file, keyColumn: "USUBJID", known: known, maximumRuns: maximumRuns)!
        file.rowDigests = sink
        for section in sections {
            var log = DiagnosticLog(file: file.name, limit: 0)
            _ = file.forEachRecord(in: section, &log, plain: { _ in false }) { _, _ in }
        }
        return sink
    }

    static func digests(_ sink: RowDigestSink) throws -> RowDigests {
        KeyedRowDigests(file: "adlb.csv", keyColumn: "USUBJID", known: known, runs: try #require(sink.runs())).table()
    }

    @Test func sectionsReadInAnyOrderGiveTheDigestsOfTheWholeFile() throws {
        let file = Self.file()
        let expected = try RowDigests.compute(file.contents, file: "adlb.csv").get()
        #expect(expected.participants.count == 300)
        let sections = file.sections(count: 5, minimumSectionSize: 64)
        #expect(sections.count == 5)
        #expect(try Self.digests(Self.read(file, [file.allRecords])) == expected)
        #expect(try Self.digests(Self.read(file, sections.reversed())) == expected)
        // A section read from a wrong start (as after a cut inside a quoted field) is not counted;
        // the records from where the section before ended are read again to the end.
        let wrong = CSVFileSection(start: sections[2].start + 5, line: nil, lineStart: sections[2].start, end: sections[3].end)
        let again = CSVFileSection(start: sections[2].start, line: nil, lineStart: sections[2].start, end: file.contents.count)
        #expect(try Self.digests(Self.read(file, [wrong] + sections.prefix(2) + [again])) == expected)
    }

    /// By default a sink keeps about two runs per participant: a file sorted by participant fits,
    /// one in no order (a run per record or nearly) is left to the lock's own pass.
    @Test func aFileInNoOrderIsLeftToTheLocksOwnPass() throws {
        let sorted = Self.file(sorted: true)
        let sections = sorted.sections(count: 5, minimumSectionSize: 64)
        #expect(try Self.digests(Self.read(sorted, sections, maximumRuns: nil)) == RowDigests.compute(sorted.contents, file: "adlb.csv").get())
        let unsorted = Self.file()
        #expect(Self.read(unsorted, [unsorted.allRecords], maximumRuns: nil).runs() == nil)
        #expect(Self.read(unsorted, unsorted.sections(count: 5, minimumSectionSize: 64), maximumRuns: nil).runs() == nil)
    }

    @Test func aFileNotWhollyDigestedHasNoRuns() {
        let file = Self.file()
        let sections = file.sections(count: 5, minimumSectionSize: 64)
        #expect(Self.read(file, Array(sections.dropLast())).runs() == nil)
        #expect(Self.read(Self.file(unknown: true), [Self.file(unknown: true).allRecords]).runs() == nil)
        #expect(Self.read(Self.file(ragged: true), [Self.file(ragged: true).allRecords]).runs() == nil)
        #expect(RowDigestSink(CSVFile(name: "adae.csv", bytes: Array("ID,X\n1,2\n".utf8)), keyColumn: "USUBJID", known: Self.known) == nil)
    }
}
