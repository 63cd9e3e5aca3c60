/// Escaping of data-derived text placed into Markdown, so that it reads as literal text in the
/// Markdown subset of `MarkdownDocument` (and in CommonMark/GFM renderers).
public enum MarkdownEscaping {
    /// Characters with inline meaning anywhere in a line: backslash-escaped wherever they occur.
    private static let inlineSpecial: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "^", "<", ">"]
    /// Characters that start a block (heading, quote, list, rule, fence) at the start of a line.
    private static let blockStart: Set<Character> = ["#", "-", "+", "=", "~", "!", ":", "{"]

    /// `text` with Markdown syntax neutralised: inline characters (\ ` * _ [ ] | ^ < >) get a
    /// backslash, as does a leading # - + = ~ ! : { and the `.` or `)` after leading digits
    /// ("1. " would start a list). Line breaks become spaces (a cell or caption is one line).
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        var atStart = true
        var onlyDigitsSoFar = true
        for character in text {
            let character: Character = character.isNewline ? " " : character
            let isLeading = atStart && character != " "
            if inlineSpecial.contains(character) || (isLeading && blockStart.contains(character))
                || (onlyDigitsSoFar && !atStart && (character == "." || character == ")")) {
                escaped.append("\\")
            }
            escaped.append(character)
            if character != " " {
                onlyDigitsSoFar = (atStart || onlyDigitsSoFar) && character.isASCII && character.isNumber
                atStart = false
            }
        }
        return escaped
    }
}
