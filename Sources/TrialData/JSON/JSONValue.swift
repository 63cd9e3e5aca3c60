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

    /// `canonicalText` as UTF-8 bytes, written straight into one buffer (`CanonicalJSONText`).
    ///
    /// - Complexity: O(size of the document).
    public var canonicalBytes: [UInt8] {
        var text = CanonicalJSONText(reservingCapacity: 4096)
        write(into: &text, depth: 0)
        text.finish()
        return text.bytes
    }

    private func write(into text: inout CanonicalJSONText, depth: Int) {
        switch self {
        case .null: text.appendNull()
        case .bool(let value): text.appendBool(value)
        case .integer(let value): text.appendInteger(value)
        case .number(let value): text.appendNumber(value)
        case .string(let value): text.appendString(value)
        case .array(let elements):
            text.open(object: false)
            for (index, element) in elements.enumerated() {
                text.startItem(first: index == 0, depth: depth + 1)
                element.write(into: &text, depth: depth + 1)
            }
            text.close(object: false, depth: depth, isEmpty: elements.isEmpty)
        case .object(let members):
            text.open(object: true)
            for (index, member) in members.enumerated() {
                text.startItem(first: index == 0, depth: depth + 1)
                text.appendKey(member.key)
                member.value.write(into: &text, depth: depth + 1)
            }
            text.close(object: true, depth: depth, isEmpty: members.isEmpty)
        }
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
        var text = CanonicalJSONText()
        text.appendString(value)
        return String(decoding: text.bytes, as: UTF8.self)
    }
}
