import Foundation
import Testing
@testable import TrialData

/// Files built to be slow or to reach the renderers with what they cannot draw: each is read in
/// time linear in its size, and each problem is an error at its line and column. The slow cases
/// took minutes to hours when quadratic (a 1,000,000-column header about 2 h); they are bounded by
/// the minute of their time limit, not by a tight time that machine load could exceed.
@Suite("CSV reader: limits and characters")
struct CSVLimitsTests {
    @Test(.timeLimit(.minutes(1))) func headerOfTenThousandColumnsIsReadWithEveryColumnLocated() {
        let names = (1...CSVFile.maximumColumnCount).map { "\"C\($0)\"" }
        let file = CSVFile(name: "t.csv", bytes: Array((names.joined(separator: ",") + "\n").utf8))
        #expect(file.headerDiagnostics.hasErrors == false)
        #expect(file.header.last == "C\(CSVFile.maximumColumnCount)")
        let lastColumn = names.dropLast().reduce(1) { $0 + $1.count + 1 }
        #expect(file.headerLocations.last == SourceLocation(file: "t.csv", line: 1, column: lastColumn))
    }

    @Test(.timeLimit(.minutes(1))) func headerOfAMillionColumnsIsRefusedAtTheFirstColumnPastTheLimitQuickly() {
        let header = Array(repeating: "\"ab\"", count: 1_000_000).joined(separator: ",") + "\nx\n"
        let reading = CSVReading(header)
        let column = CSVFile.maximumColumnCount * 5 + 1
        #expect(reading.problems == [
            "error: t.csv:1:\(column): the header has 1000000 columns, more than the 10000 a file may have; its rows are not read",
        ])
        #expect(reading.header == [])
        #expect(reading.rows == [])
    }

    @Test(.timeLimit(.minutes(1))) func manyProblemsOnOneLongLineCostOnePassOverIt() {
        let row = Array(repeating: "a\"b", count: 200_000).joined(separator: ",")
        let reading = CSVReading("A\n" + row + "\n")
        #expect(reading.problems.first == "error: t.csv:2:2: stray quote in an unquoted field (quote the whole field and double the quote)")
        #expect(reading.problems.dropFirst().first == "error: t.csv:2:6: stray quote in an unquoted field (quote the whole field and double the quote)")
        #expect(reading.problems.count == DiagnosticLog.defaultLimit + 1)
    }

    @Test func fieldLongerThanTheLimitIsAnErrorWhereItStarts() {
        let long = String(repeating: "x", count: CSVFile.maximumFieldBytes + 1)
        let fitting = String(repeating: "y", count: CSVFile.maximumFieldBytes)
        let reading = CSVReading("A,B\n1,\(long)\n2,\(fitting)\n3,\"q\n\(long)\"\n")
        #expect(reading.problems == [
            "error: t.csv:2:3: the value has 1001 bytes, more than the 1000 a value may have (ADaM values hold at most 200 characters)",
            "error: t.csv:4:3: the value has 1003 bytes, more than the 1000 a value may have (ADaM values hold at most 200 characters)",
        ])
        #expect(reading.rows == [["2", fitting]])
    }

    @Test(.timeLimit(.minutes(1))) func tenMegabyteFieldIsRefusedInLinearTime() {
        let text = "A,B\n1," + String(repeating: "x", count: 10 << 20) + "\n"
        let reading = CSVReading(text)
        #expect(reading.problems.count == 1)
        #expect(reading.problems.first?.hasPrefix("error: t.csv:2:3: the value has 10485760 bytes") == true)
    }

    @Test(arguments: [
        ("\u{1B}[31m", "control character U+001B"),
        ("\u{7F}", "control character U+007F"),
        ("\u{9B}", "control character U+009B"),
        ("\u{FFFF}", "Unicode noncharacter U+FFFF"),
        (String(Unicode.Scalar(0xFDD0 as UInt32)!), "Unicode noncharacter U+FDD0"), // Swift refuses U+FDD0–U+FDEF in literals
        ("\u{10FFFE}", "Unicode noncharacter U+10FFFE"),
    ])
    func characterNoReportCanShowIsAnErrorAtItsColumn(_ inserted: String, _ problem: String) {
        let reading = CSVReading("A,B\n1,ok\n2,é\(inserted)x\n3,\"q\(inserted)\"\n")
        #expect(reading.problems.count == 2)
        #expect(reading.problems.first?.hasPrefix("error: t.csv:3:4: \(problem)") == true, "\(reading.problems)")
        #expect(reading.problems.last?.hasPrefix("error: t.csv:4:5: \(problem)") == true, "\(reading.problems)")
        #expect(reading.rows == [["1", "ok"]])
    }

    @Test func tabsLineBreaksAndPrintableUnicodeAreAccepted() {
        let reading = CSVReading("A,B\n1,\"a\tb\nc é 😀 \u{FFFD} \u{FDCF} \u{FDF0} \u{A0}\"\n")
        #expect(reading.problems.isEmpty)
        #expect(reading.rows == [["1", "a\tb\nc é 😀 \u{FFFD} \u{FDCF} \u{FDF0} \u{A0}"]])
    }
}
