/// Finds YAML anchors (`&name`), aliases (`*name`) and tags (`!!binary`, `!name`) in a text
/// without composing it.
///
/// Yams expands aliases without limit, and hashes alias keys while composing, so a few hundred
/// bytes of nested aliases ("billion laughs") cost billions of steps; a tag asks for a type the
/// plan does not have (`!!binary`, `!!python/object`) and would otherwise be ignored. The plan has
/// no use for either, so they are refused before Yams sees the text. The scan follows the YAML token rules
/// that matter: quoted scalars (also across lines), comments, block scalars (`|`, `>`), and plain
/// scalars, inside which `&` and `*` are ordinary text. It errs on the safe side: a plain scalar
/// continued on a new line that starts with `*` is reported too (quoting the text avoids that).
///
/// - Complexity: O(*n*) in the length of the text.
struct NodePropertyScanner {
    /// An anchor, alias or tag indicator (`&`, `*`, `!`) at a 1-based line and column (counted in
    /// Unicode scalars).
    struct Indicator: Equatable {
        var character: Character
        var line: Int
        var column: Int
    }

    private enum Quote { case single, double }

    private var indicators: [Indicator] = []
    private var quote: Quote?
    /// The indentation of the line that opened a block scalar while its content lines are skipped.
    private var blockScalarIndent: Int?
    private var flowDepth = 0

    /// Every anchor, alias and tag indicator of `text`, in order.
    static func indicators(in text: String) -> [Indicator] {
        var scanner = NodePropertyScanner()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            scanner.scan(Array(line.unicodeScalars), lineNumber: index + 1)
        }
        return scanner.indicators
    }

    private mutating func scan(_ line: [Unicode.Scalar], lineNumber: Int) {
        let indent = line.prefix { $0 == " " }.count
        let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
        if let parentIndent = blockScalarIndent {
            if isBlank || indent > parentIndent { return }
            blockScalarIndent = nil
        }
        var position = 0
        var atTokenStart = true
        if quote == nil, Self.startsWithDocumentMarker(line) { position = 3 }
        while position < line.count {
            let character = line[position]
            if let open = quote {
                position = endOfQuote(open, in: line, from: position)
                if quote == nil { atTokenStart = false }
                continue
            }
            let next = position + 1 < line.count ? line[position + 1] : " "
            let followedBySpace = next == " " || next == "\t" || next == "\r"
            let precededBySpace = position == 0 || line[position - 1] == " " || line[position - 1] == "\t"
            switch character {
            case " ", "\t", "\r":
                break
            case "#" where precededBySpace:
                return
            case "&" where atTokenStart, "*" where atTokenStart:
                indicators.append(Indicator(character: Character(character), line: lineNumber, column: position + 1))
                position = Self.endOfName(in: line, from: position)
                // An anchor's node follows it; an alias is a whole node.
                atTokenStart = character == "&"
            case "\"" where atTokenStart, "'" where atTokenStart:
                quote = character == "\"" ? .double : .single
            case "|" where atTokenStart, ">" where atTokenStart:
                blockScalarIndent = indent
                return
            case "-" where atTokenStart && followedBySpace, "?" where atTokenStart && followedBySpace:
                break
            case ":" where followedBySpace || (flowDepth > 0 && (next == "," || next == "]" || next == "}")):
                atTokenStart = true
            case "[" where atTokenStart, "{" where atTokenStart:
                flowDepth += 1
            case "]" where flowDepth > 0, "}" where flowDepth > 0:
                flowDepth -= 1
                atTokenStart = false
            case "," where flowDepth > 0:
                atTokenStart = true
            case "!" where atTokenStart:
                // A tag: the node it tags starts after it.
                indicators.append(Indicator(character: "!", line: lineNumber, column: position + 1))
                position = Self.endOfName(in: line, from: position)
            default:
                atTokenStart = false
            }
            position += 1
        }
    }

    /// The position of the last character of the anchor, alias or tag name starting at `start`.
    private static func endOfName(in line: [Unicode.Scalar], from start: Int) -> Int {
        var position = start
        while position + 1 < line.count, !" \t\r,[]{}".unicodeScalars.contains(line[position + 1]) { position += 1 }
        return position
    }

    /// Whether a line starts with `---` or `...` followed by a space or its end.
    private static func startsWithDocumentMarker(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count >= 3, line[0] == line[1], line[1] == line[2], line[0] == "-" || line[0] == "." else { return false }
        return line.count == 3 || line[3] == " " || line[3] == "\t" || line[3] == "\r"
    }

    /// Advances through a quoted scalar; clears `quote` at its closing quote.
    /// - Returns: the position after the closing quote, or the end of the line.
    private mutating func endOfQuote(_ open: Quote, in line: [Unicode.Scalar], from start: Int) -> Int {
        var position = start
        while position < line.count {
            let character = line[position]
            switch (open, character) {
            case (.double, "\\"):
                position += 2
                continue
            case (.double, "\""):
                quote = nil
                return position + 1
            case (.single, "'"):
                if position + 1 < line.count, line[position + 1] == "'" {
                    position += 2
                    continue
                }
                quote = nil
                return position + 1
            default:
                position += 1
            }
        }
        return position
    }
}
