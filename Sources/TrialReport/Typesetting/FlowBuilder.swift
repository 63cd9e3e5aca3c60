import CCairo
import Plot
import TrialData

/// The layout pass, part one: turns a `MarkdownDocument` into slices, laying every text out with
/// Pango at its final width.
struct FlowBuilder {
    let cairo: OpaquePointer
    let style: TypesetStyle
    let geometry: PageGeometry
    let content: TypesetContent
    /// The table cells laid out so far (see `TableCellLayouts`).
    let cells: TableCellLayouts
    var slices: [Slice] = []
    var problems: [Diagnostic] = []
    private var followsHeading = false

    private var width: Double { geometry.textRect(landscape: false).width }

    init(cairo: OpaquePointer, style: TypesetStyle, geometry: PageGeometry, content: TypesetContent, cells: TableCellLayouts) {
        self.cairo = cairo
        self.style = style
        self.geometry = geometry
        self.content = content
        self.cells = cells
    }

    /// Adds the slices of `blocks`, indented by `indent` points.
    mutating func add(_ blocks: [MarkdownBlock], indent: Double = 0, tight: Bool = false) {
        for block in blocks {
            add(block, indent: indent, tight: tight)
        }
    }

    private mutating func add(_ block: MarkdownBlock, indent: Double, tight: Bool) {
        switch block.content {
        case .heading(let level, let inlines, let anchor):
            let font = style.headingFont(level: level)
            let text = TextBlock(cairo: cairo, markup: InlineMarkup(inlines, fontSize: font.size, style: style), font: font,
                                 width: width - indent)
            var slice = Slice(kind: .text(text, lines: 0..<text.lines.count, indent: indent), height: text.size.height,
                              spaceBefore: style.spaceBeforeHeading(level: level), keepWithNext: true)
            slice.anchor = anchor
            slice.outline = (level, inlines.plainText)
            push(slice)
            followsHeading = true
        case .paragraph(let inlines):
            addText(InlineMarkup(inlines, fontSize: style.bodyFont.size, style: style), font: style.bodyFont,
                    indent: indent, justified: true, spaceBefore: tight ? 2 : style.paragraphSpacing)
        case .list(let list):
            addList(list, indent: indent)
        case .table(let table):
            addTable(TableSpec(table, style: style), spaceBefore: style.paragraphSpacing)
        case .blockQuote(let children):
            add(children, indent: indent + style.listIndent)
        case .codeBlock(_, let code):
            addText(InlineMarkup(text: code.hasSuffix("\n") ? String(code.dropLast()) : code), font: style.codeFont,
                    indent: indent + 8, justified: false, spaceBefore: style.paragraphSpacing)
        case .thematicBreak:
            addPageBreak()
        case .figure(let name, let caption, let anchor):
            guard let figure = content.figures[name] else {
                problems.append(Diagnostic(.error, at: block.location, "no figure named '\(name)'"))
                return
            }
            addFigure(figure, caption: caption, anchor: anchor)
        case .generatedTable(let name, let anchor):
            guard let table = content.tables[name] else {
                problems.append(Diagnostic(.error, at: block.location, "no table named '\(name)'"))
                return
            }
            addTable(TableSpec(table, anchor: anchor, style: style), spaceBefore: style.paragraphSpacing + 4)
        }
    }

    /// Appends a slice; the first one after a heading sits closer to it.
    private mutating func push(_ slice: Slice) {
        var slice = slice
        if followsHeading, case .pageBreak = slice.kind {} else if followsHeading {
            slice.spaceBefore = style.spaceAfterHeading
            followsHeading = false
        }
        slices.append(slice)
    }

    /// One slice per line; the first two and the last two lines stay together (no orphans or widows).
    private mutating func addText(_ markup: InlineMarkup, font: Font, indent: Double, justified: Bool,
                                  spaceBefore: Double, marker: (TextBlock, Double)? = nil) {
        let text = TextBlock(cairo: cairo, markup: markup, font: font, width: width - indent, justified: justified)
        let count = text.lines.count
        for line in 0..<count {
            var slice = Slice(kind: .text(text, lines: line..<(line + 1), indent: indent),
                              height: text.height(of: line..<(line + 1)), spaceBefore: line == 0 ? spaceBefore : 0)
            slice.keepWithNext = (line == 0 && count > 1) || line == count - 2
            if line == 0 { slice.marker = marker.map { ($0.0, $0.1) } }
            push(slice)
        }
    }

