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
        var written: [UInt8] = []
        var raw = raw
        raw.withUTF8 { append($0, quotes: quotes, forbidden: forbidden, to: &written) }
        return String(decoding: written, as: UTF8.self)
    }

    /// Appends the UTF-8 text `raw` to `written` escaped as `escaped(_:quotes:forbidden:)` does:
    /// copied as it is when no byte may need it.
    /// - Precondition: `raw` is valid UTF-8 (a `String`'s bytes).
    /// - Complexity: O(size of `raw`).
    public static func append(_ raw: UnsafeBufferPointer<UInt8>, quotes: Bool, forbidden: Forbidden, to written: inout [UInt8]) {
        // What may need escaping: `&`, `<`, `>`, `"`, C0 controls, and 0xEF, the first byte of U+F000 to U+FFFF.
        let plain = raw.allSatisfy { byte in
            byte >= 0x20 ? byte != 0x26 && byte != 0x3C && byte != 0x3E && (byte != 0x22 || !quotes) && byte != 0xEF
                : byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        guard !plain else {
            written.append(contentsOf: raw)
            return
        }
        for scalar in String(decoding: raw, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "&": written += "&amp;".utf8
            case "<": written += "&lt;".utf8
            case ">": written += "&gt;".utf8
            case "\"" where quotes: written += "&quot;".utf8
            case "\t", "\n", "\r": written.append(UInt8(scalar.value))
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                if forbidden == .replaced { written += "\u{FFFD}".utf8 }
            default: UTF8.encode(scalar) { written.append($0) }
            }
        }
    }
}
