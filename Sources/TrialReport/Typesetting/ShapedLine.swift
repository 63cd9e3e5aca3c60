import CCairo

/// The glyphs of one plain line of a Pango layout, taken out of it: what `GlyphBatch` shows for
/// the line, kept so that the layout can be freed as soon as the line is laid out (a million
/// participants' listing has some 150,000 one-line cells, whose layouts — each with its context,
/// lines, runs and glyph strings — would otherwise live until the PDF is written).
///
/// Positions are kept in Pango units, as the layout holds them, and turned into points when the
/// line is drawn by the same arithmetic as Pango's Cairo renderer (pangocairo-render.c, Pango
/// 1.50): the PDF is the same, byte for byte, as when the glyphs are read from the layout.
final class ShapedLine {
    /// A run of glyphs in one font.
    struct Run {
        /// The run's font, referenced by the line.
        var font: OpaquePointer
        /// The run's start from the line's start, in Pango units (earlier runs' widths and offsets).
        var offset: Int32
        /// The run's baseline shift (Pango's `y_offset`), in Pango units.
        var yOffset: Int32
        /// The run's glyphs in `ShapedLine.glyphs`.
        var glyphs: Range<Int>
        /// The run's text in `ShapedLine.text`, and its clusters in `ShapedLine.clusters`.
        var text: Range<Int>
        var clusters: Range<Int>
    }

    /// A glyph other than Pango's empty one.
    struct Glyph {
        var index: UInt
        /// From its run's start, in Pango units (the advances before it plus its own x offset).
        var x: Int32
        var yOffset: Int32
    }

    // Immutable once made: drawing reads them without exclusivity checks or retains.
    let runs: [Run]
    let glyphs: [Glyph]
    /// The line's text, run by run, and each cluster's bytes and glyphs (empty glyphs excluded),
    /// as Pango's renderer gives them to Cairo for a surface that keeps text (PDF).
    let text: [CChar]
    let clusters: [cairo_text_cluster_t]
    /// Each cluster's first byte in the layout's text and its x from the line's start (Pango
    /// units), in order; nil when a cluster holds more than one character (a letter and its
    /// combining accent, a ligature of several characters).
    let clusterStarts: [(byte: Int32, x: Int32)]?
    /// The line's width in Pango units.
    let width: Int32

    /// The parts of a line as they are gathered.
    private struct Parts {
        var runs: [Run] = [], glyphs: [Glyph] = [], text: [CChar] = [], clusters: [cairo_text_cluster_t] = []
        var clusterStarts: [(byte: Int32, x: Int32)]? = []
        var width: Int32 = 0
    }

    private init(_ parts: Parts) {
        runs = parts.runs
        glyphs = parts.glyphs
        text = parts.text
        clusters = parts.clusters
        clusterStarts = parts.clusterStarts
        width = parts.width
    }

