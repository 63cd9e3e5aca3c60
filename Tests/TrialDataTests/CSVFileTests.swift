import Testing
@testable import TrialData

@Suite("CSV reader")
struct CSVFileTests {
    @Test func quotedFieldsHoldCommasDoubledQuotesAndNewlines() {
        let reading = CSVReading("A,B,C\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
        #expect(reading.problems.isEmpty)
        #expect(reading.rows == [["x, y", "say \"hi\"", "two\nlines"]])
    }

    @Test func crlfAndLFLineEndingsGiveTheSameRecords() {
        let reading = CSVReading("A,B\r\n1,2\n3,4\r\n")
        #expect(reading.problems.isEmpty)
        #expect(reading.rows == [["1", "2"], ["3", "4"]])
        #expect(reading.lines == [2, 3])
    }

    @Test func loneCarriageReturnEndsALine() {
        let reading = CSVReading("A,B\r1,2\r3,4")
        #expect(reading.rows == [["1", "2"], ["3", "4"]])
        #expect(reading.lines == [2, 3])
    }

    @Test func byteOrderMarkIsSkippedAndNotCountedInColumns() {
        let reading = CSVReading([0xEF, 0xBB, 0xBF] + Array("A,\"B\n1,2\n".utf8))
        #expect(reading.header == [])
        #expect(reading.problems == ["error: t.csv:1:3: unterminated quoted field: the quote opened here is never closed"])
        #expect(CSVReading([0xEF, 0xBB, 0xBF] + Array("USUBJID,B\n1,2\n".utf8)).header == ["USUBJID", "B"])
    }

    @Test func emptyCellAndNAAreMissing() {
        let reading = CSVReading("A,B,C,D\n,NA,\"NA\",na\n")
        #expect(reading.rows == [[nil, nil, nil, "na"]])
    }

    @Test func lastLineWithoutLineBreakAndTrailingEmptyField() {
        let reading = CSVReading("A,B\n1,")
        #expect(reading.problems.isEmpty)
        #expect(reading.rows == [["1", nil]])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let reading = CSVReading("A,B\n\n1,2\n\n")
        #expect(reading.rows == [["1", "2"]])
        #expect(reading.lines == [3])
    }

    @Test func emptyFileIsReported() {
        #expect(CSVReading("").problems == ["error: t.csv:1:1: the file is empty"])
        #expect(CSVReading([0xEF, 0xBB, 0xBF]).problems == ["error: t.csv:1:1: the file is empty"])
    }

    @Test func blankFirstLineMeansNoHeader() {
        let reading = CSVReading("\nA,B\n1,2\n")
        #expect(reading.problems == ["error: t.csv:1:1: no header row: the first line is empty"])
        #expect(reading.rows.isEmpty)
    }

    @Test func utf16FileIsRecognised() {
        #expect(CSVReading([0xFF, 0xFE, 0x41, 0x00]).problems == ["error: t.csv:1:1: the file is UTF-16; save it as UTF-8"])
    }

    @Test func rowWithTooManyFieldsIsReportedAtTheFirstExtraField() {
        let reading = CSVReading("A,B\n1,2\n1,2,3\n")
        #expect(reading.problems == ["error: t.csv:3:5: row has 3 fields but the header has 2"])
        #expect(reading.rows == [["1", "2"]])
    }

    @Test func rowWithTooFewFieldsIsReportedAtItsEnd() {
        let reading = CSVReading("A,B,C\nxy\n")
        #expect(reading.problems == ["error: t.csv:2:3: row has 1 field but the header has 3 (no B, C)"])
    }

    @Test func unterminatedQuoteIsReportedWhereTheFieldOpened() {
        let reading = CSVReading("A,B\n1,2\n3,\"four\n5,6\n7,8\n")
        #expect(reading.problems == ["error: t.csv:3:3: unterminated quoted field: the quote opened here is never closed"])
        #expect(reading.rows == [["1", "2"]])
    }

    @Test func invalidUTF8IsReportedAtItsCharacterColumn() {
        // "é" is one character (two bytes); the Latin-1 byte 0xE9 follows it.
        let reading = CSVReading(Array("A,B\n1,é".utf8) + [0xE9] + Array("\n".utf8))
        #expect(reading.problems == ["error: t.csv:2:4: invalid UTF-8 (byte 0xE9); save the file as UTF-8"])
        #expect(reading.rows.isEmpty)
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        #expect(CSVReading([0x41, 0x0A, 0xC0, 0xAF, 0x0A]).problems == ["error: t.csv:2:1: invalid UTF-8 (byte 0xC0); save the file as UTF-8"])
        #expect(CSVReading([0x41, 0x0A, 0xED, 0xA0, 0x80, 0x0A]).problems == ["error: t.csv:2:1: invalid UTF-8 (byte 0xED); save the file as UTF-8"])
    }

    @Test func nulByteIsReportedWithItsLocation() {
        let reading = CSVReading(Array("A,B\n1,2\n3,x".utf8) + [0] + Array("\n".utf8))
        #expect(reading.problems == ["error: t.csv:3:4: NUL byte (is this a binary or UTF-16 file?)"])
    }

    @Test func strayQuoteInUnquotedFieldIsReported() {
        let reading = CSVReading("A,B\n1,5\"3\n")
        #expect(reading.problems == ["error: t.csv:2:4: stray quote in an unquoted field (quote the whole field and double the quote)"])
        #expect(reading.rows.isEmpty)
    }

    @Test func textAfterClosingQuoteIsReported() {
        let reading = CSVReading("A,B\n\"1\"x,2\n")
        #expect(reading.problems == ["error: t.csv:2:4: text after the closing quote of a quoted field"])
    }

    @Test func quotedLineBreakAdvancesThePhysicalLine() {
        let reading = CSVReading("A,B\n\"a\nb\",1\nc,2,3\n")
        #expect(reading.lines == [2])
        #expect(reading.problems == ["error: t.csv:4:5: row has 3 fields but the header has 2"])
    }

    @Test func fieldLocationAfterAQuotedLineBreakIsOnTheNextLine() {
        let file = CSVFile(name: "t.csv", bytes: Array("A,B,C\n\"a\nbc\",é,x\n".utf8))
        var log = file.headerDiagnostics
        var locations: [String] = []
        file.forEachRecord(&log) { record, _ in
            locations = (0..<record.count).map { record.location(ofField: $0).description }
        }
        #expect(locations == ["t.csv:2:1", "t.csv:3:5", "t.csv:3:7"])
    }

    @Test func locationsFoundAfterReadingMatchThoseFoundWhileReading() {
        let file = CSVFile(name: "t.csv", bytes: Array("A,B\r\n\"x\r\ny\",1\r\n\r\nz,\"2\"\r\n".utf8))
        let found = file.locations(of: [(line: 5, field: 1), (line: 2, field: 1), (line: 9, field: 0)])
        #expect(found.map(\.description) == ["t.csv:5:3", "t.csv:3:4", "t.csv:9"])
    }

    @Test func numbersAreReadWithoutStrings() {
        let file = CSVFile(name: "t.csv", bytes: Array("A,B,C,D\n1.5,\"-2e3\",abc,NA\n".utf8))
        var log = file.headerDiagnostics
        var cells: [NumberCell] = []
        file.forEachRecord(&log) { record, _ in cells = (0..<record.count).map(record.number) }
        #expect(cells == [.number(1.5), .number(-2000), .invalid, .missing])
    }
}

@Suite("CSV sections read on several threads")
struct CSVFileSectionTests {
    private func records(_ file: CSVFile, _ section: CSVFileSection) -> (rows: [String], lines: [Int], rest: CSVFileSection) {
        var log = DiagnosticLog(file: file.name)
        var rows: [String] = [], lines: [Int] = []
        let (_, rest) = file.forEachRecord(in: section, &log) { record, _ in
            rows.append(record.text(0))
            lines.append(record.line)
        }
        return (rows, lines, rest)
    }

