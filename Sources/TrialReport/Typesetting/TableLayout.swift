import CCairo
import Plot

/// A table laid out for one text width: column widths, every cell's text block, row heights, and
/// whether it needs a landscape page. Rows are never split; the paginator repeats the caption
/// (marked "continued") and the header rows on every page the table continues on.
final class TableLayout {
    struct LaidCell {
        var block: TextBlock
        var spec: TableSpec.Cell
        var column: Int
        /// How far below the row's top padding the block starts, so that its first line's baseline
        /// is the row's (a cell with a raised footnote mark has a taller first line).
        var drop = 0.0
    }

    struct Row {
        var cells: [LaidCell]
        var height: Double
    }

    let spec: TableSpec
    let style: TypesetStyle
    let landscape: Bool
    private(set) var columnWidths: [Double] = []
    private(set) var headerRows: [Row] = []
    private(set) var bodyRows: [Row] = []
    /// Per column, for a decimal one: the widest text left and right of the alignment point.
    private var decimalExtents: [(left: Double, right: Double)?] = []
    let caption: TextBlock?
    let continuedCaption: TextBlock?
    let footnotes: [TextBlock]
    /// Cells laid out so far, by what decides their layout: identical cells (the arm, "Yes", a
    /// month in a long listing) share one text block, which drawing only reads.
    private let cellLayouts: TableCellLayouts

    var width: Double { columnWidths.reduce(0, +) }
    var headerHeight: Double { headerRows.reduce(0) { $0 + $1.height } }

    /// Lays `spec` out for a text block `portraitWidth` wide, or `landscapeWidth` wide when its
    /// columns do not fit the portrait width.
    /// - Parameters:
    ///   - cells: the cells laid out before, by this table or others typeset on the same thread
    ///     with the same style; this table's are added.
    ///   - laidOutRows: for each row of `spec.allRows`, the block `cells.unwrappedBlock` gives each
    ///     of its cells, laid out before (`SharedCellLayout`): taken as they are, not looked up
    ///     by their text one by one.
    init(_ spec: TableSpec, cairo: OpaquePointer, style: TypesetStyle, portraitWidth: Double, landscapeWidth: Double,
         cells: TableCellLayouts, laidOutRows: [[TextBlock]]? = nil) {
        self.spec = spec
        self.style = style
        cellLayouts = cells
        let natural = Self.naturalWidths(spec, cairo: cairo, style: style, cells: cells, laidOutRows: laidOutRows)
        let needed = natural.widths.reduce(0, +)
        landscape = spec.landscape ?? (needed > portraitWidth + 0.5 && spec.columnCount > 3)
        let available = landscape ? landscapeWidth : portraitWidth
        decimalExtents = natural.decimal
        columnWidths = Self.fit(natural.widths, minimum: natural.minimum, into: available)
        let tableWidth = columnWidths.reduce(0, +)
        func captionBlock(continued: Bool) -> TextBlock? {
            guard let caption = spec.caption else { return nil }
            var markup = InlineMarkup.raw("<b>" + RichText.escapeMarkup(caption.label) + "</b>", text: caption.label)
            markup.appendText((caption.label.isEmpty ? "" : " ") + caption.text + (continued ? " (continued)" : ""))
            return TextBlock(cairo: cairo, markup: markup, font: style.captionFont, width: tableWidth)
        }
        caption = captionBlock(continued: false)
        continuedCaption = captionBlock(continued: true)
        footnotes = spec.footnotes.map { TextBlock(cairo: cairo, markup: $0, font: style.footnoteFont, width: tableWidth) }
        var unwrapped = natural.unwrapped.makeIterator()
        headerRows = spec.headerRows.map { layRow($0, unwrapped: unwrapped.next() ?? [], cairo: cairo) }
        bodyRows = spec.groups.flatMap(\.rows).map { layRow($0, unwrapped: unwrapped.next() ?? [], cairo: cairo) }
    }

    // A centred cell is laid out at its column's width and centred by Pango, line by line.

