/// Recognisers for the syntax that starts a block, each looking at one line's text without its
/// indentation. Each is O(length of the line).
enum MarkdownLineSyntax {
    /// An ATX heading: 1 to 6 `#`, then a space or the end; an optional closing run of `#` and
    /// an optional trailing `{#anchor}` are removed from the text.
    static func heading(_ content: Substring) -> (level: Int, text: Substring, anchor: String?)? {
        let level = content.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        var text = content.dropFirst(level)
        guard text.isEmpty || text.first == " " || text.first == "\t" else { return nil }
        text = text.drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces
        let (withoutAnchor, anchor) = trailingAnchor(text)
        text = withoutAnchor
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let rest = text.dropLast(closing)
            if rest.isEmpty || rest.last == " " || rest.last == "\t" { text = rest.trimmingTrailingSpaces }
        }
        return (level, text, anchor)
    }

    /// `text` without a trailing `{#anchor}` and the anchor, when the anchor is a valid id
    /// (a letter, then letters, digits, `-`, `_`, `.` or `:`); otherwise `text` unchanged and nil.
    static func trailingAnchor(_ text: Substring) -> (text: Substring, anchor: String?) {
        let trimmed = text.trimmingTrailingSpaces
        guard trimmed.last == "}", let open = trimmed.lastIndex(of: "{"),
              trimmed[trimmed.index(after: open)...].first == "#" else { return (text, nil) }
        let anchor = trimmed[trimmed.index(open, offsetBy: 2)..<trimmed.index(before: trimmed.endIndex)]
        guard isValidAnchor(anchor) else { return (text, nil) }
        return (trimmed[..<open].trimmingTrailingSpaces, String(anchor))
    }

    /// Whether `anchor` is a letter followed by ASCII letters, digits, `-`, `_`, `.` or `:`.
    static func isValidAnchor(_ anchor: Substring) -> Bool {
        guard let first = anchor.first, first.isASCII, first.isLetter else { return false }
        return anchor.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }
    }

    /// `---`, `***` or `___`: three or more of one of them, spaces and tabs allowed between.
    static func isThematicBreak(_ content: Substring) -> Bool {
        guard let marker = content.first, marker == "-" || marker == "*" || marker == "_" else { return false }
        var count = 0
        for character in content {
            if character == marker {
                count += 1
            } else if character != " " && character != "\t" {
                return false
            }
        }
        return count >= 3
    }

    /// The opening of a fenced code block: three or more backticks or tildes, then an info string
    /// (which for backticks may not contain a backtick).
    static func fenceOpening(_ content: Substring) -> (marker: Character, length: Int, info: Substring)? {
        guard let marker = content.first, marker == "`" || marker == "~" else { return nil }
        let length = content.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        let info = content.dropFirst(length).drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces
        if marker == "`" && info.contains("`") { return nil }
        return (marker, length, info)
    }

    /// Whether `content` closes a fence opened with `length` × `marker`.
    static func closesFence(_ content: Substring, marker: Character, length: Int) -> Bool {
        let run = content.prefix { $0 == marker }.count
        return run >= length && content.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// `![caption](figure:name)` alone on the line, optionally followed by `{#anchor}`.
    static func figureReference(_ content: Substring) -> (name: String, caption: Substring, anchor: String?)? {
        let (text, anchor) = trailingAnchor(content.trimmingTrailingSpaces)
        guard text.hasPrefix("!["), text.last == ")",
              let separator = text.firstRange(of: "](figure:") else { return nil }
        let name = text[separator.upperBound..<text.index(before: text.endIndex)]
        guard isValidName(name) else { return nil }
        return (String(name), text[text.index(text.startIndex, offsetBy: 2)..<separator.lowerBound], anchor)
    }

    /// `[[table:name]]` alone on the line, optionally followed by `{#anchor}`.
    static func generatedTableReference(_ content: Substring) -> (name: String, anchor: String?)? {
        let (text, anchor) = trailingAnchor(content.trimmingTrailingSpaces)
        guard text.hasPrefix("[[table:"), text.hasSuffix("]]") else { return nil }
        let name = text.dropFirst("[[table:".count).dropLast(2)
        guard isValidName(name) else { return nil }
        return (String(name), anchor)
    }

    /// Whether `name` names generated content: an ASCII letter or digit, then letters, digits,
    /// `-`, `_` or `.`.
    static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}
