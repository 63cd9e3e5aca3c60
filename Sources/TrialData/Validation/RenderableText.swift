/// The characters that text read from the inputs may hold: everything that every output can show.
///
/// Cairo and Pango (PDF, PNG, SVG) refuse Unicode noncharacters as "not valid UTF-8", XML (SVG,
/// DOCX, the HTML page) forbids most control characters, and a control character printed to a
/// terminal can drive it (escape sequences). So text is checked once, where it is read — CSV cells
/// by the CSV reader, plan texts by the plan reader — and such a character is an error at its file,
/// line and column instead of a failure of the render.
public enum RenderableText {
    /// Whether `scalar` is refused: a control character other than tab, line feed and carriage
    /// return (U+0000–U+001F, U+007F, U+0080–U+009F), or a Unicode noncharacter (U+FDD0–U+FDEF
    /// and the last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE …).
    /// - Complexity: O(1).
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: return true
        default: return value & 0xFFFE == 0xFFFE
        }
    }

    /// What is wrong with a refused `scalar`, for a diagnostic at its location.
    public static func problem(with scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if scalar.value <= 0x9F {
            return "control character \(code) (the text may hold only printable characters, tabs and line breaks)"
        }
        return "Unicode noncharacter \(code), which no report format can show; remove it"
    }

    /// A diagnostic for every refused character of `text`, at its line and column (lines end at
    /// LF, CRLF or a lone CR; columns count Unicode scalars from 1).
    /// - Parameters:
    ///   - file: the file named in the diagnostics.
    ///   - line: the line where `text` starts; `column`: the column where it starts.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func diagnostics(in text: String, file: String, line: Int = 1, column: Int = 1) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var (line, column) = (line, column)
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !afterCarriageReturn { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                if isRefused(scalar) {
                    diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), problem(with: scalar)))
                }
                column += 1
            }
            afterCarriageReturn = scalar == "\r"
        }
        return diagnostics
    }
}