    /// The width of `span` columns from `column` (those of the table).
    private func spannedWidth(from column: Int, span: Int) -> Double {
        (column..<min(columnWidths.count, column + span)).reduce(0) { $0 + columnWidths[$1] }
    }

    /// The x of column `index`'s left edge, from the table's left edge.
    func columnX(_ index: Int) -> Double {
        columnWidths.prefix(index).reduce(0, +)
    }

    /// Draws `row` with its top-left corner at `origin`, the glyphs of its cells shown together
    /// (`GlyphBatch`): into `batch` when given (the caller flushes it), else by the row itself.
    func draw(_ row: Row, at origin: Point, on cairo: OpaquePointer, links: LinkRegistry, batch given: GlyphBatch? = nil) {
        let batch = given ?? GlyphBatch(cairo: cairo)
        defer { if given == nil { batch.flush() } }
        for index in row.cells.indices {
            let x = textX(ofCell: index, in: row, left: origin.x)
            row.cells[index].block.draw(at: Point(x: x, y: origin.y + style.cellPaddingY + row.cells[index].drop), on: cairo,
                                        links: links, batch: batch)
        }
    }

    /// Where the text of `row`'s cell `index` starts, the row's left edge at `left`: after the
    /// padding and the cell's indentation (left-aligned), the padding before its end
    /// (right-aligned), at the padding (centred: the block centres its lines), or with its
    /// decimal point under the column's others (decimal).
    ///
    /// The cell's fields are read in place (`row.cells[index].…`): a copy of the cell per call
    /// retained and released its block and its text's strings.
    func textX(ofCell index: Int, in row: Row, left: Double) -> Double {
        let column = row.cells[index].column
        let span = max(1, row.cells[index].spec.span)
        let columnLeft = left + columnX(column)
        let width = spannedWidth(from: column, span: span)
        let pad = style.cellPaddingX
        let textWidth = row.cells[index].block.size.width
        switch row.cells[index].spec.alignment {
        case .left: return columnLeft + pad + Double(row.cells[index].spec.indentation) * style.tableIndent
        case .right: return columnLeft + width - pad - textWidth
        case .center: return columnLeft + pad
        case .decimal:
            guard let byte = row.cells[index].spec.alignmentByte, let extents = decimalExtents[column] else {
                return columnLeft + (width - textWidth) / 2
            }
            let block = extents.left + extents.right
            return columnLeft + (width - block) / 2 + extents.left - row.cells[index].block.xPosition(ofByte: byte)
        }
    }

    /// Draws the header rows at `origin`: a heavy rule above, light rules under spanning cells,
    /// a light rule below.
    func drawHeader(at origin: Point, on cairo: OpaquePointer, links: LinkRegistry) {
        rule(from: origin.x, to: origin.x + width, y: origin.y, width: style.heavyRule, on: cairo)
        var y = origin.y
        for row in headerRows {
            draw(row, at: Point(x: origin.x, y: y), on: cairo, links: links)
            y += row.height
            for cell in row.cells where cell.spec.span > 1 && cell.spec.markup.textLength > 0 {
                let left = origin.x + columnX(cell.column) + style.cellPaddingX
                let right = origin.x + columnX(cell.column + cell.spec.span) - style.cellPaddingX
                rule(from: left, to: right, y: y - 0.8, width: style.lightRule * 0.8, on: cairo)
            }
        }
        if !headerRows.isEmpty {
            rule(from: origin.x, to: origin.x + width, y: y, width: style.lightRule, on: cairo)
        }
    }

    /// A horizontal rule.
    func rule(from left: Double, to right: Double, y: Double, width: Double, on cairo: OpaquePointer) {
        cairo_set_source_rgb(cairo, 0, 0, 0)
        cairo_set_line_width(cairo, width)
        cairo_move_to(cairo, left, y)
        cairo_line_to(cairo, right, y)
        cairo_stroke(cairo)
    }

