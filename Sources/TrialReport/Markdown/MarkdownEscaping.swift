/// Escaping of data-derived text placed into Markdown, so that it reads as literal text in the
/// Markdown subset of `MarkdownDocument` (and in CommonMark/GFM renderers).
public enum MarkdownEscaping {
    /// `text` with Markdown syntax neutralised: inline characters (\ ` * _ [ ] | ^ < >) get a
    /// backslash, as does a leading # - + = ~ ! : { and the `.` or `)` after leading digits when a
    /// space or the end follows ("1. " would start a list; "12.5" stays as it is). Line breaks
    /// become spaces (a cell or caption is one line).
    ///
    /// ASCII text (nearly every table cell) is read as bytes, one per character but for CR LF;
    /// other text character by character, with the same rules.
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var previous: UInt8 = 0
            for byte in text.utf8 {
                defer { previous = byte }
                if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { continue }  // CR LF: one line break
                bytes.append(byte.isLineBreak ? UInt8(ascii: " ") : byte)
            }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 4)
            forEach(bytes) { byte, backslash in
                if backslash { escaped.append(UInt8(ascii: "\\")) }
                escaped.append(byte)
            }
            return String(decoding: escaped, as: UTF8.self)
        }
        var escaped = ""
        forEach(text.map { $0.isNewline ? " " : $0 }) { character, backslash in
            if backslash { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Calls `body` with each of `characters` (line breaks already spaces) and whether it gets a backslash.
    private static func forEach<Unit: MarkdownCharacter>(_ characters: [Unit], _ body: (Unit, Bool) -> Void) {
        let leading = characters.prefix { $0 == .space }.count
        let digits = characters.dropFirst(leading).prefix(while: \.isListNumberDigit).count
        for (index, character) in characters.enumerated() {
            let endsListNumber = digits > 0 && index == leading + digits && character.endsListNumber
                && (index + 1 == characters.count || characters[index + 1] == .space)
            body(character, character.isInlineSpecial || (index == leading && character.startsBlock) || endsListNumber)
        }
    }
}

/// A character as `MarkdownEscaping` sees it: a `Character`, or an ASCII byte.
private protocol MarkdownCharacter: Equatable {
    static var space: Self { get }
    /// An ASCII digit (of a list number).
    var isListNumberDigit: Bool { get }
    /// \ ` * _ [ ] | ^ < >: inline meaning anywhere in a line.
    var isInlineSpecial: Bool { get }
    /// # - + = ~ ! : {: a heading, quote, list, rule or fence at the start of a line.
    var startsBlock: Bool { get }
    /// `.` or `)`.
    var endsListNumber: Bool { get }
}

extension UInt8: MarkdownCharacter {
    static var space: UInt8 { UInt8(ascii: " ") }
    var isListNumberDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isInlineSpecial: Bool {
        switch self {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
        default: false
        }
    }
    var startsBlock: Bool {
        switch self {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "~"), UInt8(ascii: "!"),
             UInt8(ascii: ":"), UInt8(ascii: "{"): true
        default: false
        }
    }
    var endsListNumber: Bool { self == UInt8(ascii: ".") || self == UInt8(ascii: ")") }
    /// LF, VT, FF or CR: the ASCII characters that `Character.isNewline`.
    var isLineBreak: Bool { (0x0A...0x0D).contains(self) }
}

extension Character: MarkdownCharacter {
    static var space: Character { " " }
    var isListNumberDigit: Bool { isASCII && isNumber }
    var isInlineSpecial: Bool { asciiValue?.isInlineSpecial ?? false }
    var startsBlock: Bool { asciiValue?.startsBlock ?? false }
    var endsListNumber: Bool { self == "." || self == ")" }
}
