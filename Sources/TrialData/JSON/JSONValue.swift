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
        var text = ""
        write(into: &text, indent: "")
        return text + "\n"
    }

    private func write(into text: inout String, indent: String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .integer(let value): text += String(value)
        case .number(let value): text += Self.numberText(value)
        case .string(let value): text += Self.stringLiteral(value)
        case .array(let elements):
            guard !elements.isEmpty else { text += "[]"; return }
            let inner = indent + "  "
            text += "["
            for (index, element) in elements.enumerated() {
                text += (index == 0 ? "\n" : ",\n") + inner
                element.write(into: &text, indent: inner)
            }
            text += "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            let inner = indent + "  "
            text += "{"
            for (index, member) in members.enumerated() {
                text += (index == 0 ? "\n" : ",\n") + inner
                text += Self.stringLiteral(member.key)
                text += ": "
                member.value.write(into: &text, indent: inner)
            }
            text += "\n" + indent + "}"
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
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FEFF}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