    /// The cells of a row laid out in their columns; `unwrapped` holds each cell's block as its
    /// natural width measured it (`naturalWidths`), which a left-aligned cell that fits its
    /// column, or a decimal one, takes as it is.
    private func layRow(_ cells: [TableSpec.Cell], unwrapped: [TextBlock], cairo: OpaquePointer) -> Row {
        var column = 0
        var laid: [LaidCell] = []
        laid.reserveCapacity(cells.count)
        for (index, cell) in cells.enumerated() {
            let span = max(1, cell.span)
            guard column < columnWidths.count else { break }
            let width = spannedWidth(from: column, span: span)
                - 2 * style.cellPaddingX - Double(cell.indentation) * style.tableIndent
            let wraps = cell.alignment != .decimal
            let font = Font(family: style.tableFont.family, size: style.tableFont.size, bold: cell.bold)
            let wrapWidth = wraps ? max(10, width) : nil
            let alignment: TextAlignment = cell.alignment == .center ? .center : .leading
            let block: TextBlock
            // A cell with links gets a block of its own (their areas are drawn per cell).
            if cell.markup.links.isEmpty, alignment == .leading, index < unwrapped.count,
               wrapWidth.map({ unwrapped[index].size.width <= $0 }) ?? true {
                block = unwrapped[index]
            } else {
                let key = TextBlockKey(markup: cell.markup, bold: cell.bold, width: wrapWidth, centered: alignment == .center)
                if let key, let laid = cellLayouts.blocks[key] {
                    block = laid
                } else {
                    block = TextBlock(cairo: cairo, markup: cell.markup, font: font, width: wrapWidth, alignment: alignment)
                    if let key { cellLayouts.blocks[key] = block }
                }
            }
            laid.append(LaidCell(block: block, spec: cell, column: column))
            column += span
        }
        // The cells' first baselines aligned on the lowest of them.
        func baseline(_ cell: LaidCell) -> Double { cell.block.lines.first?.baseline ?? 0 }
        let lowest = laid.lazy.map(baseline).max() ?? 0
        for index in laid.indices { laid[index].drop = lowest - baseline(laid[index]) }
        let height = (laid.map { $0.drop + $0.block.size.height }.max() ?? style.tableFont.size) + 2 * style.cellPaddingY
        return Row(cells: laid, height: height)
    }

