/// Canonical JSON text written straight into one buffer of UTF-8 bytes: two-space indentation,
/// one member or element per line, `": "` after keys, empty containers inline (`{}`, `[]`).
///
/// The writer of `results.json` (an `Encodable` streamed in) and of any `JSONValue`
/// (`canonicalBytes`) both write through it, so the two give the same bytes for the same document.
public struct CanonicalJSONText {
    /// The text so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty text, with room for `capacity` bytes.
    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// `{` or `[`: a container whose items follow at one level deeper (`startItem`) and that
    /// ends with `close`.
    public mutating func open(object: Bool) {
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    /// Starts an item of a container whose items are at `depth`: `,` unless it is the `first`,
    /// a newline and the indentation of `depth` (two spaces a level).
    public mutating func startItem(first: Bool, depth: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        lineBreak(depth: depth)
    }

    /// Ends a container opened at `depth` (its items one level deeper): on a line of its own
    /// after items, right after the opening bracket when it has none.
    public mutating func close(object: Bool, depth: Int, isEmpty: Bool) {
        if !isEmpty { lineBreak(depth: depth) }
        bytes.append(object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// A member's key and the `": "` before its value.
    public mutating func appendKey(_ key: String) {
        appendString(key)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// `null`.
    public mutating func appendNull() { bytes += "null".utf8 }

    /// `true` or `false`.
    public mutating func appendBool(_ value: Bool) { bytes += (value ? "true" : "false").utf8 }

    /// An integer in decimal.
    public mutating func appendInteger(_ value: Int) { bytes += String(value).utf8 }

    /// A number as `JSONValue.numberText` writes it.
    public mutating func appendNumber(_ value: Double) { bytes += JSONValue.numberText(value).utf8 }

    /// A string literal (`JSONValue.stringLiteral`): `"` and `\` escaped, control characters
    /// (C0, DEL, C1) and the byte order mark as `\n`, `\t`... or `\uXXXX`, everything else as
    /// is; the UTF-8 bytes that need no escape are copied a run at a time.
    public mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var runStart = 0, index = 0
            while index < text.count {
                let (escape, length) = Self.escapeAt(index, in: text)
                guard let escape else {
                    index += length
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                bytes += escape.utf8
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The final newline.
    public mutating func finish() {
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func lineBreak(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// The escape of the character whose UTF-8 starts at `index` of `text` (`nil` when it is
    /// written as is) and the number of bytes to move past: one, or the two of a C1 control
    /// (U+0080–U+009F) and the three of the byte order mark (U+FEFF).
    @inline(__always)
    private static func escapeAt(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> (escape: String?, length: Int) {
        let byte = text[index]
        if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { return (nil, 1) }
        if byte < 0x80 { return (asciiEscape(byte), 1) }
        if byte == 0xC2, index + 1 < text.count, (0x80...0x9F).contains(text[index + 1]) {
            return (unicodeEscape(UInt32(text[index + 1])), 2)
        }
        if byte == 0xEF, index + 2 < text.count, text[index + 1] == 0xBB, text[index + 2] == 0xBF { return (unicodeEscape(0xFEFF), 3) }
        return (nil, 1)
    }

    /// The escape of an ASCII quote, backslash, C0 control or DEL.
    private static func asciiEscape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): "\\\""
        case UInt8(ascii: "\\"): "\\\\"
        case UInt8(ascii: "\n"): "\\n"
        case UInt8(ascii: "\r"): "\\r"
        case UInt8(ascii: "\t"): "\\t"
        case 0x08: "\\b"
        case 0x0C: "\\f"
        default: unicodeEscape(UInt32(byte))
        }
    }

    /// `\uXXXX`, four upper-case hexadecimal digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
