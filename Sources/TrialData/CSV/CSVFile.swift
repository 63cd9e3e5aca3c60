import CByteScan

/// A CSV file held in memory (RFC 4180, UTF-8, comma separator, one header row), read in
/// one pass over its bytes.
///
/// `init` reads the header; `forEachRecord` then visits every data record without copying
/// it. Problems of form — empty file, no header, ragged rows, unterminated quotes, stray
/// quotes, NUL bytes, invalid UTF-8 — are reported with their line and column in the
/// `DiagnosticLog` given, and the records they affect are marked damaged. So are text no report
/// can show (`RenderableText`: control characters, noncharacters), values over
/// `maximumFieldBytes` and headers over `maximumColumnCount` columns, which keeps every later
/// step linear in the size of the file.
public struct CSVFile: Sendable {
    /// The most bytes one field may hold (an error at the field otherwise). ADaM values hold at
    /// most 200 characters; the limit keeps every later step — tables, figures, the report —
    /// linear in time and bounded in memory whatever a cell holds.
    public static let maximumFieldBytes = 1_000
    /// The most columns a file may have (an error at the first column past it; no row is read).
    public static let maximumColumnCount = 10_000

    /// The file name used in diagnostics (e.g. `adsl.csv`).
    public let name: String
    /// The whole file.
    public let contents: FileContents
    /// The column names, in file order; empty when the file has no header.
    public private(set) var header: [String] = []
    /// Where each header cell starts (line 1).
    public private(set) var headerLocations: [SourceLocation] = []
    /// Problems of the file as a whole or of its header.
    public private(set) var headerDiagnostics: DiagnosticLog
    /// Where `forEachRecord` leaves the row digests of the records it reads, for a lock
    /// (`RowDigestSink`); `nil`: none are computed.
    var rowDigests: RowDigestSink?
    private var dataStart = 0
    private var dataLine = 1
    private var dataLineStart = 0

    /// Reads the header of `bytes` (a copy is kept).
    /// - Complexity: O(*n*) to copy the bytes, O(*h*) in the length of the header to read it.
    public init(name: String, bytes: [UInt8]) {
        self.init(name: name, contents: FileContents(bytes))
    }

