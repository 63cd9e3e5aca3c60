/// A CSV file held in memory (RFC 4180, UTF-8, comma separator, one header row), read in
/// one pass over its bytes.
///
/// `init` reads the header; `forEachRecord` then visits every data record without copying
/// it. Problems of form — empty file, no header, ragged rows, unterminated quotes, stray
/// quotes, NUL bytes, invalid UTF-8 — are reported with their line and column in the
/// `DiagnosticLog` given, and the records they affect are marked damaged.
public struct CSVFile: Sendable {
    /// The file name used in diagnostics (e.g. `adsl.csv`).
    public let name: String
    /// The whole file.
    public let bytes: [UInt8]
    /// The column names, in file order; empty when the file has no header.
    public private(set) var header: [String] = []
    /// Where each header cell starts (line 1).
    public private(set) var headerLocations: [SourceLocation] = []
    /// Problems of the file as a whole or of its header.
    public private(set) var headerDiagnostics: DiagnosticLog
    private var dataStart = 0
    private var dataLine = 1
    private var dataLineStart = 0

    /// Reads the header of `bytes`.
    /// - Complexity: O(*h*) in the length of the header.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.headerDiagnostics = DiagnosticLog(file: name)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let fileStart = SourceLocation(file: name, line: 1, column: 1)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            headerDiagnostics.add(.error, fileStart, Message.utf16File)
            return
        }
        guard start < bytes.count else {
            headerDiagnostics.add(.error, fileStart, Message.emptyFile)
            return
        }
        var log = headerDiagnostics
        var header: [String] = []
        var headerLocations: [SourceLocation] = []
        var dataStart = bytes.count, dataLine = 1, dataLineStart = start
        CSVFile.withScanner(bytes, name, from: start, line: 1, lineStart: start) { scanner in
            if scanner.isAtBlankLine {
                log.add(.error, fileStart, Message.noHeader)
                return
            }
            guard scanner.nextRecord(&log) else { return }
            scanner.fields.withUnsafeBufferPointer { fields in
                let record = CSVRecord(bytes: scanner.bytes, fields: fields, file: name, line: 1,
                                       lineStart: start, isDamaged: scanner.recordIsDamaged)
                header = (0..<record.count).map(record.text)
                headerLocations = (0..<record.count).map(record.location(ofField:))
            }
            (dataStart, dataLine, dataLineStart) = (scanner.position, scanner.line, scanner.lineStart)
        }
        self.headerDiagnostics = log
        self.header = header
        self.headerLocations = headerLocations
        (self.dataStart, self.dataLine, self.dataLineStart) = (dataStart, dataLine, dataLineStart)
    }

    /// Calls `body` for every data record in file order, damaged ones included (marked), and
    /// reports ragged rows and malformed fields in `log` (which `body` receives to add its own).
    /// - Returns: the number of data records read.
    /// - Complexity: O(*n*) in the size of the file; no allocation per record.
    @discardableResult
    public func forEachRecord(_ log: inout DiagnosticLog, _ body: (CSVRecord, inout DiagnosticLog) -> Void) -> Int {
        guard !header.isEmpty else { return 0 }
        let expectedCount = header.count
        var count = 0
        CSVFile.withScanner(bytes, name, from: dataStart, line: dataLine, lineStart: dataLineStart) { scanner in
            while scanner.nextRecord(&log) {
                count += 1
                scanner.fields.withUnsafeBufferPointer { fields in
                    var record = CSVRecord(bytes: scanner.bytes, fields: fields, file: name, line: scanner.recordLine,
                                           lineStart: scanner.recordLineStart, isDamaged: scanner.recordIsDamaged)
                    if fields.count != expectedCount {
                        reportRagged(record, &log)
                        record = CSVRecord(bytes: scanner.bytes, fields: fields, file: name, line: record.line,
                                           lineStart: record.lineStart, isDamaged: true)
                    }
                    body(record, &log)
                }
            }
        }
        return count
    }

    private func reportRagged(_ record: CSVRecord, _ log: inout DiagnosticLog) {
        if record.count > header.count {
            log.add(.error, record.location(ofField: header.count), Message.tooManyFields(record.count, header.count))
        } else {
            log.add(.error, record.endLocation, Message.tooFewFields(record.count, header.count, missing: Array(header[record.count...])))
        }
    }

    /// The locations of fields of records known by the physical line they start on, found in
    /// one more pass over the file (for problems discovered after reading, such as duplicates).
    /// - Parameter fields: pairs of the record's first line and the field's index.
    /// - Returns: one location per pair, in the same order.
    /// - Complexity: O(*n*) in the size of the file plus O(*k* log *k*) in the pairs.
    public func locations(of fields: [(line: Int, field: Int)]) -> [SourceLocation] {
        let order = fields.indices.sorted { fields[$0].line < fields[$1].line }
        var result = fields.map { SourceLocation(file: name, line: $0.line) }
        var ignored = DiagnosticLog(file: name, limit: 0)
        CSVFile.withScanner(bytes, name, from: dataStart, line: dataLine, lineStart: dataLineStart) { scanner in
            for index in order {
                let wanted = fields[index]
                while scanner.line < wanted.line, scanner.position < scanner.end {
                    if scanner.bytes[scanner.position] == 0x0A || scanner.bytes[scanner.position] == 0x0D {
                        scanner.consumeLineBreak()
                    } else {
                        scanner.position += 1
                    }
                }
                var lookahead = scanner
                guard scanner.line == wanted.line, lookahead.nextRecord(&ignored), wanted.field < lookahead.fields.count else { continue }
                lookahead.fields.withUnsafeBufferPointer { recordFields in
                    let record = CSVRecord(bytes: lookahead.bytes, fields: recordFields, file: name, line: lookahead.recordLine,
                                           lineStart: lookahead.recordLineStart, isDamaged: false)
                    result[index] = record.location(ofField: wanted.field)
                }
            }
        }
        return result
    }

    private static func withScanner(_ bytes: [UInt8], _ name: String, from start: Int, line: Int, lineStart: Int,
                                    _ body: (inout CSVScanner) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            CSVByteClass.table.withUnsafeBufferPointer { classes in
                var scanner = CSVScanner(bytes: buffer, classes: classes, file: name, range: start..<buffer.count,
                                         line: line, lineStart: lineStart)
                body(&scanner)
            }
        }
    }
}
