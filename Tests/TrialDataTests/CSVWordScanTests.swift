import Testing
@testable import TrialData

/// The scanner's eight-bytes-at-a-time step agrees with the byte classes it stands in for.
@Suite("CSV reader: eight bytes at a time")
struct CSVWordScanTests {
    /// The prefix found byte by byte: printable ASCII other than the comma and the quote.
    private func ordinaryPrefix(_ bytes: [UInt8]) -> Int {
        bytes.firstIndex { !(0x20...0x7E).contains($0) || $0 == 0x2C || $0 == 0x22 } ?? 8
    }

    private func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    @Test func everyByteValueAtEveryPositionAfterOrdinaryText() {
        for position in 0..<8 {
            for value in UInt8.min...UInt8.max {
                var bytes = Array("ABCDEFGH".utf8)
                bytes[position] = value
                #expect(CSVWordScan.ordinaryPrefix(word(bytes)) == ordinaryPrefix(bytes), "byte \(value) at \(position)")
            }
        }
    }

    @Test func theFirstSpecialByteCountsWhateverFollowsIt() {
        // Bytes that borrow in the tests (0x00, 0x20, 0x21, 0x2D, 0x80, 0xFF) after the first special one.
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2B, 0x2C, 0x2D, 0x30,
                                    0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in interesting.randomElement(using: &generator)! }
            #expect(CSVWordScan.ordinaryPrefix(word(bytes)) == ordinaryPrefix(bytes), "\(bytes)")
        }
    }

    @Test func fieldsAroundWordBoundariesReadAsByteByByte() {
        // Fields of every length 0…17 with a comma, a line break, a tab or a non-ASCII letter at each offset.
        var rows: [String] = ["A,B"]
        for length in 0...17 {
            let text = String(repeating: "x", count: length)
            rows.append("\(text),\(text)é\t\(text)")
        }
        let file = CSVFile(name: "t.csv", bytes: Array((rows.joined(separator: "\n") + "\n").utf8))
        var log = DiagnosticLog(file: "t.csv")
        var read: [[String]] = []
        _ = file.forEachRecord(&log) { record, _ in
            read.append((0..<record.count).map { column in record.withValueBytes(column) { String(decoding: $0, as: UTF8.self) } })
        }
        #expect(!log.hasErrors)
        #expect(read == rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
    }
}
