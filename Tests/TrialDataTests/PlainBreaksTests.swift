import CByteScan
import Testing
@testable import TrialData

/// A plain record's fields found as bits (`PlainBreaks`, `CSVScanner.nextPlainRecord`) agree with
/// the bytes, one at a time.
@Suite("CSV reader: plain records as bits")
struct PlainBreaksTests {
    private func breaks(_ bytes: [UInt8]) -> trialreport_csv_breaks {
        bytes.withUnsafeBufferPointer { trialreport_csv_breaks64($0.baseAddress!) }
    }

    /// Every byte value at every position of a block: sorted into one of the four (or none), and
    /// flagged (`trialreport_csv_flags64`) when it is in one.
    @Test func everyByteValueAtEveryPositionIsSortedOnce() {
        for position in 0..<64 {
            for value in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 64)
                bytes[position] = value
                let found = breaks(bytes), bit: UInt64 = 1 << UInt64(position)
                let other = value != 0x0A && value != 0x0D && (value < 0x20 || value >= 0x7F || value == 0x22)
                #expect(found.commas == (value == 0x2C ? bit : 0), "byte \(value) at \(position)")
                #expect(found.lineFeeds == (value == 0x0A ? bit : 0), "byte \(value) at \(position)")
                #expect(found.carriageReturns == (value == 0x0D ? bit : 0), "byte \(value) at \(position)")
                #expect(found.others == (other ? bit : 0), "byte \(value) at \(position)")
                let flagged = !(0x20...0x7E).contains(value) || value == 0x2C || value == 0x22
                #expect(bytes.withUnsafeBufferPointer { trialreport_csv_flags64($0.baseAddress!) } == (flagged ? bit : 0))
            }
        }
    }

    @Test func aCarriageReturnIsRefusedUnlessALineFeedFollowsIt() {
        // Bytes 1…64 are the block; a CRLF straddles each of its edges.
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 66)
        for (index, byte) in [(0, 0x0D), (1, 0x0A), (10, 0x0D), (11, 0x0A), (21, 0x0D), (41, 0x0A), (64, 0x0D), (65, 0x0A)] {
            bytes[index] = UInt8(byte)
        }
        for end in [65, 66] {
            var block = PlainBreaks()
            bytes.withUnsafeBufferPointer { block.load(at: 1, in: $0, end: end) }
            #expect(block.separators == 1 | 1 << 10 | 1 << 40)
            #expect(block.lineFeedsAfterCR == 1 | 1 << 10)
            // The last CR's line feed lies past `end` when it is 65: not read.
            #expect(block.refused == 1 << 20 | (end == 65 ? 1 << 63 : 0) as UInt64)
            #expect(block.offset(of: 64) == 63 && block.offset(of: 65) == nil && block.offset(of: 0) == nil)
        }
    }

    /// The same records read one byte at a time: a record is plain when it holds only printable
    /// ASCII but the quote, ends with LF or CRLF, has no field longer than the limit and does not
    /// follow a blank line (`nextRecord` skips those).
    private func expected(_ text: [UInt8]) -> [(plain: Bool, fields: [[UInt8]])] {
        var records: [(plain: Bool, fields: [[UInt8]])] = []
        var index = 0
        while index < text.count {
            let lineStart = index
            while index < text.count, text[index] == 0x0A || text[index] == 0x0D { index += 1 }
            guard index < text.count else { break }
            var fields: [[UInt8]] = [[]], plain = index == lineStart
            while index < text.count, text[index] != 0x0A, text[index] != 0x0D {
                let byte = text[index]
                if byte == 0x2C { fields.append([]) } else { fields[fields.count - 1].append(byte) }
                if byte < 0x20 || byte >= 0x7F || byte == 0x22 { plain = false }
                index += 1
            }
            if index == text.count {
                plain = false
            } else if text[index] == 0x0D {
                if index + 1 < text.count, text[index + 1] == 0x0A { index += 1 } else { plain = false }
            }
            index += 1
            plain = plain && fields.allSatisfy { $0.count <= CSVFile.maximumFieldBytes }
            records.append((plain, fields))
        }
        return records
    }

    @Test func recordsOfEveryShapeAcrossBlockBoundariesAreReadAsByteByByte() {
        // Unquoted records (a quote would open a field that runs on: `nextRecord` reads those
        // differently), with tabs, bytes from 0x7F up, lone CRs and CRLFs at random places.
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x78], [0x78, 0x79, 0x7A], [0x2C], [0x2C], [0x0A], [0x0D, 0x0A], [0x0D, 0x0A], [0x0D],
                                 [0x09], [0xC3, 0xA9], [0x7E], [0x20]]
        for round in 0..<2_000 {
            var text: [UInt8] = []
            while text.count < 300 { text += pieces.randomElement(using: &generator)! }
            if round % 2 == 0 { text += [0x0A] }
            let read = scannedRecords(text), wanted = expected(text)
            #expect(read.map(\.plain) == wanted.map(\.plain), "\(text)")
            #expect(read.map(\.fields) == wanted.map(\.fields), "\(text)")
        }
    }

    @Test func aCRLFAtEveryOffsetOfTheBlocksAndTheTailIsALineBreak() {
        // A first line of 1…140 bytes puts the CRLFs of the lines after it at every offset of
        // the blocks, the last ones among the final bytes read one at a time.
        for length in 1...140 {
            let text = Array(String(repeating: "y", count: length).utf8) + [0x0D, 0x0A]
                + Array(String(repeating: "ab,c\r\n", count: 30).utf8)
            let read = scannedRecords(text), wanted = expected(text)
            #expect(read.map(\.plain) == wanted.map(\.plain), "first line of \(length)")
            #expect(read.map(\.fields) == wanted.map(\.fields), "first line of \(length)")
            #expect(read.allSatisfy { $0.plain })
        }
    }

    @Test func aFieldOfTheLimitIsPlainAndOneByteMoreIsNot() {
        for length in [CSVFile.maximumFieldBytes, CSVFile.maximumFieldBytes + 1] {
            for lineBreak: [UInt8] in [[0x0A], [0x0D, 0x0A]] {
                let text = Array("a,".utf8) + Array(repeating: UInt8(ascii: "x"), count: length) + lineBreak
                    + Array(String(repeating: "b,c\n", count: 40).utf8)
                let read = scannedRecords(text)
                #expect(read.map(\.plain) == [length <= CSVFile.maximumFieldBytes] + Array(repeating: true, count: 40))
                #expect(read[0].fields.map(\.count) == [1, length])
            }
        }
    }
}