    /// The glyphs of `line`, or nil when Pango's renderer would draw it otherwise than as glyphs
    /// alone (see `isPlain`).
    convenience init?(_ line: UnsafeMutablePointer<PangoLayoutLine>) {
        guard Self.isPlain(line) else { return nil }
        let layoutText = pango_layout_get_text(line.pointee.layout)
        var parts = Parts()
        var offset: Int32 = 0
        var node = line.pointee.runs
        while let current = node {
            let run = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            let item = run.pointee.item!
            let glyphString = run.pointee.glyphs!
            offset += run.pointee.start_x_offset
            let font = cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(OpaquePointer(item.pointee.analysis.font)))!
            let (firstGlyph, firstByte, firstCluster) = (parts.glyphs.count, parts.text.count, parts.clusters.count)
            var position: Int32 = 0
            for index in 0..<Int(glyphString.pointee.num_glyphs) {
                let info = glyphString.pointee.glyphs[index]
                if info.glyph != PANGO_GLYPH_EMPTY {
                    parts.glyphs.append(Glyph(index: UInt(info.glyph), x: position + info.geometry.x_offset, yOffset: info.geometry.y_offset))
                }
                position += info.geometry.width
            }
            if let layoutText {
                Self.appendClusters(of: run, text: layoutText, lineOffset: parts.width, to: &parts)
            } else {
                parts.clusterStarts = nil
            }
            parts.runs.append(Run(font: font, offset: offset, yOffset: run.pointee.y_offset, glyphs: firstGlyph..<parts.glyphs.count,
                                  text: firstByte..<parts.text.count, clusters: firstCluster..<parts.clusters.count))
            parts.width += position
            offset += position + run.pointee.end_x_offset
            node = current.pointee.next
        }
        self.init(parts)
    }

    /// The glyphs HarfBuzz gave for `text` (UTF-8) shaped in `font`, a Pango font's Cairo font,
    /// as Pango takes them for a line of one run (pango/shape.c, Pango 1.50: widths are the
    /// advances, y offsets turned downwards); nil unless each character is a glyph of its own, in
    /// order, found in the font and advancing forward (`PlainLineShaper` then leaves the text to
    /// Pango).
    convenience init?(text: UnsafeBufferPointer<UInt8>, infos: UnsafeBufferPointer<hb_glyph_info_t>,
                      positions: UnsafeBufferPointer<hb_glyph_position_t>, font: OpaquePointer) {
        var byte = 0
        var parts = Parts()
        parts.glyphs.reserveCapacity(infos.count)
        parts.clusters.reserveCapacity(infos.count)
        parts.clusterStarts?.reserveCapacity(infos.count)
        for (info, position) in zip(infos, positions) {
            guard byte < text.count, Int(info.cluster) == byte, info.codepoint != 0, info.codepoint != PANGO_GLYPH_EMPTY,
                  info.codepoint & PANGO_GLYPH_UNKNOWN_FLAG == 0, position.x_advance >= 0 else { return nil }
            var next = byte + 1
            while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
            parts.glyphs.append(Glyph(index: UInt(info.codepoint), x: parts.width + position.x_offset, yOffset: -position.y_offset))
            parts.clusters.append(cairo_text_cluster_t(num_bytes: Int32(next - byte), num_glyphs: 1))
            parts.clusterStarts?.append((Int32(byte), parts.width))
            parts.width += position.x_advance
            byte = next
        }
        guard byte == text.count, !parts.glyphs.isEmpty else { return nil }
        parts.text = text.map { CChar(bitPattern: $0) }
        parts.runs = [Run(font: cairo_scaled_font_reference(font), offset: 0, yOffset: 0, glyphs: 0..<parts.glyphs.count,
                          text: 0..<parts.text.count, clusters: 0..<parts.clusters.count)]
        self.init(parts)
    }

    deinit {
        for run in runs { cairo_scaled_font_destroy(run.font) }
    }

    /// The x of the character at UTF-8 byte `index` of the layout's text from the line's start, in
    /// Pango units, as `pango_layout_line_index_to_x` gives it (leading edge): its cluster's
    /// start, the line's width from the text's end on. Nil when the line has a cluster of several
    /// characters, whose inner positions need the layout.
    func x(ofByte index: Int) -> Int32? {
        guard let clusterStarts else { return nil }
        // A byte inside a character (not a cluster's start) lies past the character, as in Pango.
        return clusterStarts.first { Int($0.byte) >= index }.map { $0.x } ?? width
    }

    /// The clusters of `run` (its text bytes and glyphs) and where each starts, added to `parts`.
    private static func appendClusters(of run: UnsafeMutablePointer<PangoGlyphItem>, text layoutText: UnsafePointer<CChar>,
                                       lineOffset: Int32, to parts: inout Parts) {
        let item = run.pointee.item!
        let glyphInfo = run.pointee.glyphs.pointee.glyphs!
        parts.text.append(contentsOf: UnsafeBufferPointer(start: layoutText + Int(item.pointee.offset), count: Int(item.pointee.length)))
        var iterator = PangoGlyphItemIter()
        guard pango_glyph_item_iter_init_start(&iterator, run, layoutText) != 0 else { return }
        var x = lineOffset
        repeat {
            var glyphCount = iterator.end_glyph - iterator.start_glyph
            var advance: Int32 = 0
            for index in iterator.start_glyph..<iterator.end_glyph {
                if glyphInfo[Int(index)].glyph == PANGO_GLYPH_EMPTY { glyphCount -= 1 }
                advance += glyphInfo[Int(index)].geometry.width
            }
            parts.clusters.append(cairo_text_cluster_t(num_bytes: iterator.end_index - iterator.start_index, num_glyphs: glyphCount))
            if iterator.end_char - iterator.start_char > 1 { parts.clusterStarts = nil }
            parts.clusterStarts?.append((iterator.start_index, x))
            x += advance
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
