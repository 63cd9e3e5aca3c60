/// The marker that starts a list item: `-`, `+` or `*` (bullet), or 1 to 9 digits followed by
/// `.` or `)` (numbered), then a space, a tab or the end of the line.
struct MarkdownListMarker: Sendable {
    /// The number of a numbered item, `nil` for a bullet.
    var ordinal: Int?
    /// The bullet character, or the `.`/`)` after the number.
    var symbol: Character
    /// Characters from the start of the line's text to the item's content; continuation lines
    /// indented at least this much belong to the item.
    var contentOffset: Int
    /// Whether nothing follows the marker on its line.
    var isEmptyItem: Bool

    /// The marker at the start of `line` (after its indentation), or `nil`.
    init?(_ line: MarkdownLine) {
        let content = line.content
        guard !MarkdownLineSyntax.isThematicBreak(content) else { return nil }
        var markerWidth: Int
        if let first = content.first, first == "-" || first == "+" || first == "*" {
            ordinal = nil
            symbol = first
            markerWidth = 1
        } else {
            let digits = content.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), let number = Int(digits),
                  let delimiter = content.dropFirst(digits.count).first,
                  delimiter == "." || delimiter == ")" else { return nil }
            ordinal = number
            symbol = delimiter
            markerWidth = digits.count + 1
        }
        let rest = content.dropFirst(markerWidth)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
        isEmptyItem = spaces == rest.count
        let gap = isEmptyItem || spaces > 4 ? 1 : spaces
        contentOffset = line.indentation + markerWidth + gap
    }

    /// Whether an item with this marker may end a paragraph without a blank line (CommonMark: not
    /// when empty, and a numbered one only when it starts at 1).
    var canInterruptParagraph: Bool { !isEmptyItem && (ordinal == nil || ordinal == 1) }

    /// Whether an item with `other` continues a list started with this marker (same kind, same
    /// bullet or delimiter).
    func isContinued(by other: MarkdownListMarker) -> Bool {
        (ordinal == nil) == (other.ordinal == nil) && symbol == other.symbol
    }
}

extension MarkdownBlockParser {
    /// A list: consecutive items with compatible markers. An item holds its first line after the
    /// marker, following lines indented to its content offset, and lazy continuation lines of a
    /// paragraph; its lines are parsed as blocks one level deeper.
    /// - Complexity: O(total length of the list's lines) at this level.
    func parseList(_ first: MarkdownListMarker, at index: Int, in lines: ArraySlice<MarkdownLine>,
                   depth: Int) -> (MarkdownBlock.Content, Int) {
        var items: [[MarkdownBlock]] = []
        var isTight = true
        var marker = first
        var next = index
        while true {
            var itemLines = [lines[next].dropping(marker.contentOffset)]
            var blanks: [MarkdownLine] = []
            next += 1
            while next < lines.endIndex {
                let line = lines[next]
                if line.isBlank {
                    blanks.append(line)
                } else if line.indentation >= marker.contentOffset {
                    if !blanks.isEmpty { isTight = false }
                    itemLines += blanks + [line.dropping(marker.contentOffset)]
                    blanks = []
                } else if blanks.isEmpty, MarkdownListMarker(line) == nil,
                          !interruptsParagraph(at: next, in: lines, depth: depth) {
                    itemLines.append(line.withoutIndentation)
                } else {
                    break
                }
                next += 1
            }
            items.append(parseBlocks(itemLines[...], depth: depth + 1))
            guard next < lines.endIndex, let following = MarkdownListMarker(lines[next]),
                  first.isContinued(by: following) else { break }
            if !blanks.isEmpty { isTight = false }
            marker = following
        }
        return (.list(MarkdownList(start: first.ordinal, isTight: isTight, items: items)), next)
    }
}
