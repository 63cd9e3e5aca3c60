extension ReportTable {
    /// The table as Markdown: the title in bold, a pipe table, then one paragraph per footnote.
    ///
    /// - Several header rows are flattened into one (`flattenedHeader`), as pipe tables have one.
    /// - Cell text is escaped with `MarkdownEscaping` (`|`, backticks, emphasis characters, …);
    ///   footnote markers follow the text as `<sup>a</sup>` (raw HTML, which GitHub, Pandoc and
    ///   CommonMark viewers show as a superscript).
    /// - Nested rows are indented with two no-break spaces per level, which Markdown keeps.
    /// - The column alignment row follows `columnAlignments()`; decimal columns are right-aligned.
    /// - Returns: Markdown text ending in a newline.
    /// - Complexity: O(cells).
    public func markdown() -> String {
        var lines: [String] = []
        if !title.isEmpty { lines += ["**" + MarkdownEscaping.escape(title) + "**", ""] }
        let header = flattenedHeader { Self.markdownText($0.text, footnotes: $0.footnotes) }
        lines.append(Self.pipeRow(header))
        lines.append(Self.pipeRow(columnAlignments().map(Self.delimiter)))
        let columns = columnCount
        for row in rows {
            lines.append(Self.pipeRow(paddedCells(row, to: columns).map(Self.markdownText)))
        }
        for footnote in footnotes {
            lines += ["", Self.superscript(footnote.marker) + " " + MarkdownEscaping.escape(footnote.text)]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pipeRow(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private static func delimiter(_ alignment: Alignment) -> String {
        switch alignment {
        case .left: ":---"
        case .center: ":---:"
        case .right, .decimal: "---:"
        }
    }

    private static func markdownText(_ cell: Cell) -> String {
        var text = markdownText(cell.text, footnotes: [])
        if !cell.text.isEmpty {
            switch cell.emphasis {
            case .none: break
            case .bold: text = "**" + text + "**"
            case .italic: text = "*" + text + "*"
            }
        }
        let indent = String(repeating: "\u{00A0}\u{00A0}", count: cell.indentation)
        return indent + text + markers(cell.footnotes)
    }

    private static func markdownText(_ text: String, footnotes: [String]) -> String {
        MarkdownEscaping.escape(text) + markers(footnotes)
    }

    private static func markers(_ footnotes: [String]) -> String {
        footnotes.map(superscript).joined()
    }

    private static func superscript(_ marker: String) -> String {
        "<sup>" + HTMLEscaping.escape(marker) + "</sup>"
    }
}
