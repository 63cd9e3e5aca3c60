import CCairo

/// Lines of laid-out text drawn as few Cairo text operations: the glyphs of consecutive plain
/// runs in one font are shown by one `cairo_show_text_glyphs`, where Pango's renderer shows each
/// run by one of its own.
///
/// A PDF surface records every text operation and replays the page twice when it is shown (once
/// to analyse it, once to write it): with one operation per table cell, showing a page of a long
/// listing cost twice as much as laying its text out. The PDF written is the same, byte for byte:
/// each glyph is placed at the position Pango's Cairo renderer computes (pangocairo-render.c,
/// Pango 1.50), with the same text clusters, in the same order and the same font, and Cairo
/// writes consecutive operations of one font and source into one text object either way.
///
/// A run that Pango's renderer would draw otherwise — with a colour, underline, overline,
/// strikethrough, background or shape attribute, a glyph missing from its font (drawn as a box),
/// right-to-left or vertical text — ends the batch, and its whole line is drawn by Pango. The
/// batch must be flushed before anything else is drawn (rules, links, another source colour).
final class GlyphBatch {
    private let cairo: OpaquePointer
    /// Whether the surface keeps the text of glyphs (PDF): Pango then shows text clusters too.
    private let keepsText: Bool
    // One thread draws with a batch: its properties need no run-time exclusivity checks.
    /// The font of the glyphs batched, referenced until the batch moves to another.
    @exclusivity(unchecked) private var scaledFont: OpaquePointer?
    @exclusivity(unchecked) private var text: [CChar] = []
    @exclusivity(unchecked) private var glyphs: [cairo_glyph_t] = []
    @exclusivity(unchecked) private var clusters: [cairo_text_cluster_t] = []

    /// A batch drawing on `cairo`.
    init(cairo: OpaquePointer) {
        self.cairo = cairo
        keepsText = cairo_surface_has_show_text_glyphs(cairo_get_target(cairo)) != 0
    }

    deinit {
        cairo_scaled_font_destroy(scaledFont)
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
        for run in line.runs {
            if run.font != scaledFont {
                flush()
                cairo_scaled_font_destroy(scaledFont)
                scaledFont = cairo_scaled_font_reference(run.font)
            }
            if keepsText {
                text.append(contentsOf: line.text[run.text])
                clusters.append(contentsOf: line.clusters[run.clusters])
            }
            let baseX = origin.x + Double(run.offset) / Double(PANGO_SCALE)
            let baseY = origin.y + Double(-run.yOffset) / Double(PANGO_SCALE)
            for glyph in line.glyphs[run.glyphs] {
                let glyphX = baseX + Double(glyph.x) / Double(PANGO_SCALE)
                let glyphY = glyph.yOffset == 0 ? baseY : baseY + Double(glyph.yOffset) / Double(PANGO_SCALE)
                glyphs.append(cairo_glyph_t(index: glyph.index, x: glyphX, y: glyphY))
            }
        }
        // As Pango leaves it: the current point where the line started.
        cairo_move_to(cairo, origin.x, origin.y)
    }

    /// Shows the glyphs added since the last flush.
    func flush() {
        defer {
            text.removeAll(keepingCapacity: true)
            glyphs.removeAll(keepingCapacity: true)
            clusters.removeAll(keepingCapacity: true)
        }
        guard let scaledFont, !glyphs.isEmpty || !clusters.isEmpty else { return }
        cairo_save(cairo)
        cairo_set_scaled_font(cairo, scaledFont)
        if keepsText {
            cairo_show_text_glyphs(cairo, text, Int32(text.count), glyphs, Int32(glyphs.count),
                                   clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
        } else {
            cairo_show_glyphs(cairo, glyphs, Int32(glyphs.count))
        }
        cairo_restore(cairo)
    }
}