    /// Each column's natural width (its widest unwrapped single-column cell), the narrowest it may
    /// wrap to, and the extents of decimal columns; spanning header cells widen the columns
    /// they span when needed. The unwrapped blocks measured go into `cells` (those of
    /// `laidOutRows`, laid out before, are taken as they are), and come back row by row (those of
    /// the columns), for laying out the cells that fit their columns.
    private static func naturalWidths(_ spec: TableSpec, cairo: OpaquePointer, style: TypesetStyle, cells: TableCellLayouts,
                                      laidOutRows: [[TextBlock]]?)
        -> (widths: [Double], minimum: [Double], decimal: [(left: Double, right: Double)?], unwrapped: [[TextBlock]]) {
        let count = spec.columnCount
        var widths = Array(repeating: 0.0, count: count)
        var minimum = Array(repeating: 0.0, count: count)
        var decimal: [(left: Double, right: Double)?] = Array(repeating: nil, count: count)
        var spanning: [(column: Int, span: Int, width: Double)] = []
        let pad = 2 * style.cellPaddingX
        let rows = spec.allRows
        // A decimal cell's width and alignment point, measured once for identical cells (one
        // block, or one text); another cell's width is its unwrapped block's, found by its text
        // unless laid out before.
        var measured: [TextBlockKey: (width: Double, alignmentX: Double?, block: TextBlock)] = [:]
        var alignmentOfBlock: [ObjectIdentifier: Double] = [:]
        var unwrapped: [[TextBlock]] = []
        unwrapped.reserveCapacity(rows.count)
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            var blocks: [TextBlock] = []
            blocks.reserveCapacity(row.count)
            // Each cell's fields read in place: a copy of the cell retained and released its text.
            row.withUnsafeBufferPointer { row in
                for cellIndex in row.indices {
                    guard column < count else { break }
                    let size: (width: Double, alignmentX: Double?, block: TextBlock)
                    if let block = laidOutRows?[rowIndex][cellIndex] {
                        let alignmentX = row[cellIndex].alignmentByte.map { byte in
                            if let known = alignmentOfBlock[ObjectIdentifier(block)] { return known }
                            let x = block.xPosition(ofByte: byte)
                            alignmentOfBlock[ObjectIdentifier(block)] = x
                            return x
                        }
                        size = (block.size.width, alignmentX, block)
                    } else {
                        let cell = row[cellIndex]
                        let key = cell.alignmentByte.flatMap {
                            TextBlockKey(markup: cell.markup, bold: cell.bold, width: nil, centered: false, alignmentByte: $0)
                        }
                        if let key, let known = measured[key] {
                            size = known
                        } else {
                            let block = cells.unwrappedBlock(cell, cairo: cairo, style: style)
                            size = (block.size.width, cell.alignmentByte.map(block.xPosition(ofByte:)), block)
                            if let key { measured[key] = size }
                        }
                    }
                    blocks.append(size.block)
                    let span = row[cellIndex].span
                    let width = size.width + pad + Double(row[cellIndex].indentation) * style.tableIndent
                    if span > 1 {
                        spanning.append((column, span, width))
                    } else if let left = size.alignmentX {
                        let current = decimal[column] ?? (0, 0)
                        decimal[column] = (max(current.left, left), max(current.right, size.width - left))
                        minimum[column] = max(minimum[column], width)
                    } else {
                        widths[column] = max(widths[column], width)
                        let longestWord = row[cellIndex].markup.textLength > 24 ? min(width, 70 + pad) : width
                        minimum[column] = max(minimum[column], row[cellIndex].alignment == .decimal ? width : longestWord)
                    }
                    column += max(1, span)
                }
            }
            unwrapped.append(blocks)
        }
        for (column, extents) in decimal.enumerated() {
            guard let extents else { continue }
            widths[column] = max(widths[column], extents.left + extents.right + pad)
            minimum[column] = max(minimum[column], extents.left + extents.right + pad)
        }
        for cell in spanning {
            let columns = cell.column..<min(count, cell.column + cell.span)
            let covered = columns.reduce(0) { $0 + widths[$1] }
            if covered < cell.width {
                let extra = (cell.width - covered) / Double(columns.count)
                for column in columns { widths[column] += extra }
            }
        }
        return (widths, minimum, decimal, unwrapped)
    }

    /// Widths that fill `available`: extra space shared equally; when too wide, wrappable
    /// columns shrink in proportion to how much they can give, down to their minimum.
    private static func fit(_ natural: [Double], minimum: [Double], into available: Double) -> [Double] {
        let total = natural.reduce(0, +)
        guard !natural.isEmpty else { return [] }
        if total <= available {
            let extra = (available - total) / Double(natural.count)
            return natural.map { $0 + extra }
        }
        let slack = zip(natural, minimum).map { max(0, $0 - $1) }
        let totalSlack = slack.reduce(0, +)
        guard totalSlack > 0 else { return natural }
        let cut = min(1, (total - available) / totalSlack)
        return zip(natural, slack).map { $0 - $1 * cut }
    }
}

/// What decides a table cell's text layout, for sharing it among identical cells.
struct TextBlockKey: Hashable {
    var markup: String
    var bold: Bool
    var width: Double?
    var centered: Bool
    var alignmentByte: Int?

    /// The key of a cell's layout; `nil` for a cell with links (their areas are drawn per cell).
    init?(markup: InlineMarkup, bold: Bool, width: Double?, centered: Bool, alignmentByte: Int? = nil) {
        guard markup.links.isEmpty else { return nil }
        self.markup = markup.markup
        self.bold = bold
        self.width = width
        self.centered = centered
        self.alignmentByte = alignmentByte
    }
}
