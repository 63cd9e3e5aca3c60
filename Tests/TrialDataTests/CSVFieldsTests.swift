import Testing
@testable import TrialData

/// `CSVFile.forEachField` gives the fields, keys and lines `forEachRecord` gives, whatever the bytes.
@Suite("CSV reader: fields without records")
struct CSVFieldsTests {
    private struct Read: Equatable {
        var fields: [[UInt8]]
        var key: [UInt8]
        var line: Int
    }

    private func byRecords(_ file: CSVFile, _ section: CSVFileSection, key: Int) -> [Read] {
        var log = DiagnosticLog(file: file.name, limit: 0)
        var read: [Read] = []
        _ = file.forEachRecord(in: section, &log) { record, _ in
            let fields = (0..<record.count).map { column in record.withValueBytes(column) { Array($0) } }
            read.append(Read(fields: fields, key: key < record.count ? fields[key] : [], line: record.line))
        }
        return read
    }

    private func byFields(_ file: CSVFile, _ section: CSVFileSection, key: Int) -> [Read] {
        var read: [Read] = [], fields: [[UInt8]] = []
        file.forEachField(in: section, keyColumn: key, { column, value in
            #expect(column == fields.count)
            fields.append(Array(value))
        }, recordEnd: { value, line in
            read.append(Read(fields: fields, key: Array(value), line: line))
            fields = []
        })
        return read
    }

    @Test func randomBytesReadAsByRecords() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [[UInt8]] = [[0x61], [0x62], Array("P01".utf8), [0x2C], [0x2C], [0x22], [0x22, 0x22], [0x0A], [0x0D], [0x0D, 0x0A],
                                   [0x09], [0x00], [0xC3, 0xA9], [0xFF], Array("12345678".utf8)]
        for _ in 0..<3_000 {
            var bytes = Array("USUBJID,A,B\n".utf8)
            for _ in 0..<Int.random(in: 0..<120, using: &generator) { bytes += alphabet.randomElement(using: &generator)! }
            let file = CSVFile(name: "t.csv", bytes: bytes)
            for key in [0, 2, 5] {
                for count in [1, 2, 3] {
                    for section in file.sections(count: count, minimumSectionSize: 8) {
                        #expect(byFields(file, section, key: key) == byRecords(file, section, key: key), "\(bytes)")
                    }
                }
            }
        }
    }

    @Test func quotedFieldsAfterPlainOnesArePassedOnce() {
        let file = CSVFile(name: "t.csv", bytes: Array("USUBJID,A,B\nP1,\"x,\"\"y\"\"\",3\r\n\nP2,4,\"z\n\"\n".utf8))
        let read = byFields(file, file.allRecords, key: 0)
        #expect(read == byRecords(file, file.allRecords, key: 0))
        #expect(read.map(\.fields) == [[Array("P1".utf8), Array("x,\"y\"".utf8), Array("3".utf8)],
                                       [Array("P2".utf8), Array("4".utf8), Array("z\n".utf8)]])
        #expect(read.map(\.line) == [2, 4])
    }
}