    @Test func sectionsTogetherReadEveryRecordOnceWithItsLine() {
        let text = "A,B\n" + (1...40).map { "r\($0),\"x,y\"\n" }.joined()
        let file = CSVFile(name: "t.csv", bytes: Array(text.utf8))
        let sections = file.sections(count: 2, minimumSectionSize: 64)
        #expect(sections.count == 2)
        let first = records(file, sections[0]), second = records(file, sections[1])
        let whole = records(file, file.allRecords)
        #expect(first.rest.start == sections[1].start)
        #expect(first.rows + second.rows == whole.rows)
        #expect(first.lines + second.lines == whole.lines)
    }

    /// Sections are cut after an LF; a lone CR before the cut still counts as a line break.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func secondSectionCountsLinesWithAnyLineBreak(_ earlyLineBreak: String) throws {
        let text = "A,B\n" + (1...40).map { "r\($0),x" + ($0 < 10 ? earlyLineBreak : "\n") }.joined()
        let file = CSVFile(name: "t.csv", bytes: Array(text.utf8))
        let sections = file.sections(count: 2, minimumSectionSize: 64)
        try #require(sections.count == 2)
        let second = records(file, sections[1])
        let whole = records(file, file.allRecords)
        #expect(second.lines == Array(whole.lines.suffix(second.lines.count)))
        #expect(second.lines.last == 41)
    }

