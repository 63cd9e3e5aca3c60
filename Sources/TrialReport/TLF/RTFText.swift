/// Text as it is written inside an RTF document (RTF 1.9.1): plain 7-bit ASCII, with `\`, `{`
/// and `}` escaped, tabs and line breaks as control words, and every other character as a
/// Unicode control word `\uN?` (N the signed 16-bit UTF-16 code unit, a surrogate pair for a
/// character beyond U+FFFF; `?` the one-character fallback of readers without Unicode, `\uc1`).
enum RTFText {
    /// `text` escaped for RTF; control characters other than tab and line feed are left out
    /// (the data and the plan are checked not to hold them; a report cannot show them).
    /// - Complexity: O(length of `text`).
    static func escaped(_ text: String) -> String {
        var written = ""
        written.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": written += "\\\\"
            case "{": written += "\\{"
            case "}": written += "\\}"
            case "\t": written += "\\tab "
            case "\n": written += "\\line "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                continue
            case _ where scalar.isASCII:
                written.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    written += "\\u\(Int16(bitPattern: unit))?"
                }
            }
        }
        return written
    }
}
