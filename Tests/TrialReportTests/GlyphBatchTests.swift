import CCairo
import Foundation
import Plot
import Testing
import TrialReportTestSupport
@testable import TrialReport

/// `GlyphBatch` draws lines of text as few Cairo operations — one per font — and writes the same
/// words at the same places as Pango's renderer drawing each line on its own; lines in one font
/// make the PDF Pango's renderer makes, byte for byte.
@Suite("Glyph batches")
struct GlyphBatchTests {
    /// Markup of every kind the typesetter sets, with the runs the batch leaves to Pango.
    static let markups = [
        "P0520442", "UC-MSC", "12.0", "\u{2014}", "<b>Table 14.1.1</b> Analysis sets", "Yes<sup>a</sup>",
        "office file \u{FB01}nal: ligatures", "<span foreground=\"#C00000\">red</span> then plain",
        "<u>underlined</u>", "<s>struck</s>", "<span background=\"#FFFF00\">highlighted</span>",
        "\u{05E9}\u{05DC}\u{05D5}\u{05DD} right to left", "private use \u{E000} glyph",
        "a long line of plain words that the layout wraps at its width onto a second and a third line",
    ]

    /// A PDF of `markups` (one layout each, 8-point text wrapped at 150 points), each line drawn
    /// by `draw` at its baseline: every line of a layout below the one before.
    static func pdf(_ markups: [String], draw: (OpaquePointer, UnsafeMutablePointer<PangoLayoutLine>, Double, Double) -> Void,
                    finish: (OpaquePointer) -> Void = { _ in }) -> [UInt8] {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), 595, 842)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00")
        let cairo = cairo_create(surface)!
        var y = 40.0
        for markup in markups {
            let layout = PangoText.layout(on: cairo, markup: markup, font: Font(family: "Liberation Sans", size: 8),
                                          wrapWidth: 150, alignment: .leading)
            let iterator = pango_layout_get_iter(layout)
            repeat {
                let line = pango_layout_iter_get_line_readonly(iterator)!
                draw(cairo, line, 50, y + Double(pango_layout_iter_get_baseline(iterator)) / Double(PANGO_SCALE))
            } while pango_layout_iter_next_line(iterator) != 0
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, nil, &logical)
            y += Double(logical.height) / Double(PANGO_SCALE) + 4
            pango_layout_iter_free(iterator)
            g_object_unref(UnsafeMutableRawPointer(layout))
        }
        finish(cairo)
        cairo_destroy(cairo)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return sink.bytes
    }

    static func byPango(_ markups: [String]) -> [UInt8] {
        pdf(markups) { cairo, line, x, y in
            cairo_move_to(cairo, x, y)
            pango_cairo_show_layout_line(cairo, line)
        }
    }

    static func batched(_ markups: [String]) -> [UInt8] {
        var batch: GlyphBatch?
        return pdf(markups, draw: { cairo, line, x, y in
            if batch == nil { batch = GlyphBatch(cairo: cairo) }
            batch!.add(line, x: x, y: y)
        }, finish: { _ in batch?.flush() })
    }

    /// A PDF of the body rows of a many-row table (the adverse events by term), drawn by `draw`
    /// on one page from the top, each below the one before.
    static func tablePDF(draw: (TableLayout, [TableLayout.Row], OpaquePointer, LinkRegistry) -> Void) throws -> [UInt8] {
        let report = try DocumentSamples.compose(DocumentSamples.results(adverseEventClasses: 12))
        let table = try #require(report.tables.max { $0.rows.count < $1.rows.count })
        let style = TypesetStyle()
        return pdf([]) { _, _, _, _ in } finish: { cairo in
            let layout = TableLayout(TableSpec(table, anchor: nil, style: style), cairo: cairo, style: style, portraitWidth: 480,
                                     landscapeWidth: 700, cells: TableCellLayouts())
            draw(layout, Array(layout.bodyRows.prefix(40)), cairo, LinkRegistry(anchors: []))
        }
    }

    @Test(arguments: ["P0520442", "a long line of plain words that the layout wraps at its width onto a second and a third line"])
    func aTextBlockDrawsItsLinesWherePangoDrawsThem(text: String) {
        let block = Self.pdf([]) { _, _, _, _ in } finish: { cairo in
            TextBlock(cairo: cairo, markup: InlineMarkup(text: text), font: Font(family: "Liberation Sans", size: 8), width: 150)
                .draw(at: Point(x: 50, y: 40), on: cairo, links: LinkRegistry(anchors: []))
        }
        #expect(block == Self.byPango([text]))
    }

    /// The markups set in more than one font (bold and regular, a superscript's smaller size).
    static let severalFonts: Set = ["<b>Table 14.1.1</b> Analysis sets", "Yes<sup>a</sup>"]

    @Test func rowsShownTogetherWriteTheWordsOfRowsShownOneByOne() throws {
        let oneByOne = try Self.tablePDF { layout, rows, cairo, links in
            var y = 40.0
            for row in rows {
                layout.draw(row, at: Point(x: 50, y: y), on: cairo, links: links)
                y += row.height
            }
        }
        let together = try Self.tablePDF { layout, rows, cairo, links in
            let batch = GlyphBatch(cairo: cairo)
            var y = 40.0
            for row in rows {
                layout.draw(row, at: Point(x: 50, y: y), on: cairo, links: links, batch: batch)
                y += row.height
            }
            batch.flush()
        }
        #expect(oneByOne.count > 2_000)
        #expect(try PDFText.words(oneByOne).count > 200)
        #expect(try PDFText.sameWords(together, oneByOne))
    }

    @Test func linesInOneFontMakeThePDFPangoMakes() {
        let markups = Self.markups.filter { !Self.severalFonts.contains($0) }
        let pango = Self.byPango(markups), batched = Self.batched(markups)
        #expect(pango.count > 2_000)
        let same = batched == pango
        #expect(same, "the PDFs differ: \(batched.count) and \(pango.count) bytes")
    }

    @Test(arguments: GlyphBatchTests.markups)
    func eachKindOfLineIsWrittenAsPangoWritesIt(_ markup: String) throws {
        let batched = Self.batched([markup, "plain after it"]), pango = Self.byPango([markup, "plain after it"])
        #expect(try PDFText.sameWords(batched, pango), "\(markup)")
        if !Self.severalFonts.contains(markup) {
            let same = batched == pango
            #expect(same, "the PDFs differ: \(batched.count) and \(pango.count) bytes")
        }
    }

    /// A column of cells with a footnote mark: the marks' glyphs are shown together, after the
    /// cells' (a mark no longer sets the text size twice), the same words at the same places.
    @Test func aFontsGlyphsAreShownTogether() throws {
        let cells = Array(repeating: "Yes<sup>a</sup>", count: 40)
        let pango = Self.byPango(cells), batched = Self.batched(cells)
        // A text matrix (`Tm`) is written where the text size changes: after each mark and
        // before the next cell, or once to the marks' size.
        func sizeChanges(_ pdf: [UInt8]) throws -> Int {
            try QPDFCheck.uncompressed(pdf).split(separator: "\n").filter { $0.hasSuffix(" Tm") }.count
        }
        #expect(try sizeChanges(pango) == 80)
        #expect(try sizeChanges(batched) == 2)
        #expect(try PDFText.words(pango).count == 80)
        #expect(try PDFText.sameWords(batched, pango))
    }

    @Test func plainRunsAreBatchedAndRunsPangoDrawsOtherwiseAreLeftToIt() {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        func isPlain(_ markup: String) -> Bool {
            let layout = PangoText.layout(on: cairo, markup: markup, font: Font(family: "Liberation Sans", size: 8),
                                          wrapWidth: nil, alignment: .leading)
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            return ShapedLine.isPlain(pango_layout_get_line_readonly(layout, 0))
        }
        for markup in ["P0520442", "<b>Bold</b> and regular", "Yes<sup>a</sup>", "\u{FB01}nal"] {
            #expect(isPlain(markup), "\(markup)")
        }
        for markup in ["<span foreground=\"red\">red</span>", "<u>under</u>", "<s>struck</s>", "<span background=\"yellow\">x</span>",
                       "\u{05E9}\u{05DC}\u{05D5}\u{05DD}", "\u{E000}"] {
            #expect(!isPlain(markup), "\(markup)")
        }
    }

    /// A block of one plain line keeps its glyphs, not its layout, and gives the x of each of its
    /// characters (and of its end) that Pango gives; a line with a cluster of several characters
    /// (a letter and its combining accent) keeps its layout.
    @Test(arguments: ["P0520442", "12.0 (44.4%)", "\u{2212}3.25 \u{00B1} 0.8", "44,695 (89.8%)", "\u{2014}", "Yes<sup>a</sup>",
                      "<b>Table</b> AVATAR Wo", "\u{00B5}g/L", "", "office \u{FB01}nal", "Cafe\u{0301} latte"])
    func aShapedBlockPlacesEachCharacterWherePangoDoes(markup: String) throws {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 595, 842)!
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let font = Font(family: "Liberation Sans", size: 8)
        let block = TextBlock(cairo: cairo, markup: .raw(markup, text: markup), font: font, width: nil)
        let layout = PangoText.layout(on: cairo, markup: markup, font: font, wrapWidth: nil, alignment: .leading, hyphenates: false)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let text = String(cString: pango_layout_get_text(layout))
        #expect((block.shaped != nil) == !markup.unicodeScalars.contains("\u{0301}"), "\(markup)")
        var boundaries = text.utf8.indices.filter { text.utf8[$0] & 0xC0 != 0x80 }.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
        boundaries.append(text.utf8.count)
        for byte in boundaries {
            var rect = PangoRectangle()
            pango_layout_index_to_pos(layout, Int32(byte), &rect)
            #expect(block.xPosition(ofByte: byte) == Double(rect.x) / Double(PANGO_SCALE), "\(markup), byte \(byte)")
        }
    }

    /// Texts set one after the other in one reused layout, each with other settings (width,
    /// weight, alignment, justification, markup) and some after the transformation changed, are
    /// laid out and drawn as fresh layouts.
    @Test func aReusedLayoutSetsEachTextAsAFreshLayoutDoes() {
        let long = "a long line of plain words that the layout wraps at its width onto a second and a third line"
        typealias Setting = (markup: String, bold: Bool, width: Double?, alignment: TextAlignment, justified: Bool)
        let settings: [Setting] = [(long, true, 150, .leading, true), (long, false, nil, .leading, false),
                                   (long, false, 150, .center, false), (long, false, 120, .trailing, false)]
            + Self.markups.enumerated().map { index, markup in (markup, index % 2 == 1, nil, .leading, false) }
        func pdf(reusing reusable: PangoText.ReusableLayout?) -> [UInt8] {
            Self.pdf([]) { _, _, _, _ in } finish: { cairo in
                var y = 40.0
                for (index, text) in (settings + settings).enumerated() {
                    if index == settings.count { cairo_scale(cairo, 0.6, 0.6) }
                    let font = Font(family: "Liberation Sans", size: 8, bold: text.bold)
                    let layout = reusable?.set(on: cairo, markup: text.markup, font: font, wrapWidth: text.width,
                                               alignment: text.alignment, justified: text.justified, hyphenates: false)
                        ?? PangoText.layout(on: cairo, markup: text.markup, font: font, wrapWidth: text.width,
                                            alignment: text.alignment, justified: text.justified, hyphenates: false)
                    cairo_move_to(cairo, 50, y)
                    pango_cairo_show_layout(cairo, layout)
                    y += PangoText.logicalExtents(layout).height + 4
                    if reusable == nil { g_object_unref(UnsafeMutableRawPointer(layout)) }
                }
            }
        }
        let fresh = pdf(reusing: nil)
        #expect(fresh.count > 2_000)
        #expect(pdf(reusing: PangoText.ReusableLayout()) == fresh)
    }

    /// Table cells set in a reused layout: a block of glyphs where the line allows it, else a block
    /// of its own layout, drawn and measured as blocks laid out each in a fresh layout.
    @Test func cellsLaidOutInAReusedLayoutAreTheBlocksOfFreshLayouts() {
        let markups = ["P0520442", "<b>Bold</b> cell", "Cafe\u{0301} latte", "<span foreground=\"#C00000\">red</span>",
                       "two\nlines", "12.0 (44.4%)", "", "Yes<sup>a</sup>"]
        let font = Font(family: "Liberation Sans", size: 8)
        func pdf(reusing reusable: PangoText.ReusableLayout?) -> (pdf: [UInt8], blocks: [TextBlock]) {
            var blocks: [TextBlock] = []
            let bytes = Self.pdf([]) { _, _, _, _ in } finish: { cairo in
                // Every block laid out before any is drawn, as the typesetter does.
                for markup in markups + markups {
                    let inline = InlineMarkup.raw(markup, text: markup)
                    blocks.append(reusable.map { TextBlock.unwrapped(cairo: cairo, markup: inline, font: font, reusing: $0) }
                        ?? TextBlock(cairo: cairo, markup: inline, font: font, width: nil))
                }
                var y = 40.0
                for block in blocks {
                    block.draw(at: Point(x: 50, y: y), on: cairo, links: LinkRegistry(anchors: []))
                    y += block.size.height + 4
                }
            }
            return (bytes, blocks)
        }
        let fresh = pdf(reusing: nil), reused = pdf(reusing: PangoText.ReusableLayout())
        #expect(reused.pdf == fresh.pdf)
        for (one, other) in zip(reused.blocks, fresh.blocks) {
            #expect(one.size == other.size && (one.shaped == nil) == (other.shaped == nil))
            #expect(one.lines.map(\.baseline) == other.lines.map(\.baseline) && one.xPosition(ofByte: 2) == other.xPosition(ofByte: 2))
        }
        #expect(reused.blocks.filter { $0.shaped == nil }.count == 6)
    }
}
