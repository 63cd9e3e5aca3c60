/// Where one field of a CSV record lies in the file's bytes.
///
/// `start..<end` covers the field as written, including the enclosing quotes of a quoted
/// field; `content` is the text between them. A quoted field's content may hold doubled
/// quotes (`""`), which stand for one quote character.
struct CSVField {
    var start: Int
    var end: Int
    var isQuoted: Bool
    var hasDoubledQuotes: Bool

    /// The bytes of the value (without enclosing quotes; doubled quotes not yet undone).
    var content: Range<Int> {
        isQuoted ? (start + 1)..<(end - 1) : start..<end
    }

    /// Whether the field is missing: its value is empty, or `NA`.
    @inline(__always)
    func isMissing(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.isMissing(UnsafeBufferPointer(rebasing: bytes[content]))
    }

    /// Whether a value is missing: empty, or `NA` (a value with doubled quotes, undone or not,
    /// holds a quote, so it is neither).
    @inline(__always)
    static func isMissing(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        switch value.count {
        case 0: return true
        case 2: return value[0] == UInt8(ascii: "N") && value[1] == UInt8(ascii: "A")
        default: return false
        }
    }
}

/// The classes of byte the CSV scanner tells apart; everything else is ordinary ASCII text.
enum CSVByteClass: UInt8 {
    case ordinary = 0
    case comma
    case lineFeed
    case carriageReturn
    case quote
    case nul
    /// An ASCII control character that text may not hold (`RenderableText`), NUL aside.
    case control
    case nonASCII

    /// The class of every byte value, indexed by the byte.
    static let table: [CSVByteClass] = (0...255).map { byte -> CSVByteClass in
        switch byte {
        case 0x2C: .comma
        case 0x0A: .lineFeed
        case 0x0D: .carriageReturn
        case 0x22: .quote
        case 0x00: .nul
        case 0x80...: .nonASCII
        default: RenderableText.isRefused(Unicode.Scalar(UInt8(byte))) ? .control : .ordinary
        }
    }
}

/// UTF-8 validation of one multi-byte sequence (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF).
enum UTF8Sequence {
    /// The length of the valid UTF-8 sequence starting at `position` (whose first byte is
    /// ≥ 0x80), or `nil` when the bytes there are not valid UTF-8.
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Int? {
        let lead = bytes[position]
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return nil
        }
        guard position + length <= end else { return nil }
        let second = bytes[position + 1]
        guard second >= lowest, second <= highest else { return nil }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// The scalar of the valid sequence of `length` bytes at `position`.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at position: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[position]) & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
        return Unicode.Scalar(value)!
    }
}