    private mutating func addList(_ list: MarkdownList, indent: Double) {
        for (index, item) in list.items.enumerated() {
            let label = list.start.map { "\($0 + index)." } ?? "•"
            let marker = TextBlock(cairo: cairo, markup: InlineMarkup(text: label), font: style.bodyFont, width: nil)
            let itemIndent = indent + style.listIndent
            for (position, child) in item.enumerated() {
                if position == 0, case .paragraph(let inlines) = child.content {
                    addText(InlineMarkup(inlines, fontSize: style.bodyFont.size, style: style), font: style.bodyFont,
                            indent: itemIndent, justified: true,
                            spaceBefore: list.isTight && index > 0 ? 2 : style.paragraphSpacing,
                            marker: (marker, itemIndent - marker.size.width - 5))
                } else {
                    add(child, indent: itemIndent, tight: list.isTight)
                }
            }
        }
    }

    /// Starts a new page.
    mutating func addPageBreak() {
        push(Slice(kind: .pageBreak, height: 0))
    }

    /// Adds the slices of a table: caption, header, rows (a group's kept together) and footnotes.
    /// - Parameter laidOutRows: the blocks of the table's cells laid out before, row by row (see
    ///   `TableLayout.init`).
    mutating func addTable(_ spec: TableSpec, spaceBefore: Double, laidOutRows: [[TextBlock]]? = nil) {
        let layout = TableLayout(spec, cairo: cairo, style: style, portraitWidth: width,
                                 landscapeWidth: geometry.textRect(landscape: true).width, cells: cells, laidOutRows: laidOutRows)
        var tableSlices: [Slice] = []
        if let caption = layout.caption {
            tableSlices.append(Slice(kind: .tableCaption(layout), height: caption.size.height + 3, keepWithNext: true))
        }
        tableSlices.append(Slice(kind: .tableHeader(layout), height: layout.headerHeight, keepWithNext: true))
        var rowIndex = 0
        for group in spec.groups {
            for (position, _) in group.rows.enumerated() {
                let last = position == group.rows.count - 1
                tableSlices.append(Slice(kind: .tableRow(layout, index: rowIndex), height: layout.bodyRows[rowIndex].height,
                                         keepWithNext: group.keepTogether && !last))
                rowIndex += 1
            }
        }
        if let lastRow = tableSlices.lastIndex(where: \.isTableRow), !layout.footnotes.isEmpty {
            tableSlices[lastRow].keepWithNext = true
        }
        for (index, footnote) in layout.footnotes.enumerated() {
            tableSlices.append(Slice(kind: .tableFootnote(layout, index: index), height: footnote.size.height + 1.5,
                                     spaceBefore: index == 0 ? 3 : 0))
        }
        tableSlices[0].spaceBefore = spaceBefore
        tableSlices[0].anchor = spec.anchor
        tableSlices[0].outline = spec.outline.map { (1, $0) }
        for index in tableSlices.indices { tableSlices[index].landscape = layout.landscape }
        if layout.landscape { carryToLandscape() }
        tableSlices.forEach { push($0) }
    }

    /// Moves the slices kept with a landscape table (its heading) onto the landscape page.
    private mutating func carryToLandscape() {
        var index = slices.count - 1
        while index >= 0, slices[index].keepWithNext {
            slices[index].landscape = true
            index -= 1
        }
    }

    private mutating func addFigure(_ figure: ReportFigure, caption: [MarkdownInline], anchor: String?) {
        let size = figure.size(inTextWidth: width)
        var slice = Slice(kind: .figure(figure, size: size), height: size.height, spaceBefore: style.paragraphSpacing + 4,
                          keepWithNext: true)
        slice.anchor = anchor
        push(slice)
        let captionText = TextBlock(cairo: cairo, markup: Self.captionMarkup(figure.caption(caption), style: style), font: style.captionFont,
                                    width: width)
        push(Slice(kind: .text(captionText, lines: 0..<captionText.lines.count, indent: 0),
                   height: captionText.size.height, spaceBefore: 4))
    }

    /// A figure caption with its label ("Figure 2.") in bold.
    private static func captionMarkup(_ caption: [MarkdownInline], style: TypesetStyle) -> InlineMarkup {
        guard case .text(let first)? = caption.first, first.hasPrefix("Figure"),
              let stop = first.firstIndex(of: ".") else {
            return InlineMarkup(caption, fontSize: style.captionFont.size, style: style)
        }
        let label = String(first[...stop])
        var markup = InlineMarkup.raw("<b>" + RichText.escapeMarkup(label) + "</b>", text: label)
        markup.append(InlineMarkup([.text(String(first[first.index(after: stop)...]))] + caption.dropFirst(),
                                   fontSize: style.captionFont.size, style: style))
        return markup
    }
}
