import Testing
@testable import TrialData

/// `CSVScanner.nextPlainRecord` reads a record exactly as `nextRecord` does, or leaves it to it
/// untouched: over random records of commas, line breaks (LF, CRLF, lone CR), quotes, tabs, other
/// control bytes, non-ASCII bytes and blank lines, at every offset of the 64-byte blocks.
@Suite("CSV scanner: plain records")
struct PlainRecordScanTests {
    /// The scanner's state after reading one record.
    private struct Read: Equatable {
        var fields: [Range<Int>]
        var position, line, lineStart, recordLine, recordLineStart: Int
    }

    private static func read(_ scanner: borrowing CSVScanner) -> Read {
        Read(fields: scanner.fields.map { $0.start..<$0.end }, position: scanner.position, line: scanner.line,
             lineStart: scanner.lineStart, recordLine: scanner.recordLine, recordLineStart: scanner.recordLineStart)
    }

    @Test func plainRecordsReadAsTheStateMachineReadsThem() {
        let pieces: [[UInt8]] = [Array("ab".utf8), Array("123.5".utf8), Array(String(repeating: "x", count: 61).utf8), [0x2C], [0x2C],
                                 [0x0A], [0x0A], [0x0D, 0x0A], [0x0D], [0x22], [0x09], [0x01], [0x0B], [0x1F], [0x00], [0x7F], Array("é".utf8), [0xFF]]
        var state: UInt64 = 12_345
        func next() -> Int {  // a linear congruential generator, high bits
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var plainCount = 0
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            while bytes.count < 400 { bytes += pieces[next() % (next() % 3 == 0 ? pieces.count : 8)] }
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                var line = 1
                while start < buffer.count {
                    CSVFile.withScanner(buffer, "t.csv", from: start, line: line, lineStart: start) { plain in
                        let before = Self.read(plain)
                        let isPlain = plain.nextPlainRecord()
                        CSVFile.withScanner(buffer, "t.csv", from: start, line: line, lineStart: start) { machine in
                            var log = DiagnosticLog(file: "t.csv")
                            if !isPlain {
                                let after = Self.read(plain)
                                #expect(after == before)
                                machine.consumeLineBreakOrByte()
                            } else {
                                plainCount += 1
                                let isRead = machine.nextRecord(&log)
                                let (plainRead, machineRead) = (Self.read(plain), Self.read(machine))
                                #expect(isRead && !log.hasErrors && !machine.recordIsDamaged)
                                #expect(plainRead == machineRead)
                            }
                            (start, line) = (machine.position, machine.line)
                        }
                    }
                }
            }
        }
        #expect(plainCount > 1_000)
    }
}

extension CSVScanner {
    /// Moves past one line break, or one byte.
    fileprivate mutating func consumeLineBreakOrByte() {
        if bytes[position] == 0x0A || bytes[position] == 0x0D { consumeLineBreak() } else { position += 1 }
    }
}
