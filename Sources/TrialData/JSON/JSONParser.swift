/// Reads JSON text (RFC 8259) into a `JSONValue`, numbers exactly.
///
/// Foundation's `JSONSerialization` on Linux can read a double one unit in the last place off;
/// here a number without fraction or exponent that fits in `Int` is an `.integer`, and every other
/// number is converted by Swift's `Double(_:)` (correctly rounded, `strtod`), so text written by
/// `JSONValue.canonicalText` reads back as the same value. Objects keep their key order; a
/// repeated key is an error.
public enum JSONParser {
    /// Deepest nesting accepted (arrays and objects), so hostile input cannot overflow the stack.
    public static let maximumDepth = 512

    /// The JSON value of `bytes` (UTF-8, a leading byte-order mark is skipped).
    ///
    /// - Parameter file: the name shown in diagnostics.
    /// - Throws: `TrialReportError` of kind `.invalidInput` at the line and column of the first
    ///   problem.
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ bytes: [UInt8], file: String) throws(TrialReportError) -> JSONValue {
        var reader = Reader(bytes: bytes, file: file)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3; reader.lineStart = 3 }
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == bytes.count else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }
}

private struct Reader {
    let bytes: [UInt8]
    let file: String
    var position = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    func failure(_ message: String) -> TrialReportError {
        let column = String(decoding: bytes[lineStart..<min(position, bytes.count)], as: UTF8.self).count + 1
        return TrialReportError(.invalidInput, at: SourceLocation(file: file, line: line, column: column), "invalid JSON: " + message)
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\n"): position += 1; line += 1; lineStart = position
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(TrialReportError) -> JSONValue {
        skipWhitespace()
        guard let byte = current else { throw failure("unexpected end of text") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    mutating func literal(_ word: String) throws(TrialReportError) {
        let expected = Array(word.utf8)
        guard bytes[position...].starts(with: expected) else { throw failure("expected '\(word)'") }
        position += expected.count
    }

    mutating func object(depth: Int) throws(TrialReportError) -> JSONValue {
        guard depth <= JSONParser.maximumDepth else { throw failure("nested deeper than \(JSONParser.maximumDepth) levels") }
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        var keys = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
            let keyStart = position
            let key = try string()
            guard keys.insert(key).inserted else {
                position = keyStart
                throw failure("repeated key \"\(key)\"")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            position += 1
            members.append((key, try value(depth: depth)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    mutating func array(depth: Int) throws(TrialReportError) -> JSONValue {
        guard depth <= JSONParser.maximumDepth else { throw failure("nested deeper than \(JSONParser.maximumDepth) levels") }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { position += 1; return .array(elements) }
        while true {
            elements.append(try value(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    mutating func number() throws(TrialReportError) -> JSONValue {
        let start = position
        var isInteger = true
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1  // no more digits may follow a leading 0
        } else {
            guard digits() > 0 else { throw failure("expected a digit") }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw failure("expected a digit after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            isInteger = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw failure("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .integer(integer) }
        guard let number = Double(text), number.isFinite else { throw failure("number \(text) is out of range") }
        return .number(number)
    }

    mutating func digits() -> Int {
        let start = position
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        return position - start
    }

    mutating func string() throws(TrialReportError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        /// Appends the bytes since `runStart`, or throws at the first that is not UTF-8.
        func flush() throws(TrialReportError) {
            let run = bytes[runStart..<position]
            if let invalid = Self.firstInvalidUTF8(in: run) {
                position = invalid
                throw failure("invalid UTF-8 inside a string")
            }
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        }
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                position += 1
                scalars.append(try escape())
                runStart = position
            case 0..<0x20:
                throw failure("control character inside a string")
            default:
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    /// The index of the first byte of `bytes` that does not belong to a well-formed UTF-8
    /// sequence (overlong forms, surrogates and truncated sequences included), or `nil`.
    static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    mutating func escape() throws(TrialReportError) -> Unicode.Scalar {
        guard let byte = current else { throw failure("unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hexQuad()
            if (0xD800..<0xDC00).contains(first), bytes[position...].starts(with: Array("\\u".utf8)) {
                position += 2
                let second = try hexQuad()
                guard (0xDC00..<0xE000).contains(second) else { throw failure("invalid surrogate pair") }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(first) else { throw failure("unpaired surrogate \\u\(String(first, radix: 16))") }
            return scalar
        default:
            throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    mutating func hexQuad() throws(TrialReportError) -> UInt32 {
        let quad = bytes[position..<min(position + 4, bytes.count)]
        guard quad.count == 4, quad.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
              let value = UInt32(String(decoding: quad, as: UTF8.self), radix: 16)
        else { throw failure("expected four hexadecimal digits after \\u") }
        position += 4
        return value
    }
}
