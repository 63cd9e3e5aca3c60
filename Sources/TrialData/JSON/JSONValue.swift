/// A JSON document as a tree whose objects keep their keys in insertion order: what
/// `results.json` and `trial.lock` are written from (`canonicalText`) and read into (`JSONParser`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number; written as `null` when not finite.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    /// The canonical text: two-space indentation, one member or element per line, `": "` after
    /// keys, keys in insertion order, and a final newline.
    ///
    /// - Complexity: O(size of the document).
    public var canonicalText: String {
        String(decoding: canonicalBytes, as: UTF8.self)
    }

    /// `canonicalText` as UTF-8 bytes, written straight into one buffer.
    ///
    /// - Complexity: O(size of the document).
    public var canonicalBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        write(into: &bytes, depth: 0)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private func write(into bytes: inout [UInt8], depth: Int) {
        switch self {
        case .null: bytes += "null".utf8
        case .bool(let value): bytes += (value ? "true" : "false").utf8
        case .integer(let value): bytes += String(value).utf8
        case .number(let value): bytes += Self.numberText(value).utf8
        case .string(let value): Self.appendStringLiteral(value, to: &bytes)
        case .array(let elements):
            guard !elements.isEmpty else { bytes += "[]".utf8; return }
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                Self.appendLineBreak(afterComma: index > 0, depth: depth + 1, to: &bytes)
                element.write(into: &bytes, depth: depth + 1)
            }
            Self.appendLineBreak(afterComma: false, depth: depth, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { bytes += "{}".utf8; return }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                Self.appendLineBreak(afterComma: index > 0, depth: depth + 1, to: &bytes)
                Self.appendStringLiteral(member.key, to: &bytes)
                bytes += ": ".utf8
                member.value.write(into: &bytes, depth: depth + 1)
            }
            Self.appendLineBreak(afterComma: false, depth: depth, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `,` when `afterComma`, a newline, and the indentation of `depth` (two spaces a level).
    private static func appendLineBreak(afterComma: Bool, depth: Int, to bytes: inout [UInt8]) {
        if afterComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// A number in the shortest form that reads back as the same `Double` (Swift's
    /// `description`, which is valid JSON for finite values), whole numbers below 2^53 without a
    /// fraction (`12`, not `12.0`); `null` for NaN and infinities.
    public static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return value.description
    }

    /// A JSON string literal: `"` and `\` escaped, control characters (C0, DEL, C1) and the byte
    /// order mark as `\n`, `\t`... or `\uXXXX`, everything else as is. The literal is also a valid
    /// YAML double-quoted scalar, which is how the plan's canonical YAML writes text.
    public static func stringLiteral(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendStringLiteral(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `stringLiteral(value)` appended to `bytes`: the UTF-8 bytes that need no escape are copied
    /// a run at a time.
    private static func appendStringLiteral(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var runStart = 0, index = 0
            while index < text.count {
                let (escape, length) = escapeAt(index, in: text)
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
