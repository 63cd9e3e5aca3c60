/// The one-pass RFC 4180 state machine over a file's bytes: splits records into fields,
/// tracks physical lines, and reports malformed input at its line and column.
///
/// The scanner never copies a field: it records byte ranges in `fields`, a buffer of its own
/// reused from record to record (so a scanner is not copied: two copies would share it). Lines
/// are physical lines of the file (a line break inside a quoted field starts a new line); LF,
/// CRLF and a lone CR each end a line. Columns count characters (UTF-8 scalars) from 1 at the
/// start of the line.
struct CSVScanner: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    let classes: UnsafeBufferPointer<CSVByteClass>
    let file: String
    let end: Int
    /// The next byte to read.
    var position: Int
    /// The physical line of `position`.
    var line: Int
    /// The offset where the physical line of `position` starts.
    var lineStart: Int
    /// The fields of the record last read, valid until the next record is read.
    var fields: UnsafeBufferPointer<CSVField> { UnsafeBufferPointer(start: fieldStorage, count: fieldCount) }
    private var fieldStorage: UnsafeMutablePointer<CSVField>
    private var fieldCapacity = 32
    private var fieldCount = 0
    /// The physical line and its start offset where the record last read begins.
    var recordLine = 0
    var recordLineStart = 0
    /// Whether the record last read had a problem (its fields cannot be trusted).
    var recordIsDamaged = false
    /// Set when a quoted field runs to the end of the file; nothing after it can be read.
    var hitUnterminatedQuote = false
    /// The bytes an unquoted field must look at, a block at a time.
    private var flagged = FlaggedBytes()
    /// The fields' ends and the bytes refused of a plain record, a block at a time.
    private var breaks = PlainBreaks()
    /// The offset and column `column(of:)` found last.
    private var lastColumn = (offset: 0, column: 1)

    init(bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<CSVByteClass>, file: String,
         range: Range<Int>, line: Int, lineStart: Int) {
        self.bytes = bytes
        self.classes = classes
        self.file = file
        self.end = range.upperBound
        self.position = range.lowerBound
        self.line = line
        self.lineStart = lineStart
        fieldStorage = .allocate(capacity: fieldCapacity)
    }

    deinit { fieldStorage.deallocate() }

    /// Whether the next line is blank (the input is at a line break).
    var isAtBlankLine: Bool {
        position < end && (bytes[position] == 0x0A || bytes[position] == 0x0D)
    }

    /// Reads the next record, skipping blank lines, into `fields`.
    /// - Returns: `false` at the end of the input or after an unterminated quote.
    /// - Complexity: O(*n*) in the bytes of the record.
    mutating func nextRecord(_ log: inout DiagnosticLog) -> Bool {
        while isAtBlankLine { consumeLineBreak() }
        guard position < end, !hitUnterminatedQuote else { return false }
        recordLine = line
        recordLineStart = lineStart
        recordIsDamaged = false
        fieldCount = 0
        while true {
            if position < end, bytes[position] == 0x22 {
                guard scanQuotedField(&log) else { return false }
            } else {
                scanUnquotedField(&log)
            }
            guard position < end else { return true }
            // A field ends at a comma or a line break (or at the end).
            guard bytes[position] == 0x2C else {
                consumeLineBreak()
                return true
            }
            position += 1
        }
    }

    /// Reads the next record when it is plain — unquoted fields of printable ASCII (no quote,
    /// tab, other control byte or byte from 0x7F up), each at most `CSVFile.maximumFieldBytes`
    /// long, ended by LF or CRLF — as most records of a data file are: its commas and its line
    /// break are the bits of a block's words (`PlainBreaks`), found without looking at a byte.
    /// Such a record has no problem to report, and its fields are those `nextRecord` finds.
    /// - Returns: `false`, with nothing changed, for any other record (and at a blank line or
    ///   the end of the input): `nextRecord` reads it.
    /// - Complexity: O(*n*) in the bytes of the record.
    @inline(__always)
    mutating func nextPlainRecord() -> Bool {
        guard !hitUnterminatedQuote, !isAtBlankLine else { return false }
        var start = position, cursor = position, count = 0
        while true {
            if breaks.offset(of: cursor) == nil {
                guard cursor + 64 <= end else { return nextPlainRecordTail(start: start, cursor: cursor, count: count) }
                breaks.load(at: cursor, in: bytes, end: end)
            }
            // A block ends at most 64 fields: room for them first.
            while count &+ 64 > fieldCapacity { grow() }
            let block = breaks, fields = fieldStorage
            let fromCursor = UInt64.max << UInt64(cursor &- block.start)
            let refused = block.refused & fromCursor
            // The separators before the first refused byte: the field holding it is not plain.
            var separators = block.separators & fromCursor & (refused == 0 ? UInt64.max : (refused & (0 &- refused)) &- 1)
            func fieldEnd(_ bit: UInt64) -> Int { block.start &+ Int(bit) &- Int(block.lineFeedsAfterCR >> bit & 1) }
            // Only a field begun in an earlier block can be too long: one begun in this one ends within 64 bytes.
            if separators != 0, block.start &+ 64 &- start > CSVFile.maximumFieldBytes,
               fieldEnd(UInt64(separators.trailingZeroBitCount)) &- start > CSVFile.maximumFieldBytes {
                return false
            }
            while separators != 0 {
                let bit = UInt64(separators.trailingZeroBitCount)
                (fields + count).initialize(to: CSVField(start: start, end: fieldEnd(bit), isQuoted: false, hasDoubledQuotes: false))
                count &+= 1
                start = block.start &+ Int(bit) &+ 1
                if block.lineFeeds >> bit & 1 != 0 {
                    finishPlainRecord(fieldCount: count, next: start)
                    return true
                }
                separators &= separators &- 1
            }
            guard refused == 0 else { return false }
            cursor = block.start &+ 64
        }
    }

    /// Reads the plain records (`nextPlainRecord`) of `fieldCount` fields from `position` on, as
    /// long as each starts before `limit` and `take` takes it (returns `true`): the run of plain
    /// records most of a data file is, read in one loop over blocks of 64 bytes, each field's end a
    /// bit of `PlainBreaks`. Stops at the first record that is not plain or has another number of
    /// fields, that is longer than `CSVFile.maximumFieldBytes` (its fields may be within it:
    /// `nextPlainRecord` tells), that starts at `limit` or after it, or runs into the last 64
    /// bytes of the input, with `position` at its start; or at the first one `take` refuses.
    /// - Returns: the number of records taken, and whether `take` refused the record at `position`.
    /// - Complexity: O(*n*) in the bytes of the records read.
    @inline(__always)
    mutating func takePlainRecords(before limit: Int, fieldCount expected: Int, _ take: (PlainRecord) -> Bool)
        -> (taken: Int, refused: Bool) {
        guard expected > 1, !hitUnterminatedQuote else { return (0, false) }
        while fieldCapacity < expected { grow() }
        let fields = fieldStorage
        var taken = 0, count = 0, refusedByTake = false
        var recordStart = position, fieldStart = position, cursor = position, line = self.line
        blocks: while recordStart < limit, cursor &+ 64 <= end {
            var block = PlainBreaks()
            block.load(at: cursor, in: bytes, end: end)
            let refused = block.refused
            // The separators before the first refused byte: the record holding it is not plain.
            var separators = block.separators & (refused == 0 ? UInt64.max : (refused & (0 &- refused)) &- 1)
            while separators != 0 {
                let bit = UInt64(separators.trailingZeroBitCount), separator = cursor &+ Int(bit)
                guard count < expected else { break blocks }
                let fieldEnd = separator &- Int(block.lineFeedsAfterCR >> bit & 1)
                (fields + count).initialize(to: CSVField(start: fieldStart, end: fieldEnd, isQuoted: false, hasDoubledQuotes: false))
                count &+= 1
                fieldStart = separator &+ 1
                if block.lineFeeds >> bit & 1 != 0 {
                    guard count == expected, fieldStart &- recordStart <= CSVFile.maximumFieldBytes else { break blocks }
                    guard take(PlainRecord(bytes: bytes, fields: UnsafeBufferPointer(start: fields, count: expected), line: line)) else {
                        refusedByTake = true
                        break blocks
                    }
                    (taken, count, line, recordStart) = (taken &+ 1, 0, line &+ 1, fieldStart)
                    guard recordStart < limit else { break blocks }
                }
                separators &= separators &- 1
            }
            guard refused == 0 else { break }
            cursor &+= 64
        }
        (position, self.line, lineStart) = (recordStart, line, recordStart)
        return (taken, refusedByTake)
    }

    /// `nextPlainRecord` among the last bytes before `end`, fewer than 64 from `cursor`: one byte
    /// at a time.
    @inline(never)
    private mutating func nextPlainRecordTail(start: Int, cursor: Int, count: Int) -> Bool {
        var (start, cursor, count) = (start, cursor, count)
        while cursor < end {
            let byte = bytes[cursor]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D {
                var next = cursor + 1
                if byte == 0x0D {
                    guard next < end, bytes[next] == 0x0A else { return false }
                    next += 1
                }
                // A line feed right after a CR the last block accepted (its CRLF straddles the tail).
                let fieldEnd = byte == 0x0A && cursor > start && bytes[cursor - 1] == 0x0D ? cursor - 1 : cursor
                guard fieldEnd - start <= CSVFile.maximumFieldBytes else { return false }
                if count == fieldCapacity { grow() }
                (fieldStorage + count).initialize(to: CSVField(start: start, end: fieldEnd, isQuoted: false, hasDoubledQuotes: false))
                count += 1
                start = next
                cursor = next
                if byte != 0x2C {
                    finishPlainRecord(fieldCount: count, next: next)
                    return true
                }
            } else if byte >= 0x20, byte < 0x7F, byte != 0x22 {
                cursor += 1
            } else {
                return false
            }
        }
        return false
    }

    /// Ends a plain record of `fieldCount` fields whose line break ends before `next`.
    @inline(__always)
    private mutating func finishPlainRecord(fieldCount count: Int, next: Int) {
        (recordLine, recordLineStart, recordIsDamaged, fieldCount) = (line, lineStart, false, count)
        position = next
        line += 1
        lineStart = next
    }

    private mutating func scanUnquotedField(_ log: inout DiagnosticLog) {
        let start = position
        var reported = false
        while position < end {
            position = flagged.next(from: position, in: bytes, end: end)
            guard position < end else { break }
            let byte = bytes[position]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
            let byteClass = classes[Int(byte)]
            if byteClass == .ordinary { position += 1; continue }
            switch byteClass {
            case .quote:
                report(Message.strayQuote, reported: &reported, &log)
                position += 1
            default:
                scanSpecialByte(&reported, &log)
            }
        }
        if position - start > CSVFile.maximumFieldBytes {
            let startColumn = column(of: start)
            reportTooLong(position - start, line: line, column: startColumn, &log)
        }
        append(CSVField(start: start, end: position, isQuoted: false, hasDoubledQuotes: false))
    }

    private mutating func append(_ field: CSVField) {
        if fieldCount == fieldCapacity { grow() }
        (fieldStorage + fieldCount).initialize(to: field)
        fieldCount += 1
    }

    /// Doubles the room for fields, keeping the first `fieldCapacity`.
    private mutating func grow() {
        let larger = UnsafeMutablePointer<CSVField>.allocate(capacity: 2 * fieldCapacity)
        larger.moveInitialize(from: fieldStorage, count: fieldCapacity)
        fieldStorage.deallocate()
        (fieldStorage, fieldCapacity) = (larger, 2 * fieldCapacity)
    }

    /// Reads a quoted field; on a missing closing quote reports where the field opened.
    /// - Returns: `false` when the quote is never closed.
    private mutating func scanQuotedField(_ log: inout DiagnosticLog) -> Bool {
        let start = position
        let openingLine = line
        let openingColumn = column(of: start)
        var hasDoubledQuotes = false
        var reported = false
        position += 1
        while true {
            guard position < end else {
                log.add(.error, SourceLocation(file: file, line: openingLine, column: openingColumn), Message.unterminatedQuote)
                hitUnterminatedQuote = true
                return false
            }
            let byteClass = classes[Int(bytes[position])]
            if byteClass == .ordinary || byteClass == .comma { position += 1; continue }
            switch byteClass {
            case .quote:
                if position + 1 < end, bytes[position + 1] == 0x22 {
                    hasDoubledQuotes = true
                    position += 2
                } else {
                    position += 1
                    if position - start - 2 > CSVFile.maximumFieldBytes {
                        reportTooLong(position - start - 2, line: openingLine, column: openingColumn, &log)
                    }
                    append(CSVField(start: start, end: position, isQuoted: true, hasDoubledQuotes: hasDoubledQuotes))
                    skipTextAfterClosingQuote(&log)
                    return true
                }
            case .lineFeed, .carriageReturn:
                consumeLineBreak()
            default:
                scanSpecialByte(&reported, &log)
            }
        }
    }

    /// After a closing quote only a comma or a line break may follow; anything else is
    /// reported once and skipped up to the end of the field.
    private mutating func skipTextAfterClosingQuote(_ log: inout DiagnosticLog) {
        guard position < end else { return }
        switch classes[Int(bytes[position])] {
        case .comma, .lineFeed, .carriageReturn: return
        default: break
        }
        var reported = false
        report(Message.textAfterClosingQuote, reported: &reported, &log)
        while position < end {
            switch classes[Int(bytes[position])] {
            case .comma, .lineFeed, .carriageReturn: return
            default: position += 1
            }
        }
    }

    /// A NUL byte, another control character or a non-ASCII byte: checks it and moves past it.
    private mutating func scanSpecialByte(_ reported: inout Bool, _ log: inout DiagnosticLog) {
        let byte = bytes[position]
        if byte == 0 {
            report(Message.nulByte, reported: &reported, &log)
            position += 1
        } else if byte < 0x80 {
            report(RenderableText.problem(with: Unicode.Scalar(byte)), reported: &reported, &log)
            position += 1
        } else if let length = UTF8Sequence.length(in: bytes, at: position, end: end) {
            let scalar = UTF8Sequence.scalar(in: bytes, at: position, length: length)
            if RenderableText.isRefused(scalar) { report(RenderableText.problem(with: scalar), reported: &reported, &log) }
            position += length
        } else {
            report(Message.invalidUTF8(bytes[position]), reported: &reported, &log)
            position += 1
        }
    }

    /// Reports a problem at the current position, once per field, and marks the record damaged.
    private mutating func report(_ message: String, reported: inout Bool, _ log: inout DiagnosticLog) {
        recordIsDamaged = true
        guard !reported else { return }
        reported = true
        log.add(.error, SourceLocation(file: file, line: line, column: column(of: position)), message)
    }

    /// Reports a field longer than `CSVFile.maximumFieldBytes` where it starts, and marks the record damaged.
    private mutating func reportTooLong(_ byteCount: Int, line: Int, column: Int, _ log: inout DiagnosticLog) {
        recordIsDamaged = true
        log.add(.error, SourceLocation(file: file, line: line, column: column), Message.fieldTooLong(byteCount, limit: CSVFile.maximumFieldBytes))
    }

    mutating func consumeLineBreak() {
        if bytes[position] == 0x0D, position + 1 < end, bytes[position + 1] == 0x0A {
            position += 2
        } else {
            position += 1
        }
        line += 1
        lineStart = position
    }

    /// The 1-based character column of `offset` on the current line (UTF-8 scalars; each invalid
    /// byte counts as one). Counted on from the column asked for last, so that many problems
    /// on one long line cost one pass over it, not one pass each.
    mutating func column(of offset: Int) -> Int {
        if lastColumn.offset < lineStart || lastColumn.offset > offset { lastColumn = (lineStart, 1) }
        var column = lastColumn.column
        for index in lastColumn.offset..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        lastColumn = (offset, column)
        return column
    }
}
