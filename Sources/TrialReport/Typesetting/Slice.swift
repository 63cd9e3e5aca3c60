import Plot

/// The smallest piece the paginator places: a line (or lines) of text, a table caption, header or
/// row, a figure, or a page break. Slices chained by `keepWithNext` go onto the same page.
struct Slice {
    enum Kind {
        /// Lines of a text block, `indent` points from the text block's left edge.
        case text(TextBlock, lines: Range<Int>, indent: Double)
        case tableCaption(TableLayout)
        /// The caption repeated, "(continued)", on a page a table continues on.
        case tableContinuedCaption(TableLayout)
        case tableHeader(TableLayout)
        case tableRow(TableLayout, index: Int)
        case tableFootnote(TableLayout, index: Int)
        case figure(ReportFigure, size: Size)
        case pageBreak
    }

    var kind: Kind
    var height: Double
    /// Space above, dropped at the top of a page.
    var spaceBefore: Double = 0
    /// Whether the next slice must be on the same page as this one.
    var keepWithNext = false
    /// Whether this slice goes on a landscape page.
    var landscape = false
    /// The destination this slice's top defines (a heading's, table's or figure's anchor).
    var anchor: String?
    /// The outline entry of a heading: its level and text.
    var outline: (level: Int, title: String)?
    /// A list marker drawn left of the first line, `indent` points from the text block's edge.
    var marker: (block: TextBlock, indent: Double)?

    /// The table this slice belongs to, if any.
    var table: TableLayout? {
        switch kind {
        case .tableCaption(let table), .tableContinuedCaption(let table), .tableHeader(let table), .tableRow(let table, _), .tableFootnote(let table, _): table
        default: nil
        }
    }

    /// Whether this is a body row of a table (after which a continued table repeats its header).
    var isTableRow: Bool {
        if case .tableRow = kind { return true }
        return false
    }
}
