/// Parses the inline syntax of one paragraph, heading, caption or table cell: backslash escapes,
/// code spans, `*`/`_` emphasis, `^superscript^`, `[links](destination)`, line breaks.
///
/// Three linear passes over the UTF-8 bytes (every syntax character is ASCII, so splitting at
/// them never cuts a multi-byte character): `scan()` makes tokens and resolves code spans and
/// links; `matchEmphasis()` pairs delimiter runs with one stack per character (a simplified
/// CommonMark delimiter algorithm without the "multiple of 3" rule); `build()` makes the tree,
/// keeping emphasis deeper than `MarkdownDocument.maximumInlineNesting` as literal text.
/// Unmatched syntax (an unclosed `*`, a `[` without `](…)`) stays literal text.
struct MarkdownInlineParser {
    enum Token {
        case text(String)
        case code(String)
        case superscript(String)
        case softBreak
        case lineBreak
        case linkStart(destination: String)
        case linkEnd
        /// An index into `runs`.
        case delimiter(Int)
    }

    /// One pairing of an opening and a closing delimiter run.
    struct Match {
        var isStrong: Bool
        var id: Int
    }

    /// A run of `*` or `_`, what it may do, and the matches it takes part in.
    struct DelimiterRun {
        var character: UInt8
        var remaining: Int
        var canOpen: Bool
        var canClose: Bool
        /// Matches where this run opens, innermost first.
        var opens: [Match] = []
        /// Matches where this run closes, innermost first.
        var closes: [Match] = []
    }

    let bytes: [UInt8]
    var tokens: [Token] = []
    var runs: [DelimiterRun] = []
    private var pendingText: [UInt8] = []
    private var backticks: MarkdownBacktickRuns

    private init(_ text: Substring) {
        bytes = Array(text.utf8)
        backticks = MarkdownBacktickRuns(bytes)
    }

    /// The inlines of `text`.
    /// - Complexity: O(n) in the length of `text`.
    static func parse(_ text: Substring) -> [MarkdownInline] {
        var parser = MarkdownInlineParser(text)
        parser.scan()
        parser.matchEmphasis()
        return parser.build()
    }

