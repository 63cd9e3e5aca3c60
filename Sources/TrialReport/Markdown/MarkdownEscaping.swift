/// Escaping of data-derived text placed into Markdown, so that it reads as literal text in the
/// Markdown subset of `MarkdownDocument` (and in CommonMark/GFM renderers).
public enum MarkdownEscaping {
    /// Characters with inline meaning anywhere in a line: backslash-escaped wherever they occur.
    private static let inlineSpecial: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "^", "<", ">"]
    /// Characters that start a block (heading, quote, list, rule, fence) at the start of a line.
    private static let blockStart: Set<Character> = ["#", "-", "+", "=", "~", "!", ":", "{"]

    /// `text` with Markdown syntax neutralised: inline characters (\ ` * _ [ ] | ^ < >) get a
    /// backslash, as does a leading # - + = ~ ! : { and the `.` or `)` after leading digits when a
    /// space or the end follows ("1. " would start a list; "12.5" stays as it is). Line breaks
    /// become spaces (a cell or caption is one line).
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        let characters = text.map { $0.isNewline ? " " : $0 }
        let leading = characters.prefix { $0 == " " }.count
        let digits = characters.dropFirst(leading).prefix { $0.isASCII && $0.isNumber }.count
        var escaped = ""
        for (index, character) in characters.enumerated() {
            let endsListNumber = digits > 0 && index == leading + digits && (character == "." || character == ")")
                && (index + 1 == characters.count || characters[index + 1] == " ")
            if inlineSpecial.contains(character) || (index == leading && blockStart.contains(character))
                || endsListNumber {
                escaped.append("\\")
            }
            escaped.append(character)
        }
        return escaped
    }
}
