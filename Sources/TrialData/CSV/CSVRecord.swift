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
        let range = fields[index].content
        switch range.count {
        case 0: return true
        case 2: return bytes[range.lowerBound] == UInt8(ascii: "N") && bytes[range.lowerBound + 1] == UInt8(ascii: "A")
        default: return false
        }
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

    /// Whether field `index`'s value is exactly the given ASCII or UTF-8 text.
    public func valueEquals(_ index: Int, _ text: StaticString) -> Bool {
        withValueBytes(index) { value in
            bytesEqual(value, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
    }

    /// Where field `index` starts (its opening quote, for a quoted field).
    public func location(ofField index: Int) -> SourceLocation {
        location(ofOffset: fields[index].start)
    }

    /// Where the record ends (just after its last character): where missing fields belong.
    public var endLocation: SourceLocation {
        location(ofOffset: fields[fields.count - 1].end)
    }

    private func location(ofOffset offset: Int) -> SourceLocation {
        var line = self.line
        var lineStart = self.lineStart
        var position = lineStart
        while position < offset {
            let byte = bytes[position]
            position += 1
            if byte == 0x0A || (byte == 0x0D && (position == offset || bytes[position] != 0x0A)) {
                line += 1
                lineStart = position
            }
        }
        return SourceLocation(file: file, line: line, column: CSVScanner.characterCount(bytes, lineStart..<offset) + 1)
    }
}
