import CCairo
import Plot
import Testing
@testable import TrialReport

/// `PlainLineShaper` shapes a plain table cell by HarfBuzz as Pango shapes it — the same glyphs,
/// positions, clusters, width, height and baseline, kerning included — and leaves to Pango every
/// text Pango would not set as one run of the font, script and language it learned.
@Suite("Plain lines shaped without a layout")
struct PlainLineShaperTests {
    static let font = Font(family: "Liberation Sans", size: 8)

    /// Calls `body` with a Cairo context on a PDF surface and a reusable layout, as the typesetter has.
    static func withCairo<Result>(_ body: (OpaquePointer, PangoText.ReusableLayout) throws -> Result) rethrows -> Result {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 595, 842)!
        let cairo = cairo_create(surface)!
        defer {
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
        }
        return try body(cairo, PangoText.ReusableLayout())
    }

    /// The block Pango lays each of `texts` out as, in `font` (bold when asked), and the shaper's
    /// after it learned from `learned`, each laid out by Pango first.
    static func blocks(_ texts: [String], bold: Bool = false, font: Font = font, learned: [String] = ["Sample", "1.0"],
                       cairo: OpaquePointer, layout: PangoText.ReusableLayout,
                       shaper: PlainLineShaper = PlainLineShaper()) -> [(pango: TextBlock, shaped: TextBlock?)] {
        let font = Font(family: font.family, size: font.size, bold: bold)
        func layOut(_ markup: String) -> OpaquePointer {
            layout.set(on: cairo, markup: markup, font: font, wrapWidth: nil, alignment: .leading, hyphenates: false)
        }
        for text in learned {
            let markup = InlineMarkup(text: text)
            let laidOut = layOut(markup.markup)
            let block = TextBlock.unwrapped(laidOut: laidOut, cairo: cairo, markup: markup, font: font, fontMap: nil)
            shaper.learn(from: laidOut, block: block, markup: markup, bold: bold, cairo: cairo)
        }
        return texts.map { text in
            let markup = InlineMarkup(text: text)
            let shaped = shaper.block(markup, bold: bold, cairo: cairo, layOut: layOut)
            return (TextBlock.unwrapped(cairo: cairo, markup: markup, font: font, reusing: layout), shaped)
        }
    }

    /// Everything a block holds that drawing and measuring read, as text.
    static func description(_ block: TextBlock) -> String {
        var parts = ["size \(block.size)", "lines \(block.lines.map { [$0.top, $0.bottom, $0.baseline, $0.x] })"]
        if let shaped = block.shaped {
            parts.append("width \(shaped.width)")
            parts.append("runs \(shaped.runs.map { "\($0.font) \($0.offset) \($0.yOffset) \($0.glyphs) \($0.text) \($0.clusters)" })")
            parts.append("glyphs \(shaped.glyphs.map { [Int($0.index), Int($0.x), Int($0.yOffset)] })")
            parts.append("text \(shaped.text)")
            parts.append("clusters \(shaped.clusters.map { [$0.num_bytes, $0.num_glyphs] })")
            parts.append("starts \(shaped.clusterStarts.map { $0.map { [$0.byte, $0.x] } } as Any)")
        }
        return parts.joined(separator: "; ")
    }

    /// Every printable ASCII character, every pair of letters, digits and punctuation that kerning
    /// may move, and the cells of tables and listings (minus signs, dashes, accented letters).
    static let texts: [String] = {
        let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        let paired = Array("AFLPTVWYafrtvwy01479.,-()/:")
        let pairs = paired.flatMap { first in paired.map { String([first, $0]) } }
        return printable + pairs + [
            "P0520442", "UC-MSC", "12.0", "12.0 (44.4%)", "\u{2212}1.50", "\u{2212}0.36 (\u{2212}0.52, \u{2212}0.20)", "\u{2014}",
            "3.0 \u{2013} 9.0", "Caf\u{E9} na\u{EF}ve", "\u{2265} 5%", "n = 27", "0.031*", "  leading and trailing  ",
            "Treatment-emergent adverse events", "HbA1c (%)", "AVAWAY Tyrol", "1111",
        ]
    }()

    @Test(arguments: [false, true])
    func plainLinesAreShapedAsPangoShapesThem(bold: Bool) throws {
        try Self.withCairo { cairo, layout in
            let blocks = Self.blocks(Self.texts, bold: bold, cairo: cairo, layout: layout)
            for (text, (pango, shaped)) in zip(Self.texts, blocks) {
                // Quotes, ampersands and angle brackets are escaped as entities: Pango reads them.
                guard !InlineMarkup(text: text).markup.contains("&") else {
                    #expect(shaped == nil, "\(text)")
                    continue
                }
                let shaped = try #require(shaped, "not shaped: \(text)")
                #expect(Self.description(shaped) == Self.description(pango), "\(text)")
            }
            // Kerning moves some pairs: their width is not the sum of their characters'.
            let widths = Dictionary(zip(Self.texts, blocks.map(\.pango.size.width)), uniquingKeysWith: { first, _ in first })
            let kerned = Self.texts.filter { text in
                text.count == 2 && abs(widths[text]! - text.map { widths[String($0)]! }.reduce(0, +)) > 1e-9
            }
            #expect(kerned.count > 10, "\(kerned)")
        }
    }

    @Test func textsPangoSetsOtherwiseAreLeftToIt() {
        let others = [
            "", "tab\there", "two\nlines", "Caf\u{0065}\u{0301}", "\u{03B1} = 0.05", "\u{05E9}\u{05DC}\u{05D5}\u{05DD}",
            "snow \u{2603}", "emoji \u{1F600}", "private \u{E000}", "zero\u{200B}width", "\u{4E2D}\u{6587}",
        ]
        Self.withCairo { cairo, layout in
            for (text, blocks) in zip(others, Self.blocks(others, cairo: cairo, layout: layout)) {
                #expect(blocks.shaped == nil, "\(text)")
            }
            // Markup and links stay Pango's too.
            let shaper = PlainLineShaper()
            _ = Self.blocks([], cairo: cairo, layout: layout, shaper: shaper)
            let layOut = { (markup: String) in
                layout.set(on: cairo, markup: markup, font: Self.font, wrapWidth: nil, alignment: .leading, hyphenates: false)
            }
            #expect(shaper.block(.raw("Yes<sup>a</sup>", text: "Yesa"), bold: false, cairo: cairo, layOut: layOut) == nil)
            #expect(shaper.block(InlineMarkup(text: "a < b"), bold: false, cairo: cairo, layOut: layOut) == nil)
            var linked = InlineMarkup(text: "Table 14.1.1")
            linked.links = [("table-14-1-1", 0..<12)]
            #expect(shaper.block(linked, bold: false, cairo: cairo, layOut: layOut) == nil)
            #expect(shaper.block(InlineMarkup(text: "Table 14.1.1"), bold: false, cairo: cairo, layOut: layOut) != nil)
        }
    }

    @Test func onlyAWeightAndScriptPangoSetBeforeAreShaped() {
        Self.withCairo { cairo, layout in
            let latinOnly = Self.blocks(["Sample", "2.5"], learned: ["Word"], cairo: cairo, layout: layout)
            #expect(latinOnly.map { $0.shaped != nil } == [true, false])
            let commonOnly = Self.blocks(["Sample", "2.5"], learned: ["1.0"], cairo: cairo, layout: layout)
            #expect(commonOnly.map { $0.shaped != nil } == [false, true])
            let shaper = PlainLineShaper()
            _ = Self.blocks([], bold: true, cairo: cairo, layout: layout, shaper: shaper)
            #expect(Self.blocks(["Sample"], learned: [], cairo: cairo, layout: layout, shaper: shaper)[0].shaped == nil)
            #expect(Self.blocks(["Sample"], bold: true, learned: [], cairo: cairo, layout: layout, shaper: shaper)[0].shaped != nil)
        }
    }

    /// A cell of markup may be set in another weight than its own ("<b>…</b>" in a regular cell):
    /// the shaper learns from plain text only, so that the plain cell after it is what it learns
    /// from (a setting learned in the wrong font would shape nothing: no character fits it).
    @Test func markupTeachesNothing() {
        Self.withCairo { cairo, layout in
            let shaper = PlainLineShaper()
            let markup = InlineMarkup.raw("<b>Bold</b>", text: "Bold")
            let laidOut = layout.set(on: cairo, markup: markup.markup, font: Self.font, wrapWidth: nil, alignment: .leading,
                                     hyphenates: false)
            let block = TextBlock.unwrapped(laidOut: laidOut, cairo: cairo, markup: markup, font: Self.font, fontMap: nil)
            #expect(block.shaped?.runs.count == 1)
            shaper.learn(from: laidOut, block: block, markup: markup, bold: false, cairo: cairo)
            #expect(Self.blocks(["Sample"], learned: [], cairo: cairo, layout: layout, shaper: shaper)[0].shaped == nil)
            #expect(Self.blocks(["Sample"], learned: ["Word"], cairo: cairo, layout: layout, shaper: shaper)[0].shaped != nil)
        }
    }

    /// A symbol Liberation Sans lacks is set in a fallback font: a cell of it alone teaches nothing.
    @Test func aSymbolAloneTeachesNothing() {
        Self.withCairo { cairo, layout in
            let shaper = PlainLineShaper()
            #expect(Self.blocks(["2.5"], learned: ["\u{2603}"], cairo: cairo, layout: layout, shaper: shaper)[0].shaped == nil)
            #expect(Self.blocks(["2.5"], learned: ["1.0"], cairo: cairo, layout: layout, shaper: shaper)[0].shaped != nil)
        }
    }

    @Test func aContextOfAnotherTransformationIsLeftToPango() {
        Self.withCairo { cairo, layout in
            let shaper = PlainLineShaper()
            #expect(Self.blocks(["Sample"], cairo: cairo, layout: layout, shaper: shaper)[0].shaped != nil)
            cairo_scale(cairo, 2, 2)
            #expect(Self.blocks(["Sample"], learned: [], cairo: cairo, layout: layout, shaper: shaper)[0].shaped == nil)
        }
    }

    /// Droid Sans Fallback has no digits: Pango sets them in another font (DejaVu Sans), but a
    /// space alone in Droid Sans Fallback itself, though the other font has spaces too. The shaper
    /// learns the other font from "1" and must not set a space in it.
    @Test func aCharacterPangoSetsInAnotherFontIsLeftToIt() {
        Self.withCairo { cairo, layout in
            let droid = Font(family: "Droid Sans Fallback", size: 8)
            let blocks = Self.blocks(["12", " ", "1 2"], font: droid, learned: ["1"], cairo: cairo, layout: layout)
            #expect(blocks.map { $0.shaped != nil } == [true, false, false])
            let fonts = ["1", " "].map { Self.blocks([$0], font: droid, cairo: cairo, layout: layout)[0].pango.shaped?.runs.first?.font }
            #expect(fonts[0] != fonts[1])
        }
    }

    /// Table cells laid out by `TableCellLayouts`, which shapes most of them here, draw the PDF
    /// that blocks laid out each by Pango draw, byte for byte.
    @Test func cellsShapedHereDrawThePDFPangoDraws() {
        let markups = Self.texts.map { InlineMarkup(text: $0) }
            + [.raw("<b>Bold</b> cell", text: "Bold cell"), .raw("Yes<sup>a</sup>", text: "Yesa"), InlineMarkup(text: "snow \u{2603}")]
        func pdf(shaping: Bool) -> [UInt8] {
            GlyphBatchTests.pdf([]) { _, _, _, _ in } finish: { cairo in
                let cells = TableCellLayouts()
                let blocks = markups.enumerated().map { index, markup in
                    let cell = TableSpec.Cell(markup: markup, bold: index % 3 == 0)
                    let font = Font(family: Self.font.family, size: Self.font.size, bold: cell.bold)
                    return shaping ? cells.unwrappedBlock(cell, cairo: cairo, style: TypesetStyle())
                        : TextBlock(cairo: cairo, markup: cell.markup, font: font, width: nil)
                }
                let batch = GlyphBatch(cairo: cairo)
                for (index, block) in blocks.enumerated() {
                    block.draw(at: Point(x: 40 + Double(index / 90) * 180, y: 30 + Double(index % 90) * 8.5), on: cairo,
                               links: LinkRegistry(anchors: []), batch: batch)
                }
                batch.flush()
            }
        }
        let same = pdf(shaping: true) == pdf(shaping: false)
        #expect(same)
    }
}
