import Testing
@testable import TrialData

/// `CSVFile.forEachRecord(in:_:plain:_:)` reads runs of plain records in one loop
/// (`CSVScanner.takePlainRecords`) and the other records one at a time: each record is offered to
/// the fast path once if it is plain with the header's number of fields, never otherwise, and is
/// taken there or read by the checked path, in file order, on its line.
@Suite("CSV reader: runs of plain records")
struct PlainRunTests {
    /// A file of random records, most of them plain with three fields; the others hold what
    /// stops a run: two or four fields, a quoted field, a tab, a non-ASCII letter, a field over
    /// `CSVFile.maximumFieldBytes`, a record over it of fields within it, a CRLF, a lone CR, a
    /// blank line, no line break at the end.
    private static func text(_ generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        let odd = ["", "NA", "\"q,r\"", "t\tu", "é", String(repeating: "w", count: 600), String(repeating: "v", count: 1_001)]
        let plain = ["x", "ab", "12.5", "P0001"]
        // Irregular records rare in some files (long runs across many blocks), frequent in others.
        let rarity = [1, 4, 16].randomElement(using: &generator)!
        var text = Array("A,B,C\n".utf8)
        while text.count < 8_000 {
            let count = Int.random(in: 0..<(8 * rarity), using: &generator) == 0 ? [2, 4].randomElement(using: &generator)! : 3
            let fields = (0..<count).map { _ in
                Int.random(in: 0..<(60 * rarity), using: &generator) < odd.count ? odd.randomElement(using: &generator)! : plain.randomElement(using: &generator)!
            }
            let lineBreak = Int.random(in: 0..<(4 * rarity), using: &generator) == 0
                ? ["\r\n", "\r", "\n\n"].randomElement(using: &generator)! : "\n"
            text += Array((fields.joined(separator: ",") + lineBreak).utf8)
        }
        if Bool.random(using: &generator) { text += Array("x,y,z".utf8) }
        return text
    }

    /// The bytes of each field of `record` (a quoted field's content).
    private static func values(_ record: CSVRecord) -> [[UInt8]] {
        (0..<record.count).map { index in record.withValueBytes(index) { Array($0) } }
    }

    @Test func everyRecordIsOfferedOnceWhenPlainAndReadInOrder() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = Self.text(&generator)
            let file = CSVFile(name: "t.csv", bytes: text)
            var log = DiagnosticLog(file: "t.csv", limit: 0)
            var checked: [(line: Int, values: [[UInt8]])] = []
            let checkedCount = file.forEachRecord(in: file.allRecords, &log) { record, _ in
                checked.append((record.line, Self.values(record)))
            }.recordCount
            // Every 23rd line refused by the fast path (runs of up to 22 records taken): then read by the checked path.
            var read: [(line: Int, values: [[UInt8]], taken: Bool)] = [], offers: [Int: Int] = [:]
            let (readCount, rest) = file.forEachRecord(in: file.allRecords, &log, plain: { record in
                offers[record.line, default: 0] += 1
                guard record.line % 23 != 0 else { return false }
                read.append((record.line, (0..<3).map { Array(record.value($0)) }, true))
                return true
            }) { record, _ in
                read.append((record.line, Self.values(record), false))
            }
            #expect(readCount == checkedCount && rest.start == text.count)
            #expect(read.map(\.line) == checked.map(\.line))
            #expect(read.map(\.values) == checked.map(\.values))
            #expect(offers.values.allSatisfy { $0 == 1 }, "a record offered twice")
            let scanned = scannedRecords(text).dropFirst()
            #expect(scanned.count == checked.count)
            for (record, scan) in zip(read, scanned) {
                let isOffered = scan.plain && scan.fields.count == 3
                #expect((offers[record.line] != nil) == isOffered, "line \(record.line)")
                #expect(record.taken == (isOffered && record.line % 23 != 0), "line \(record.line)")
            }
        }
    }
}
