import CCairo

/// Lines of laid-out text drawn as few Cairo text operations: the glyphs of plain runs are
/// shown by one `cairo_show_text_glyphs` per font, in the order of each font's first glyph since
/// the batch was last flushed, where Pango's renderer shows each run by one of its own.
///
/// A PDF surface records every text operation and replays the page twice when it is shown (once
/// to analyse it, once to write it): with one operation per table cell, showing a page of a long
/// listing cost twice as much as laying its text out, and a footnote mark in a cell (a smaller
/// font) still cut the page's text into three operations per mark, each also setting the text
/// size again. Each glyph is placed where Pango's Cairo renderer places it (pangocairo-render.c,
/// Pango 1.50), with the same text clusters and the same font; Cairo writes the operations of
/// one font and source into one text object. A page whose lines are all in one font is written
/// as Pango's renderer writes it, byte for byte; with several fonts, each font's glyphs come
/// together in the page's content (the same text, drawn the same; only the order of drawing
/// differs, which text never overlapping makes invisible).
///
/// A run that Pango's renderer would draw otherwise — with a colour, underline, overline,
/// strikethrough, background or shape attribute, a glyph missing from its font (drawn as a box),
/// right-to-left or vertical text — ends the batch, and its whole line is drawn by Pango. The
/// batch must be flushed before anything else is drawn (rules, links, another source colour).
final class GlyphBatch {
    /// The glyphs of one font added since the last flush, and the text they show.
    private final class FontGlyphs {
        /// The font, referenced while the batch lives.
        let font: OpaquePointer
        // One thread draws with a batch: its properties need no run-time exclusivity checks.
        @exclusivity(unchecked) var text: [CChar] = []
        @exclusivity(unchecked) var glyphs: [cairo_glyph_t] = []
        @exclusivity(unchecked) var clusters: [cairo_text_cluster_t] = []
        /// Whether the batch lists it among the fonts to show (`pending`).
        @exclusivity(unchecked) var isPending = false

        init(_ font: OpaquePointer) {
            self.font = cairo_scaled_font_reference(font)
        }

        deinit {
            cairo_scaled_font_destroy(font)
        }
    }

    private let cairo: OpaquePointer
    /// Whether the surface keeps the text of glyphs (PDF): Pango then shows text clusters too.
    private let keepsText: Bool
    /// Every font met (few: a document's text and table fonts, bold and not, and their footnote sizes).
    @exclusivity(unchecked) private var fonts: [FontGlyphs] = []
    /// The positions in `fonts` of those with glyphs to show, in the order of their first glyph.
    @exclusivity(unchecked) private var pending: [Int] = []
    /// The position in `fonts` of the last run's font.
    @exclusivity(unchecked) private var lastFont = 0

    /// A batch drawing on `cairo`.
    init(cairo: OpaquePointer) {
        self.cairo = cairo
        keepsText = cairo_surface_has_show_text_glyphs(cairo_get_target(cairo)) != 0
    }

    /// Adds `line` of a layout with its baseline's left end at (`x`, `y`), as
    /// `pango_cairo_show_layout_line` draws it at the current point (`x`, `y`).
    func add(_ line: UnsafeMutablePointer<PangoLayoutLine>, x: Double, y: Double) {
        if let shaped = ShapedLine(line) {
            add(shaped, x: x, y: y)
        } else {
            cairo_move_to(cairo, x, y)
            flush()
            pango_cairo_show_layout_line(cairo, line)
        }
    }

    /// Adds the glyphs of a plain line with its baseline's left end at (`x`, `y`), where Pango's
    /// renderer would draw the line they were taken from.
    func add(_ line: ShapedLine, x: Double, y: Double) {
        cairo_move_to(cairo, x, y)
        // Pango's renderer starts from the current point as Cairo gives it back.
        var origin = (x: 0.0, y: 0.0)
        cairo_get_current_point(cairo, &origin.x, &origin.y)
        // The line's parts read through their buffers: slices of them retained and released
        // each array once a run (a listing's 230,000 cells on the thread that ends the render).
        line.glyphs.withUnsafeBufferPointer { glyphs in
            for run in line.runs {
                let batch = self.glyphs(of: run.font)
                if keepsText {
                    line.text.withUnsafeBufferPointer { batch.text.append(contentsOf: $0[run.text]) }
                    line.clusters.withUnsafeBufferPointer { batch.clusters.append(contentsOf: $0[run.clusters]) }
                }
                let baseX = origin.x + Double(run.offset) / Double(PANGO_SCALE)
                let baseY = origin.y + Double(-run.yOffset) / Double(PANGO_SCALE)
                for glyph in glyphs[run.glyphs] {
                    let glyphX = baseX + Double(glyph.x) / Double(PANGO_SCALE)
                    let glyphY = glyph.yOffset == 0 ? baseY : baseY + Double(glyph.yOffset) / Double(PANGO_SCALE)
                    batch.glyphs.append(cairo_glyph_t(index: glyph.index, x: glyphX, y: glyphY))
                }
            }
        }
        // As Pango leaves it: the current point where the line started.
        cairo_move_to(cairo, origin.x, origin.y)
    }

    /// The glyphs of `font`, pending from now on.
    private func glyphs(of font: OpaquePointer) -> FontGlyphs {
        if lastFont >= fonts.count || fonts[lastFont].font != font {
            lastFont = fonts.firstIndex { $0.font == font } ?? fonts.count
            if lastFont == fonts.count { fonts.append(FontGlyphs(font)) }
        }
        let batch = fonts[lastFont]
        if !batch.isPending {
            batch.isPending = true
            pending.append(lastFont)
        }
        return batch
    }

    /// Shows the glyphs added since the last flush, one operation per font.
    func flush() {
        for index in pending {
            let batch = fonts[index]
            batch.isPending = false
            guard !batch.glyphs.isEmpty || !batch.clusters.isEmpty else { continue }
            cairo_save(cairo)
            cairo_set_scaled_font(cairo, batch.font)
            if keepsText {
                cairo_show_text_glyphs(cairo, batch.text, Int32(batch.text.count), batch.glyphs, Int32(batch.glyphs.count),
                                       batch.clusters, Int32(batch.clusters.count), cairo_text_cluster_flags_t(0))
            } else {
                cairo_show_glyphs(cairo, batch.glyphs, Int32(batch.glyphs.count))
            }
            cairo_restore(cairo)
            batch.text.removeAll(keepingCapacity: true)
            batch.glyphs.removeAll(keepingCapacity: true)
            batch.clusters.removeAll(keepingCapacity: true)
        }
        pending.removeAll(keepingCapacity: true)
    }
}
