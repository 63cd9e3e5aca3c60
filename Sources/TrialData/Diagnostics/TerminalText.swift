/// Text made safe to print on a terminal: data quoted in messages (a CSV cell, a lock's
/// `lockedBy` or note) may hold control characters, and an escape sequence printed raw would
/// drive the user's terminal (move the cursor, retitle the window, hide what follows).
public enum TerminalText {
    /// `text` with every control character (U+0000–U+001F, U+007F–U+009F) written out as an
    /// escape: `\n`, `\r`, `\t`, `\0`, else `\u{1B}`. Everything else is kept as it is.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// Appends `scalar` to `text`, escaped when it is a control character.
    static func append(_ scalar: Unicode.Scalar, to text: inout String) {
        guard isControl(scalar) else {
            text.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case "\t": text += "\\t"
        case "\0": text += "\\0"
        default: text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
