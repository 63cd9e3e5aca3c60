import CCairo
import Foundation
import Plot

/// The drawing pass: paints laid-out pages on a Cairo PDF surface, with a running footer (the lock
/// hash and "Page X of Y"), destinations and links, and an outline entry for every heading.
struct PageDrawer {
    let surface: OpaquePointer
    let cairo: OpaquePointer
    let geometry: PageGeometry
    let style: TypesetStyle
    let links: LinkRegistry
    /// The left part of the footer, e.g. "Data lock: 3f2a…" or "Data lock: draft — data not locked".
    let footer: TextBlock
    /// Drawn large and faint across every page, under the content, when given.
    let watermark: TextBlock?
    /// Whether "Page x of y" counts the whole document or each section.
    let numbering: PDFTypesetter.PageNumbering
    /// The layout each page's "Page x of y" is set in (a listing has hundreds of pages).
    private let pageNumbers = PangoText.ReusableLayout()

    /// Draws every page, then leaves the surface ready to finish.
    ///
    /// The pages are drawn inside one `Document` structure element. Cairo 1.16 (Debian 12) gives
    /// every link a structure element and writes each page's array of them, but writes those
    /// elements and the structure tree only when the document has a structure tag besides links:
    /// without one, the file's cross-reference table points at objects that are never written and
    /// the arrays are orphans (`qpdf --check`: "file is damaged"). With the `Document` element the
    /// tree is complete (Document → Link → annotation) and the file is marked as tagged; the text
    /// itself is not tagged. The element begins after the first page's size is set and its
    /// background painted: both discard what was drawn on the page so far.
    func draw(_ pages: [Page]) {
        var outline = OutlineBuilder(surface: surface)
        let numbers = pageNumbers(pages)
        for (number, page) in pages.enumerated() {
            let size = geometry.paper.size(landscape: page.landscape)
            cairo_pdf_surface_set_size(surface, size.width, size.height)
            paintBackground()
            if number == 0 {
                cairo_tag_begin(cairo, Self.documentTag, "")
            }
            let left = geometry.textRect(landscape: page.landscape).minX
            drawWatermark(on: size)
            let rows = GlyphBatch(cairo: cairo)
            for (position, item) in page.items.enumerated() {
                let next = position + 1 < page.items.count ? page.items[position + 1].slice : nil
                if let anchor = item.slice.anchor {
                    links.destination(anchor, at: Point(x: left, y: max(0, item.y - 6)), on: cairo)
                }
                if let entry = item.slice.outline, let anchor = item.slice.anchor {
                    outline.add(level: entry.level, title: entry.title, anchor: anchor)
                }
                draw(item.slice, at: Point(x: left, y: item.y), next: next, rows: rows)
            }
            rows.flush()
            drawFooter(page: numbers[number].page, of: numbers[number].count, landscape: page.landscape)
            cairo_show_page(cairo)
        }
        if !pages.isEmpty {
            cairo_tag_end(cairo, Self.documentTag)
        }
    }

    /// Paints the page white, first: Cairo then keeps the page's area of native PDF drawing as one
    /// rectangle. Without it that area is the union of every piece of text drawn so far, and
    /// adding each piece costs as many steps as the union has rectangles: a page of a listing (300
    /// cells) cost 45,000 of them, and a million participants' tlf.pdf of 938 pages spent 0.35 s
    /// in Pixman's region code alone. Painted before the `Document` element begins: an opaque
    /// paint of the whole page makes Cairo discard what was recorded on the page before it.
    private func paintBackground() {
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
    }

    /// Each page's number and the number of pages it is counted among: the document's, or its
    /// section's (`numbering`).
    private func pageNumbers(_ pages: [Page]) -> [(page: Int, count: Int)] {
        guard numbering == .perSection else { return pages.indices.map { ($0 + 1, pages.count) } }
        let starts = pages.indices.filter { index in index == 0 || pages[index].items.first?.slice.outline?.level == 1 }
        return zip(starts, starts.dropFirst() + [pages.count]).flatMap { start, end in
            (start..<end).map { ($0 - start + 1, end - start) }
        }
    }

    /// The PDF structure type of the element holding every page.
    private static let documentTag = "Document"

