/// One source line as the block parser sees it: its text after any container prefixes (`>`,
/// list indentation) were removed, and where that text starts in the original source.
struct MarkdownLine: Sendable {
    /// The remaining text of the line, without its line break.
    var text: Substring
    /// 1-based line number in the source.
    var number: Int
    /// 1-based column (in characters) where `text` starts.
    var column: Int

    /// The lines of `text`, split at LF, CRLF or CR.
    /// - Complexity: O(n).
    static func split(_ text: String) -> [MarkdownLine] {
        var lines: [MarkdownLine] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines.append(MarkdownLine(text: text[start..<index], number: lines.count + 1, column: 1))
                start = next
            }
            index = next
        }
        if start < text.endIndex || lines.isEmpty {
            lines.append(MarkdownLine(text: text[start...], number: lines.count + 1, column: 1))
        }
        return lines
    }

    /// Whether the line holds only spaces and tabs.
    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }

    /// The number of leading spaces and tabs (a tab counts as one).
    var indentation: Int { text.prefix { $0 == " " || $0 == "\t" }.count }

    /// The text without leading spaces and tabs.
    var content: Substring { text.drop { $0 == " " || $0 == "\t" } }

    /// The line with its first `count` characters removed (at most the whole line).
    func dropping(_ count: Int) -> MarkdownLine {
        let rest = text.dropFirst(max(0, count))
        let dropped = text.distance(from: text.startIndex, to: rest.startIndex)
        return MarkdownLine(text: rest, number: number, column: column + dropped)
    }

    /// The line with at most `count` leading spaces or tabs removed.
    func droppingIndentation(upTo count: Int) -> MarkdownLine {
        dropping(min(count, indentation))
    }

    /// The line without its leading spaces and tabs.
    var withoutIndentation: MarkdownLine { dropping(indentation) }
}

extension Substring {
    /// The text without trailing spaces and tabs.
    var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