    private mutating func scan() {
        var openBrackets: [Int] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index = scanEscape(at: index)
            case UInt8(ascii: "`"):
                index = scanBackticks(at: index)
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                index = scanDelimiterRun(at: index)
            case UInt8(ascii: "^"):
                index = scanSuperscript(at: index)
            case UInt8(ascii: "["):
                append(.text("["))
                openBrackets.append(tokens.count - 1)
                index += 1
            case UInt8(ascii: "]"):
                if let opener = openBrackets.popLast(), let (destination, end) = linkDestination(at: index + 1) {
                    flushText()
                    tokens[opener] = .linkStart(destination: destination)
                    tokens.append(.linkEnd)
                    openBrackets.removeAll()
                    index = end
                } else {
                    pendingText.append(byte)
                    index += 1
                }
            case UInt8(ascii: "\n"):
                index = scanLineEnd(at: index, token: .softBreak)
            default:
                pendingText.append(byte)
                index += 1
            }
        }
        flushText()
    }

    private mutating func scanEscape(at index: Int) -> Int {
        guard index + 1 < bytes.count else {
            pendingText.append(bytes[index])
            return index + 1
        }
        let next = bytes[index + 1]
        if next == UInt8(ascii: "\n") { return scanLineEnd(at: index + 1, token: .lineBreak) }
        if Self.isPunctuation(next) {
            pendingText.append(next)
            return index + 2
        }
        pendingText.append(bytes[index])
        return index + 1
    }

    /// A line break: trailing spaces before it and leading spaces after it are dropped.
    private mutating func scanLineEnd(at index: Int, token: Token) -> Int {
        while let last = pendingText.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            pendingText.removeLast()
        }
        append(token)
        var next = index + 1
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
        return next
    }

    private mutating func scanBackticks(at index: Int) -> Int {
        let length = runLength(at: index)
        guard let closing = backticks.nextRun(ofLength: length, from: index + length) else {
            pendingText += bytes[index..<(index + length)]
            return index + length
        }
        var content = bytes[(index + length)..<closing].map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
        if content.count >= 2, content.first == UInt8(ascii: " "), content.last == UInt8(ascii: " "),
           content.contains(where: { $0 != UInt8(ascii: " ") }) {
            content = Array(content.dropFirst().dropLast())
        }
        append(.code(String(decoding: content, as: UTF8.self)))
        return closing + length
    }

    private mutating func scanDelimiterRun(at index: Int) -> Int {
        let character = bytes[index]
        let length = runLength(at: index)
        let before: UInt8? = index > 0 ? bytes[index - 1] : nil
        let after: UInt8? = index + length < bytes.count ? bytes[index + length] : nil
        let leftFlanking = !Self.isWhitespace(after)
            && (!Self.isPunctuation(after) || Self.isWhitespace(before) || Self.isPunctuation(before))
        let rightFlanking = !Self.isWhitespace(before)
            && (!Self.isPunctuation(before) || Self.isWhitespace(after) || Self.isPunctuation(after))
        let isStar = character == UInt8(ascii: "*")
        let canOpen = leftFlanking && (isStar || !rightFlanking || Self.isPunctuation(before))
        let canClose = rightFlanking && (isStar || !leftFlanking || Self.isPunctuation(after))
        runs.append(DelimiterRun(character: character, remaining: length, canOpen: canOpen, canClose: canClose))
        append(.delimiter(runs.count - 1))
        return index + length
    }

    /// `^text^` with no space inside; otherwise a literal `^`.
    private mutating func scanSuperscript(at index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "^"), !Self.isWhitespace(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "^"), end > index + 1 else {
            pendingText.append(bytes[index])
            return index + 1
        }
        var content: [UInt8] = []
        var escaped = false
        for byte in bytes[(index + 1)..<end] {
            if !escaped && byte == UInt8(ascii: "\\") {
                escaped = true
                continue
            }
            escaped = false
            content.append(byte)
        }
        append(.superscript(String(decoding: content, as: UTF8.self)))
        return end + 1
    }

    /// `(destination)` at `index`: optional spaces, a destination without spaces, parentheses or
    /// angle brackets, optional spaces, `)`. Returns the destination and the index after `)`.
    private func linkDestination(at index: Int) -> (String, Int)? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return nil }
        var position = index + 1
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]),
              !"()<>".utf8.contains(bytes[position]) { position += 1 }
        let end = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: ")") else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), position + 1)
    }

    private func runLength(at index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] == bytes[index] { end += 1 }
        return end - index
    }

    private mutating func append(_ token: Token) {
        flushText()
        tokens.append(token)
    }

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        tokens.append(.text(String(decoding: pendingText, as: UTF8.self)))
        pendingText.removeAll(keepingCapacity: true)
    }

    /// Start or end of text, space, tab, line feed, carriage return or form feed.
    static func isWhitespace(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// ASCII punctuation (non-ASCII characters count as letters).
    static func isPunctuation(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}

/// Where the runs of backticks of each length are, to find a code span's closing run in
/// amortised O(1): positions only move forward while the text is scanned.
struct MarkdownBacktickRuns {
    private var positions: [Int: [Int]] = [:]
    private var cursors: [Int: Int] = [:]

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
            positions[end - index, default: []].append(index)
            index = end
        }
    }

    /// The start of the first run of exactly `length` backticks at or after `start`.
    mutating func nextRun(ofLength length: Int, from start: Int) -> Int? {
        guard let runs = positions[length] else { return nil }
        var cursor = cursors[length, default: 0]
        while cursor < runs.count, runs[cursor] < start { cursor += 1 }
        cursors[length] = cursor
        return cursor < runs.count ? runs[cursor] : nil
    }
}
