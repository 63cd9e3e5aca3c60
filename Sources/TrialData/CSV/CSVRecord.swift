/// The value of a cell read as a number.
public enum NumberCell: Equatable, Sendable {
    /// An empty cell or `NA`.
    case missing
    case number(Double)
    /// Text that is not a decimal number.
    case invalid
}

/// One data record of a CSV file, as seen by `CSVFile.forEachRecord`: a view of the file's
/// bytes that is valid only inside the closure it is passed to.
///
/// Fields are read on demand: nothing is copied or converted until asked for.
public struct CSVRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let fields: UnsafeBufferPointer<CSVField>
    /// The file's name, for locations.
    public let file: String
    /// The physical line where the record starts (1-based; the header is on line 1).
    public let line: Int
    let lineStart: Int
    /// Whether the reader found a problem in this record (already reported): a damaged
    /// record's fields may be misaligned and should not be used as data.
    public let isDamaged: Bool

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether field `index` is missing: empty, or `NA`.
    public func isMissing(_ index: Int) -> Bool {
        fields[index].isMissing(in: bytes)
    }

    /// The text of field `index` with doubled quotes undone (invalid UTF-8 repaired).
    public func text(_ index: Int) -> String {
        withValueBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of field `index`, or `nil` when it is missing.
    public func optionalText(_ index: Int) -> String? {
        isMissing(index) ? nil : text(index)
    }

    /// Field `index` read as a decimal number, without creating a `String`.
    /// - Complexity: O(*n*) in the length of the field.
    public func number(_ index: Int) -> NumberCell {
        if isMissing(index) { return .missing }
        let field = fields[index]
        guard !field.hasDoubledQuotes, let value = DecimalNumber.parse(bytes, field.content) else { return .invalid }
        return .number(value)
    }

    /// Calls `body` with the bytes of field `index`'s value (doubled quotes undone).
    public func withValueBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let field = fields[index]
        let content = UnsafeBufferPointer(rebasing: bytes[field.content])
        guard field.hasDoubledQuotes else { return try body(content) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(content.count)
        var skipNextQuote = false
        for byte in content {
            if byte == 0x22, skipNextQuote { skipNextQuote = false; continue }
            skipNextQuote = byte == 0x22
            unescaped.append(byte)
        }
        return try unescaped.withUnsafeBufferPointer(body)
    }

    /// Where field `index` starts (its opening quote, for a quoted field).
    public func location(ofField index: Int) -> SourceLocation {
        location(ofOffset: fields[index].start)
    }

    /// Where the record ends (just after its last character): where missing fields belong.
    public var endLocation: SourceLocation {
        location(ofOffset: fields[fields.count - 1].end)
    }

    /// Where each field starts, found in one pass over the record (the header's column locations).
    /// - Complexity: O(*n*) in the bytes of the record.
    public var fieldLocations: [SourceLocation] {
        var cursor = LineCursor(line: line, lineStart: lineStart)
        return (0..<fields.count).map { index in
            cursor.advance(to: fields[index].start, in: bytes)
            return SourceLocation(file: file, line: cursor.line, column: cursor.column)
        }
    }

    private func location(ofOffset offset: Int) -> SourceLocation {
        var cursor = LineCursor(line: line, lineStart: lineStart)
        cursor.advance(to: offset, in: bytes)
        return SourceLocation(file: file, line: cursor.line, column: cursor.column)
    }
}

/// The physical line and character column of a position moving forward through a file's bytes.
struct LineCursor {
    private(set) var line: Int
    /// The 1-based character column of `position` (UTF-8 scalars; an invalid byte counts as one).
    private(set) var column = 1
    private var position: Int

    init(line: Int, lineStart: Int) {
        self.line = line
        self.position = lineStart
    }

    /// Moves to `offset` (not before the current position); LF, CRLF and a lone CR end a line.
    /// - Complexity: O(*n*) in the bytes passed.
    mutating func advance(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        while position < offset {
            let byte = bytes[position]
            position += 1
            if byte == 0x0A || (byte == 0x0D && (position == bytes.count || bytes[position] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
    }
}