    /// Reads the header of `contents`.
    /// - Complexity: O(*h*) in the length of the header.
    public init(name: String, contents: FileContents) {
        self.name = name
        self.contents = contents
        let bytes = contents.bytes
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
            let record = CSVRecord(bytes: scanner.bytes, fields: scanner.fields, file: name, line: 1,
                                   lineStart: start, isDamaged: scanner.recordIsDamaged)
            if record.count <= CSVFile.maximumColumnCount {
                header = (0..<record.count).map(record.text)
                headerLocations = record.fieldLocations
            } else {
                log.add(.error, record.location(ofField: CSVFile.maximumColumnCount),
                        Message.tooManyColumns(record.count, limit: CSVFile.maximumColumnCount))
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
    /// The pages of a mapped file are released as they are read (`releaseStep`); the bytes stay
    /// readable.
    /// - Returns: the number of data records read.
    /// - Complexity: O(*n*) in the size of the file; no allocation per record.
    @discardableResult
    public func forEachRecord(_ log: inout DiagnosticLog, _ body: (CSVRecord, inout DiagnosticLog) -> Void) -> Int {
        forEachRecord(in: allRecords, &log, body).recordCount
    }

    /// All data records as one section.
    public var allRecords: CSVFileSection {
        CSVFileSection(start: dataStart, line: dataLine, lineStart: dataLineStart, end: header.isEmpty ? dataStart : bytes.count)
    }

    /// The data records cut into up to `count` sections of similar size, to be read on as many
    /// threads. Each cut is guessed at a line break; `forEachRecord(in:)` tells whether the
    /// section before a cut really ended there (a quoted field may hold a line break).
    /// Files under `minimumSectionSize` bytes are one section.
    public func sections(count: Int, minimumSectionSize: Int = 1 << 24) -> [CSVFileSection] {
        let whole = allRecords
        let size = whole.end - whole.start
        guard count > 1, size >= 2 * minimumSectionSize else { return [whole] }
        var cuts = [whole.start]
        for part in 1..<count {
            var cut = whole.start + size * part / count
            while cut < whole.end, bytes[cut - 1] != 0x0A { cut += 1 }
            if cut < whole.end, cut > cuts[cuts.count - 1] { cuts.append(cut) }
        }
        cuts.append(whole.end)
        return (0..<(cuts.count - 1)).map { index in
            index == 0 ? CSVFileSection(start: whole.start, line: whole.line, lineStart: whole.lineStart, end: cuts[1])
                : CSVFileSection(start: cuts[index], line: nil, lineStart: cuts[index], end: cuts[index + 1])
        }
    }

    /// `sections(count:minimumSectionSize:)` with the line breaks and room for records of each:
    /// what a reader that writes rows in place needs before reading (and can have counted
    /// meanwhile on another thread).
    /// - Complexity: O(*n*) in the size of the file.
    public func countedSections(count: Int, minimumSectionSize: Int = 1 << 24) -> CountedSections {
        let sections = sections(count: count, minimumSectionSize: minimumSectionSize)
        let lineBreaks = sections.map(lineBreaks(in:))
        return CountedSections(sections: sections, lineBreaks: lineBreaks,
                               recordCapacities: sections.indices.map { recordCapacity(of: sections[$0], lineBreaks: lineBreaks[$0]) })
    }

    /// Like `forEachRecord(_:_:)` for the records that start in `section`.
    /// - Returns: the number of records read, and the section of the records after them
    ///   (its `start` equals the next section's when the cut was at a record boundary).
    public func forEachRecord(in section: CSVFileSection, _ log: inout DiagnosticLog,
                              _ body: (CSVRecord, inout DiagnosticLog) -> Void) -> (recordCount: Int, rest: CSVFileSection) {
        forEachRecord(in: section, &log, plain: { _ in false }, body)
    }

    /// Like `forEachRecord(in:_:_:)`, with a fast path: each plain record with the header's
    /// number of fields (`PlainRecord`) is first offered to `plain`, and becomes a `CSVRecord`
    /// for `body` only when `plain` returns `false` (it did not take it, and did nothing `body`
    /// would not do again the same way). With `rowDigests`, every record is digested too, and
    /// the section's digests are left there.
    @inline(__always)
    func forEachRecord(in section: CSVFileSection, _ log: inout DiagnosticLog, plain: (PlainRecord) -> Bool,
                       _ body: (CSVRecord, inout DiagnosticLog) -> Void) -> (recordCount: Int, rest: CSVFileSection) {
        guard !header.isEmpty else { return (0, section) }
        let expectedCount = header.count
        var count = 0
        let line = firstLine(of: section)
        var rest = section
        var released = section.start
        let spec = rowDigests?.spec
        var runs = spec.map { _ in RowDigestRuns() }
        (spec?.known ?? StringTable()).withView { known in
            CSVFile.withScanner(bytes, name, from: section.start, line: line, lineStart: section.lineStart) { scanner in
                // Runs of plain records are read and offered to `plain` by `takePlainRecords` (without
                // digests: a lock reads them one at a time); a record it stops at, and the next
                // `slowRecords` when it took none, one at a time.
                var runAfter = 0
                while scanner.position < section.end {
                    var wasRefused = false
                    if spec == nil, count >= runAfter {
                        // A run stops after `releaseStep` bytes, to release their pages.
                        let limit = min(section.end, scanner.position + Self.releaseStep)
                        let run = scanner.takePlainRecords(before: limit, fieldCount: expectedCount, plain)
                        (count, wasRefused) = (count + run.taken, run.refused)
                        if run.taken == 0 { runAfter = count + Self.slowRecords }
                        released = releasingPages(from: released, to: scanner.position)
                        guard scanner.position < section.end else { break }
                        if scanner.position >= limit { continue }
                    }
                    let isPlain = scanner.nextPlainRecord()
                    guard isPlain || scanner.nextRecord(&log) else { break }
                    count += 1
                    released = releasingPages(from: released, to: scanner.position)
                    let fields = scanner.fields
                    let isPlainRecord = isPlain && fields.count == expectedCount
                    if isPlainRecord {
                        let record = PlainRecord(bytes: scanner.bytes, fields: fields, line: scanner.recordLine)
                        if let spec { runs?.add(record, spec, known: known) }
                        // A record `takePlainRecords` offered was refused already.
                        if !wasRefused, plain(record) { continue }
                    }
                    var record = CSVRecord(bytes: scanner.bytes, fields: fields, file: name, line: scanner.recordLine,
                                           lineStart: scanner.recordLineStart, isDamaged: scanner.recordIsDamaged)
                    if fields.count != expectedCount {
                        reportRagged(record, &log)
                        record = CSVRecord(bytes: scanner.bytes, fields: fields, file: name, line: record.line,
                                           lineStart: record.lineStart, isDamaged: true)
                    }
                    if let spec, !isPlainRecord { runs?.add(record, spec, known: known) }
                    body(record, &log)
                }
                let end = scanner.hitUnterminatedQuote ? bytes.count : scanner.position
                rest = CSVFileSection(start: end, line: scanner.line, lineStart: scanner.lineStart, end: bytes.count)
            }
        }
        if let runs { rowDigests?.deposit(start: section.start, end: rest.start, runs) }
        return (count, rest)
    }

    /// How many bytes `forEachRecord(in:)` reads between releasing the pages it has read (see
    /// `FileContents.releasePages(in:)`): a large file then never holds all its pages resident
    /// beside the tables made from it.
    static let releaseStep = 1 << 23

    /// Releases the pages read from `released` to `position` once they are `releaseStep` bytes
    /// or more (`FileContents.releasePages(in:)`).
    /// - Returns: where the next pages to release start.
    @inline(__always)
    private func releasingPages(from released: Int, to position: Int) -> Int {
        position - released >= Self.releaseStep ? contents.releasePages(in: released..<position) : released
    }

    /// How many records `forEachRecord(in:)` reads one at a time after a run of plain records
    /// that took none, before it tries a run again.
    static let slowRecords = 32

    /// The physical line where `section` starts.
    func firstLine(of section: CSVFileSection) -> Int {
        section.line ?? dataLine + physicalLineBreaks(in: dataStart..<section.start)
    }

    /// The number of physical line breaks (LF, CRLF, lone CR) in `section`: at least the number
    /// of its records, less one when the last runs to the end of the file without one.
    /// - Complexity: O(*n*); without any CR, one vectorized pass counting LFs.
    func lineBreaks(in section: CSVFileSection) -> Int {
        physicalLineBreaks(in: section.start..<section.end)
    }

    /// The most records `section` can hold: one per line break, and one more when the section
    /// does not end with a line break (its last record may run to the end of the file).
    /// - Complexity: O(*n*); without any CR, one vectorized pass counting LFs.
    func recordCapacity(of section: CSVFileSection) -> Int {
        recordCapacity(of: section, lineBreaks: lineBreaks(in: section))
    }

    /// `recordCapacity(of:)` of a section whose line breaks are counted already.
    private func recordCapacity(of section: CSVFileSection, lineBreaks: Int) -> Int {
        // A section that ends with a line break cannot have a last record running on.
        let endsWithLineBreak = section.end > section.start && (bytes[section.end - 1] == 0x0A || bytes[section.end - 1] == 0x0D)
        return lineBreaks + (endsWithLineBreak ? 0 : 1)
    }

    /// The number of physical line breaks (LF, CRLF, lone CR) in `range`.
    /// - Complexity: O(*n*); without any CR, one pass of 64 bytes at a time.
    private func physicalLineBreaks(in range: Range<Int>) -> Int {
        if let count = Self.lineFeedCount(UnsafeBufferPointer(rebasing: bytes[range])) { return count }
        var count = 0
        for index in range {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { count += 1 }
        }
        return count
    }

    /// The number of line feeds in `bytes`, or `nil` when they hold a carriage return (a line
    /// break too, alone or before a line feed): 64 bytes at a time (`trialreport_line_feed_count`),
    /// then the last few one by one.
    static func lineFeedCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0, hasCarriageReturn: Int32 = 0
        let blocks = bytes.count / 64
        if let base = bytes.baseAddress {
            count = Int(trialreport_line_feed_count(base, Int64(blocks), &hasCarriageReturn))
        }
        for byte in bytes[(64 * blocks)...] {
            count &+= byte == 0x0A ? 1 : 0
            hasCarriageReturn |= byte == 0x0D ? 1 : 0
        }
        return hasCarriageReturn == 0 ? count : nil
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
                guard scanner.line == wanted.line else { continue }
                // Read from a scanner of its own: several fields may be wanted on the same line.
                CSVFile.withScanner(bytes, name, from: scanner.position, line: scanner.line, lineStart: scanner.lineStart) { lookahead in
                    guard lookahead.nextRecord(&ignored), wanted.field < lookahead.fields.count else { return }
                    let record = CSVRecord(bytes: lookahead.bytes, fields: lookahead.fields, file: name, line: lookahead.recordLine,
                                           lineStart: lookahead.recordLineStart, isDamaged: false)
                    result[index] = record.location(ofField: wanted.field)
                }
            }
        }
        return result
    }

    /// The bytes of the file, valid while `self` is (every use is inside a method of `self`).
    private var bytes: UnsafeBufferPointer<UInt8> { contents.bytes }

    static func withScanner(_ buffer: UnsafeBufferPointer<UInt8>, _ name: String, from start: Int, line: Int, lineStart: Int,
                                    _ body: (inout CSVScanner) -> Void) {
        CSVByteClass.table.withUnsafeBufferPointer { classes in
            var scanner = CSVScanner(bytes: buffer, classes: classes, file: name, range: start..<buffer.count,
                                     line: line, lineStart: lineStart)
            body(&scanner)
        }
    }
}

/// A file's data records cut into sections (`CSVFile.countedSections`), with the physical line
/// breaks in each and the most records each can hold (`CSVFile.recordCapacity(of:)`).
public struct CountedSections: Sendable {
    public let sections: [CSVFileSection]
    public let lineBreaks: [Int]
    public let recordCapacities: [Int]
}

/// A run of a CSV file's data records: those starting at `start` or later, before `end`.
public struct CSVFileSection: Sendable, Equatable {
    /// The offset of the section's first record.
    public var start: Int
    /// The physical line of `start`, or `nil` when it is to be counted when read.
    public var line: Int?
    /// The offset where the line of `start` begins.
    public var lineStart: Int
    /// Records starting at this offset or later belong to the next section.
    public var end: Int
}
