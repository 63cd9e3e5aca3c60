import CByteScan
import Testing
@testable import TrialData

/// The readers' 64-bytes-at-a-time step agrees with the bytes it stands in for.
@Suite("CSV reader: 64 bytes at a time")
struct FlaggedBytesTests {
    /// Whether a byte is flagged, byte by byte: anything but printable ASCII other than the comma and the quote.
    private func isFlagged(_ byte: UInt8) -> Bool {
        !(0x20...0x7E).contains(byte) || byte == 0x2C || byte == 0x22
    }

    private func flags(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { trialreport_csv_flags64($0.baseAddress!) }
    }

    @Test func everyFlaggedByteOfRandomBlocksIsFound() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2B, 0x2C, 0x2D, 0x30,
                                    0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<64).map { _ in interesting.randomElement(using: &generator)! }
            let expected = bytes.indices.reduce(UInt64(0)) { $0 | (isFlagged(bytes[$1]) ? 1 << UInt64($1) : 0) }
            #expect(flags(bytes) == expected, "\(bytes)")
        }
    }

    @Test func nextStopsAtEachFlaggedByteAndBeforeTheLastBlock() {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 200)
        for index in [3, 63, 64, 130] { bytes[index] = UInt8(ascii: ",") }
        bytes.withUnsafeBufferPointer { buffer in
            var flagged = FlaggedBytes()
            var stops: [Int] = []
            var position = 0
            while position < buffer.count {
                position = flagged.next(from: position, in: buffer, end: buffer.count)
                stops.append(position)
                position += 1
            }
            // The commas; then, with no block of 64 left after 192, every byte from there.
            #expect(stops == [3, 63, 64, 130] + Array(192..<200))
        }
    }

    @Test func fieldsAroundBlockBoundariesReadAsByteByByte() {
        // Fields of every length 0…70 with a comma, a line break, a tab, a non-ASCII letter or a
        // stray quote at each offset of the 64-byte blocks.
        var rows: [String] = ["A,B"]
        for length in 0...70 {
            let text = String(repeating: "x", count: length)
            rows.append("\(text),\(text)é\t\(text)")
        }
        let file = CSVFile(name: "t.csv", bytes: Array((rows.joined(separator: "\n") + "\n").utf8))
        var log = DiagnosticLog(file: "t.csv")
        var read: [[String]] = []
        _ = file.forEachRecord(&log) { record, _ in
            read.append((0..<record.count).map { column in record.withValueBytes(column) { String(decoding: $0, as: UTF8.self) } })
        }
        let expected = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(!log.hasErrors)
        #expect(read == expected)
        var fields: [[String]] = []
        file.forEachField(in: file.allRecords, keyColumn: 0, { column, bytes in
            if column == 0 { fields.append([]) }
            fields[fields.count - 1].append(String(decoding: bytes, as: UTF8.self))
        }, recordEnd: { _, _ in })
        #expect(fields == expected)
    }

    @Test func aProblemIsReportedAtItsColumnAtEveryOffset() {
        // A NUL byte, a stray quote or another control character at each column 2…141 of a long
        // field (a quote in column 1 would open a quoted field), after a first line of 100 bytes:
        // each reported once, at its own line and column.
        for problem: UInt8 in [0x00, 0x22, 0x01] {
            var text = "A,B\n" + String(repeating: "y", count: 97) + ",z\n"
            var expectedLocations: [String] = []
            for column in 2...141 {
                var field = [UInt8](repeating: UInt8(ascii: "x"), count: 141)
                field[column - 1] = problem
                text += String(decoding: field, as: UTF8.self) + ",z\n"
                expectedLocations.append("t.csv:\(column + 1):\(column)")
            }
            let file = CSVFile(name: "t.csv", bytes: Array(text.utf8))
            var log = DiagnosticLog(file: "t.csv", limit: 1_000)
            _ = file.forEachRecord(&log) { _, _ in }
            #expect(log.diagnostics.map { "\($0.location)" } == expectedLocations, "byte \(problem)")
        }
    }
}