    /// Tables are sized by the line breaks of the records: one per record, and one more for a
    /// last record without a line break.
    @Test func lineBreaksBoundTheRecordCount() {
        let text = "A,B\n" + (1...1000).map { "r\($0),x\n" }.joined() + "r1001,\"two\nlines\"\nr1002,last"
        let file = CSVFile(name: "t.csv", bytes: Array(text.utf8))
        #expect(records(file, file.allRecords).lines.count == 1002)
        #expect(file.lineBreaks(in: file.allRecords) == 1002)
        #expect(file.recordCapacity(of: file.allRecords) == 1003)
        let ended = CSVFile(name: "t.csv", bytes: Array((text + "\n").utf8))
        #expect(ended.recordCapacity(of: ended.allRecords) == 1003)
    }

    /// The 64-byte count against a byte loop: lengths around its block of 64 bytes and around its
    /// run of 63 blocks between two sums, sparse and dense line feeds, a buffer of nothing else
    /// (every lane at its most), and a carriage return anywhere (no count).
    @Test func lineFeedsAreCountedSixtyFourAtATimeExactly() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 63, 64, 65, 127, 128, 129, 4_031, 4_032, 4_033, 4_096, 8_161, 50_000] {
            for density in [0, 3, 50, 100] {
                var bytes = (0..<length).map { _ in Int.random(in: 0..<100, using: &generator) < density ? UInt8(0x0A) : UInt8(0x41) }
                let expected = bytes.filter { $0 == 0x0A }.count
                #expect(bytes.withUnsafeBufferPointer(CSVFile.lineFeedCount) == expected, "length \(length), \(density)% line feeds")
                guard length > 0 else { continue }
                for position in Set([0, length / 2, length - 1]) {
                    let byte = bytes[position]
                    bytes[position] = 0x0D
                    #expect(bytes.withUnsafeBufferPointer(CSVFile.lineFeedCount) == nil, "CR at \(position) of \(length)")
                    bytes[position] = byte
                }
            }
        }
    }

    @Test func cutInsideAQuotedFieldIsDetected() {
        // One long quoted field with many line breaks: the guessed cut falls inside it.
        let text = "A,B\n1,\"" + String(repeating: "line\n", count: 100) + "\"\n2,3\n"
        let file = CSVFile(name: "t.csv", bytes: Array(text.utf8))
        let sections = file.sections(count: 2, minimumSectionSize: 64)
        #expect(sections.count == 2)
        let first = records(file, sections[0])
        #expect(first.rest.start != sections[1].start)
        let rest = records(file, first.rest)
        #expect(first.rows + rest.rows == ["1", "2"])
        #expect(rest.lines == [103])
    }
}
