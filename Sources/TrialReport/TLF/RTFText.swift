/// Text as it is written inside an RTF document (RTF 1.9.1): plain 7-bit ASCII, with `\`, `{`
/// and `}` escaped, tabs and line breaks as control words, and every other character as a
/// Unicode control word `\uN?` (N the signed 16-bit UTF-16 code unit, a surrogate pair for a
/// character beyond U+FFFF; `?` the one-character fallback of readers without Unicode, `\uc1`).
enum RTFText {
    /// `text` escaped for RTF; control characters other than tab and line feed are left out
    /// (the data and the plan are checked not to hold them; a report cannot show them).
    /// - Complexity: O(length of `text`).
    static func escaped(_ text: String) -> String {
        var written: [UInt8] = []
        append(text, to: &written)
        return String(decoding: written, as: UTF8.self)
    }

    /// Appends `text` escaped (see `escaped`) to `written`: copied as it is when it is printable
    /// ASCII without `\`, `{` and `}`.
    /// - Complexity: O(length of `text`).
    static func append(_ text: String, to written: inout [UInt8]) {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C && $0 != 0x7B && $0 != 0x7D }
        guard !plain else {
            written += text.utf8
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": written += "\\\\".utf8
            case "{": written += "\\{".utf8
            case "}": written += "\\}".utf8
            case "\t": written += "\\tab ".utf8
            case "\n": written += "\\line ".utf8
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                continue
            case _ where scalar.isASCII:
                written.append(UInt8(scalar.value))
            default:
                for unit in String(scalar).utf16 {
                    written += "\\u\(Int16(bitPattern: unit))?".utf8
                }
            }
        }
    }
}
