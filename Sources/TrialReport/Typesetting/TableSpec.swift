import Plot

/// A table as the typesetter sets it: cells as Pango markup, from a `ReportTable` or a Markdown
/// pipe table.
struct TableSpec {
    struct Cell {
        var markup: InlineMarkup
        var span = 1
        var alignment: ReportTable.Alignment = .left
        var indentation = 0
        var bold = false
        /// For a decimal-aligned cell: the byte offset of the point it aligns on.
        var alignmentByte: Int?
    }

    struct Group {
        var rows: [[Cell]]
        var keepTogether: Bool
    }

    var anchor: String?
    /// "Table 2." and the caption, or nil for a table without caption.
    var caption: (label: String, text: String)?
    var headerRows: [[Cell]]
    var groups: [Group]
    var footnotes: [InlineMarkup]
    var columnCount: Int
    /// The title of the table's top-level outline entry (bookmark), or `nil` for none.
    var outline: String?
    /// Whether the table goes on a landscape page, or `nil` to decide from its width.
    var landscape: Bool?

    /// Every row, the header rows first, then the body rows group by group.
    var allRows: [[Cell]] { headerRows + groups.flatMap(\.rows) }

    /// The spec of a generated table.
    init(_ table: ReportTable, anchor: String?, style: TypesetStyle) {
        self.anchor = anchor
        caption = table.caption.isEmpty && table.number == nil ? nil
            : (table.number.map { "Table \($0)." } ?? "", table.caption)
        let size = style.tableFont.size
        let columns = table.columnCount
        headerRows = table.headerRows.map { row in
            row.map { Cell(markup: Self.markup($0.text, footnotes: $0.footnotes, fontSize: size), span: $0.columnSpan,
                           alignment: $0.alignment, bold: true) }
        }
        groups = table.groups.map { group in
            Group(rows: group.rows.map { row in
                table.paddedCells(row, to: columns).map { cell in
                    Cell(markup: Self.markup(cell.text, footnotes: cell.footnotes, fontSize: size,
                                             emphasis: cell.emphasis),
                         alignment: cell.alignment, indentation: cell.indentation,
                         alignmentByte: cell.alignment == .decimal ? Self.alignmentByte(in: cell.text) : nil)
                }
            }, keepTogether: group.keepTogether)
        }
        footnotes = table.footnotes.map { footnote in
            var markup = InlineMarkup.raw(InlineMarkup.superscriptOpen(fontSize: style.footnoteFont.size)
                + RichText.escapeMarkup(footnote.marker) + "</span> ", text: footnote.marker + " ")
            markup.appendText(footnote.text)
            return markup
        }
        columnCount = columns
    }

    /// The spec of a Markdown pipe table.
    init(_ table: MarkdownTable, style: TypesetStyle) {
        let size = style.tableFont.size
        let alignments = table.alignments.map { alignment -> ReportTable.Alignment in
            switch alignment {
            case .left, nil: .left
            case .center: .center
            case .right: .right
            }
        }
        anchor = nil
        caption = nil
        headerRows = [zip(table.header, alignments).map {
            Cell(markup: InlineMarkup($0, fontSize: size, style: style), alignment: $1, bold: true)
        }]
        groups = [Group(rows: table.rows.map { row in
            zip(row, alignments).map { Cell(markup: InlineMarkup($0, fontSize: size, style: style), alignment: $1) }
        }, keepTogether: false)]
        footnotes = []
        columnCount = alignments.count
        if headerRows[0].allSatisfy({ $0.markup.textLength == 0 }) { headerRows = [] }
    }

    private static func markup(_ text: String, footnotes: [String], fontSize: Double,
                               emphasis: ReportTable.Emphasis = .none) -> InlineMarkup {
        var markup = InlineMarkup(text: text)
        switch emphasis {
        case .none: break
        case .bold: markup = .raw("<b>" + markup.markup + "</b>", text: text)
        case .italic: markup = .raw("<i>" + markup.markup + "</i>", text: text)
        }
        for footnote in footnotes {
            markup.append(.raw(InlineMarkup.superscriptOpen(fontSize: fontSize) + RichText.escapeMarkup(footnote) + "</span>",
                               text: footnote))
        }
        return markup
    }

    /// The byte offset a decimal cell aligns on: the end of the integer part of its first number,
    /// thousands separators included, so "24.6 ± 5.2", "12 (44.4%)", "5549 (11.1%)",
    /// "44,695 (89.8%)" and "0.614" line up on their leading number's units digit; nil when the
    /// text has no digit ("—"), which is then centred.
    static func alignmentByte(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 }
        func isGroupSeparator(_ index: Int) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: ",") && (1...3).allSatisfy { isDigit(index + $0) } && !isDigit(index + 4)
        }
        guard let first = bytes.indices.first(where: isDigit) else { return nil }
        var end = first
        while isDigit(end) || isGroupSeparator(end) { end += 1 }
        return end
    }
}
