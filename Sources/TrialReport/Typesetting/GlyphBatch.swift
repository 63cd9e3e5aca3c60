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
    /// The font of the glyphs batched, referenced until the batch moves to another.
    private var scaledFont: OpaquePointer?
    private var text: [CChar] = []
    private var glyphs: [cairo_glyph_t] = []
    private var clusters: [cairo_text_cluster_t] = []

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
        cairo_move_to(cairo, x, y)
        guard Self.isPlain(line) else {
            flush()
            pango_cairo_show_layout_line(cairo, line)
            return
        }
        // Pango's renderer starts from the current point as Cairo gives it back.
        var origin = (x: 0.0, y: 0.0)
        cairo_get_current_point(cairo, &origin.x, &origin.y)
        let layoutText = pango_layout_get_text(line.pointee.layout)
        var offset: Int32 = 0  // Pango units from the line's start
        var node = line.pointee.runs
        while let current = node {
            let run = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            let item = run.pointee.item!
            let glyphString = run.pointee.glyphs!
            let width = pango_glyph_string_get_width(glyphString)
            offset += run.pointee.start_x_offset
            let runFont = pango_cairo_font_get_scaled_font(OpaquePointer(item.pointee.analysis.font))
            if runFont != scaledFont {
                flush()
                cairo_scaled_font_destroy(scaledFont)
                scaledFont = cairo_scaled_font_reference(runFont)
            }
            if keepsText, let layoutText {
                appendClusters(of: run, text: layoutText)
            }
            let baseX = origin.x + Double(offset) / Double(PANGO_SCALE)
            let baseY = origin.y + Double(-run.pointee.y_offset) / Double(PANGO_SCALE)
            var position: Int32 = 0
            for index in 0..<Int(glyphString.pointee.num_glyphs) {
                let info = glyphString.pointee.glyphs[index]
                if info.glyph != PANGO_GLYPH_EMPTY {
                    let glyphX = baseX + Double(position + info.geometry.x_offset) / Double(PANGO_SCALE)
                    let glyphY = info.geometry.y_offset == 0 ? baseY : baseY + Double(info.geometry.y_offset) / Double(PANGO_SCALE)
                    glyphs.append(cairo_glyph_t(index: UInt(info.glyph), x: glyphX, y: glyphY))
                }
                position += info.geometry.width
            }
            offset += width + run.pointee.end_x_offset
            node = current.pointee.next
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

    /// The text of `run` and its clusters, as Pango's renderer passes them to Cairo: each cluster's
    /// bytes and its glyphs, less the empty ones.
    private func appendClusters(of run: UnsafeMutablePointer<PangoGlyphItem>, text layoutText: UnsafePointer<CChar>) {
        let item = run.pointee.item!
        let glyphInfo = run.pointee.glyphs.pointee.glyphs!
        text.append(contentsOf: UnsafeBufferPointer(start: layoutText + Int(item.pointee.offset), count: Int(item.pointee.length)))
        var iterator = PangoGlyphItemIter()
        guard pango_glyph_item_iter_init_start(&iterator, run, layoutText) != 0 else { return }
        repeat {
            var glyphCount = iterator.end_glyph - iterator.start_glyph
            for index in iterator.start_glyph..<iterator.end_glyph where glyphInfo[Int(index)].glyph == PANGO_GLYPH_EMPTY {
                glyphCount -= 1
            }
            clusters.append(cairo_text_cluster_t(num_bytes: iterator.end_index - iterator.start_index, num_glyphs: glyphCount))
        } while pango_glyph_item_iter_next_cluster(&iterator) != 0
    }

    /// Whether Pango's renderer draws every run of `line` as its glyphs alone: left to right and
    /// horizontal, with a font Cairo can use, every glyph in it, and no attribute the renderer
    /// draws (colours, lines, backgrounds, shapes).
    static func isPlain(_ line: UnsafeMutablePointer<PangoLayoutLine>) -> Bool {
        guard line.pointee.layout != nil else { return false }
        var node = line.pointee.runs
        while let current = node {
            let run = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            guard let item = run.pointee.item, let glyphString = run.pointee.glyphs, glyphString.pointee.num_glyphs > 0,
                  item.pointee.analysis.level & 1 == 0,
                  item.pointee.analysis.flags & UInt8(PANGO_ANALYSIS_FLAG_CENTERED_BASELINE) == 0,
                  let font = item.pointee.analysis.font,
                  let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
                  cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else { return false }
            for index in 0..<Int(glyphString.pointee.num_glyphs)
            where glyphString.pointee.glyphs[index].glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 {
                return false
            }
            var attributes = item.pointee.analysis.extra_attrs
            while let attribute = attributes {
                let type = attribute.pointee.data.assumingMemoryBound(to: PangoAttribute.self).pointee.klass.pointee.type
                if drawnAttributes.contains(type) { return false }
                attributes = attribute.pointee.next
            }
            node = current.pointee.next
        }
        return true
    }

    /// The attributes Pango's renderer draws or colours with (`pango_renderer_default_prepare_run`).
    private static let drawnAttributes: Set<PangoAttrType> = [
        PANGO_ATTR_UNDERLINE, PANGO_ATTR_OVERLINE, PANGO_ATTR_STRIKETHROUGH, PANGO_ATTR_FOREGROUND, PANGO_ATTR_BACKGROUND,
        PANGO_ATTR_UNDERLINE_COLOR, PANGO_ATTR_OVERLINE_COLOR, PANGO_ATTR_STRIKETHROUGH_COLOR,
        PANGO_ATTR_FOREGROUND_ALPHA, PANGO_ATTR_BACKGROUND_ALPHA, PANGO_ATTR_SHAPE,
    ]
}