    /// Draws `slice`; the glyphs of consecutive table rows go to `rows`, shown together once
    /// something else is drawn (a rule, another slice, the footer): a listing page's rows by one
    /// Cairo text operation instead of one each, the same PDF (see `GlyphBatch`).
    private func draw(_ slice: Slice, at origin: Point, next: Slice?, rows: GlyphBatch) {
        if case .tableRow = slice.kind {} else { rows.flush() }
        cairo_set_source_rgb(cairo, 0, 0, 0)
        switch slice.kind {
        case .text(let block, let lines, let indent):
            if let marker = slice.marker {
                marker.block.draw(at: Point(x: origin.x + marker.indent, y: origin.y), on: cairo, links: links)
            }
            block.draw(lines: lines, at: Point(x: origin.x + indent, y: origin.y), on: cairo, links: links)
        case .tableCaption(let table):
            table.caption?.draw(at: origin, on: cairo, links: links)
        case .tableContinuedCaption(let table):
            table.continuedCaption?.draw(at: origin, on: cairo, links: links)
        case .tableHeader(let table):
            table.drawHeader(at: origin, on: cairo, links: links)
            if table.bodyRows.isEmpty {
                table.rule(from: origin.x, to: origin.x + table.width, y: origin.y + slice.height, width: style.heavyRule, on: cairo)
            }
        case .tableRow(let table, let index):
            let row = table.bodyRows[index]
            table.draw(row, at: origin, on: cairo, links: links, batch: rows)
            if next?.table !== table || next?.isTableRow != true {
                rows.flush()
                table.rule(from: origin.x, to: origin.x + table.width, y: origin.y + row.height, width: style.heavyRule, on: cairo)
            }
        case .tableFootnote(let table, let index):
            table.footnotes[index].draw(at: Point(x: origin.x, y: origin.y + 1.5), on: cairo, links: links)
        case .figure(let figure, let size):
            Canvas.draw(figure.drawable, in: cairo, rect: Rect(x: origin.x, y: origin.y, width: size.width, height: size.height))
        case .pageBreak:
            break
        }
    }

    /// The watermark, centred on the page and turned along its diagonal.
    private func drawWatermark(on page: Size) {
        guard let watermark else { return }
        cairo_save(cairo)
        cairo_translate(cairo, page.width / 2, page.height / 2)
        cairo_rotate(cairo, -atan2(page.height, page.width))
        cairo_set_source_rgb(cairo, style.watermarkColor.red, style.watermarkColor.green, style.watermarkColor.blue)
        watermark.draw(at: Point(x: -watermark.size.width / 2, y: -watermark.size.height / 2), on: cairo, links: links)
        cairo_restore(cairo)
    }

    private func drawFooter(page: Int, of count: Int, landscape: Bool) {
        let text = geometry.textRect(landscape: landscape)
        let y = text.maxY + geometry.footerGap
        cairo_set_source_rgb(cairo, style.footerColor.red, style.footerColor.green, style.footerColor.blue)
        cairo_set_line_width(cairo, 0.4)
        cairo_move_to(cairo, text.minX, y - 3)
        cairo_line_to(cairo, text.maxX, y - 3)
        cairo_stroke(cairo)
        footer.draw(at: Point(x: text.minX, y: y), on: cairo, links: links)
        let number = TextBlock.unwrapped(cairo: cairo, markup: InlineMarkup(text: "Page \(page) of \(count)"), font: style.footerFont,
                                         reusing: pageNumbers)
        number.draw(at: Point(x: text.maxX - number.size.width, y: y), on: cairo, links: links)
        cairo_set_source_rgb(cairo, 0, 0, 0)
    }
}

/// The PDF outline (bookmarks): one entry per heading, nested by level.
struct OutlineBuilder {
    let surface: OpaquePointer
    private var stack: [(level: Int, id: Int32)] = []

    init(surface: OpaquePointer) {
        self.surface = surface
    }

    /// Adds a heading of `level` pointing at `anchor`, under the nearest shallower heading.
    mutating func add(level: Int, title: String, anchor: String) {
        while let last = stack.last, last.level >= level { stack.removeLast() }
        let parent = stack.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
        let flags = level <= 2 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
        let id = cairo_pdf_surface_add_outline(surface, parent, title, "dest='" + LinkRegistry.quoted(anchor) + "'", flags)
        stack.append((level, id))
    }
}
