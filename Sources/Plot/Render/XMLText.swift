/// Text placed in an XML document (the SVG figures, the Word files): `&`, `<` and `>` as
/// entities, `"` too inside attribute values, and the characters XML 1.0 forbids (C0 controls
/// other than tab, line feed and carriage return; U+FFFE, U+FFFF) replaced or dropped.
public enum XMLText {
    /// What becomes of a character XML 1.0 forbids.
    public enum Forbidden: Sendable {
        /// Written as U+FFFD, so the reader sees something was there.
        case replaced
        /// Left out.
        case dropped
    }

    /// `raw` escaped for XML content, or for a double-quoted attribute value (`quotes`).
    /// - Complexity: O(length of `raw`).
    public static func escaped(_ raw: String, quotes: Bool, forbidden: Forbidden) -> String {
        var written = ""
        written.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": written += "&amp;"
            case "<": written += "&lt;"
            case ">": written += "&gt;"
            case "\"" where quotes: written += "&quot;"
            case "\t", "\n", "\r": written.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                if forbidden == .replaced { written += "\u{FFFD}" }
            default: written.unicodeScalars.append(scalar)
            }
        }
        return written
    }
}
