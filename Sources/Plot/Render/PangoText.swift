import CCairo
import Foundation
import Synchronization

/// Pango layouts made the same way for measuring and for drawing, so both agree to the unit:
/// absolute font size in user units (points), no hinting of metrics or outlines, glyph positions
/// not rounded. The report's PDF typesetter makes its layouts here too, so figures and report
/// text are set alike. Layouts are made on any thread (`FontMetricsLock` makes that
/// reproducible); each one is used on the thread that made it, whose font map holds its fonts.
public enum PangoText {
    /// A layout for `text` on `cairo`'s current transformation; release it with `g_object_unref`.
    static func layout(on cairo: OpaquePointer, text: RichText, font: Font, wrapWidth: Double?,
                       alignment: TextAlignment, rasterized: Bool = false) -> OpaquePointer {
        layout(on: cairo, markup: text.markup(fontSize: font.size), font: font, wrapWidth: wrapWidth,
               alignment: alignment, rasterized: rasterized)
    }

    /// A layout for Pango `markup` (already escaped, e.g. with `RichText.escapeMarkup`) on
    /// `cairo`'s current transformation, wrapped at word boundaries at `wrapWidth` points when
    /// given, its lines justified when `justified` (Pango leaves a paragraph's last line ragged),
    /// its words never hyphenated where they break unless `hyphenates`. Release it with
    /// `g_object_unref`.
    ///
    /// Text `rasterized` (painted into an image's pixels) keeps Cairo's options for images: glyphs
    /// placed at whole pixels, the system's antialiasing. Other text is laid out with the options
    /// of Cairo's vector surfaces whatever `cairo`'s surface, so that text measured on a small
    /// image and drawn into a PDF or an SVG file is set in the same fonts of the thread's font map,
    /// each looked up with fontconfig and given metrics once.
    ///
    /// To compute a font's metrics Pango lays a sample text out in a context of the font's map, at
    /// the font's size times the scale of its transformation, and the fonts of that layout keep
    /// metrics without approximate widths (see `FontMetricsLock`). The thread's vector fonts are
    /// drawn unscaled, so there the sample is set in the font itself, and their map is at our
    /// 72 dpi so that it finds the font already loaded. Rasterized text is drawn scaled (300 dpi
    /// is 4.17 pixels a point), so its sample would be set in another font, which text of another
    /// size could use directly and then break lines by other widths depending on which text a
    /// thread set first; rasterized text therefore has a font map of its own per thread, at
    /// Pango's default 96 dpi, whose sample layouts use fonts no layout of ours uses.
    ///
    /// Vector text laid out in `fontMap` (`vectorFontMap()`) rather than the thread's is set
    /// the same, in fonts no other layout shares: such a layout may be drawn on another thread
    /// once no thread lays text out in that map any more.
    /// - Complexity: shapes the whole text once.
    public static func layout(on cairo: OpaquePointer, markup: String, font: Font, wrapWidth: Double?,
                              alignment: TextAlignment, justified: Bool = false, hyphenates: Bool = true,
                              rasterized: Bool = false, fontMap: UnsafeMutablePointer<PangoFontMap>? = nil) -> OpaquePointer {
        FontMetricsLock.install()
        let context: OpaquePointer
        if rasterized {
            context = pango_font_map_create_context(RasterFontMap.ofThisThread)
            pango_cairo_update_context(cairo, context)
            pango_cairo_context_set_font_options(context, rasterFontOptions)
        } else {
            context = vectorContext(fontMap)
            pango_cairo_update_context(cairo, context)
        }
        configure(context)
        let layout = pango_layout_new(context)!
        g_object_unref(UnsafeMutableRawPointer(context))
        set(layout, markup: markup, font: font, wrapWidth: wrapWidth, alignment: alignment, justified: justified,
            hyphenates: hyphenates)
        return layout
    }

    /// A new context for vector text in `fontMap`, else in the thread's font map at 72 dpi, with
    /// the font options of Cairo's vector surfaces.
    private static func vectorContext(_ fontMap: UnsafeMutablePointer<PangoFontMap>?) -> OpaquePointer {
        let map = fontMap ?? {
            let map = pango_cairo_font_map_get_default()!
            pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
            return map
        }()
        let context = pango_font_map_create_context(map)!
        pango_cairo_context_set_font_options(context, vectorFontOptions)
        return context
    }

    /// What every context of ours sets: one point of a markup size is one unit of user space, and
    /// glyphs stay at their design advances (Pango would round each position to a whole unit of
    /// user space, a point, squeezing or spreading letters by up to half a point).
    private static func configure(_ context: OpaquePointer) {
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
    }

    /// Gives `layout` everything `layout(on:markup:…)` sets: the font, the width it wraps at (none
    /// when nil), the alignment, justification and the text.
    private static func set(_ layout: OpaquePointer, markup: String, font: Font, wrapWidth: Double?, alignment: TextAlignment,
                            justified: Bool, hyphenates: Bool) {
        let description = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)

        if let wrapWidth {
            pango_layout_set_width(layout, Int32(wrapWidth * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch alignment {
        case .leading: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .trailing: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_justify(layout, justified ? 1 : 0)
        setMarkup(markup, hyphenates: hyphenates, of: layout)
    }

    /// One vector layout set again for each text, for many texts laid out one after the other on
    /// one thread (a long table's cells): its context and layout are made once, not for each
    /// text. A text set in it is laid out as `layout(on:markup:…)` lays it out, to the unit; what is
    /// read from the layout holds until the next text is set.
    public final class ReusableLayout {
        /// The font map its text is set in: nil for the thread's (see `layout(on:markup:…)`).
        public let fontMap: UnsafeMutablePointer<PangoFontMap>?
        private let layout: OpaquePointer

        /// A layout for text in `fontMap`'s fonts, else the thread's; use it on this thread only.
        public init(fontMap: UnsafeMutablePointer<PangoFontMap>? = nil) {
            FontMetricsLock.install()
            self.fontMap = fontMap
            let context = PangoText.vectorContext(fontMap)
            PangoText.configure(context)
            layout = pango_layout_new(context)!
            g_object_unref(UnsafeMutableRawPointer(context))
        }

        deinit {
            g_object_unref(UnsafeMutableRawPointer(layout))
        }

        /// The layout, holding `markup` set as `layout(on:markup:…)` sets it on `cairo`'s current
        /// transformation and surface; not to be released.
        public func set(on cairo: OpaquePointer, markup: String, font: Font, wrapWidth: Double?, alignment: TextAlignment,
                        justified: Bool = false, hyphenates: Bool = true) -> OpaquePointer {
            pango_cairo_update_context(cairo, pango_layout_get_context(layout))
            PangoText.set(layout, markup: markup, font: font, wrapWidth: wrapWidth, alignment: alignment, justified: justified,
                          hyphenates: hyphenates)
            return layout
        }
    }

    /// Gives `layout` the text and attributes of `markup` — inside
    /// `<span insert_hyphens="false">` unless `hyphenates` — as `pango_layout_set_markup` does.
    /// Markup without a tag, an entity or a carriage return (GMarkup turns "\r\n" and "\r" into
    /// "\n") is its own text, and is set as such without parsing it, with the span's one attribute
    /// over the whole text when there is a span: most table cells (a listing of a million
    /// participants has 230,000).
    private static func setMarkup(_ markup: String, hyphenates: Bool, of layout: OpaquePointer) {
        if markup.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\r") }) {
            pango_layout_set_markup(layout, hyphenates ? markup : "<span insert_hyphens=\"false\">" + markup + "</span>", -1)
        } else {
            pango_layout_set_text(layout, markup, -1)
            let attributes = pango_attr_list_new()
            if !hyphenates {
                let noHyphens = pango_attr_insert_hyphens_new(0)!
                noHyphens.pointee.start_index = 0
                noHyphens.pointee.end_index = UInt32(markup.utf8.count)
                pango_attr_list_insert(attributes, noHyphens)
            }
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
        }
    }

    /// A font map for vector text of its own (see `layout`), at 72 dpi as each thread's: release
    /// it with `g_object_unref` (the layouts made in it keep it).
    public static func vectorFontMap() -> UnsafeMutablePointer<PangoFontMap> {
        let map = pango_cairo_font_map_new()!
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        return map
    }

    /// Prepares, on a thread of its own, what the process's first layout would otherwise wait
    /// for: fontconfig's configuration and font list (about 4 ms), `FontMetricsLock`, the vector
    /// font options. For a caller that lays text out only after other work (a render analyses
    /// the study first, leaving a core idle).
    public static func prepareInBackground() {
        Thread.detachNewThread { _ = prepared }
    }

    private static let prepared: Void = {
        FontMetricsLock.install()
        _ = vectorFontOptions
    }()

    /// The font options of Cairo's PDF surfaces, read once: no hinting of metrics or outlines,
    /// glyph positions not rounded, grey antialiasing.
    nonisolated(unsafe) private static let vectorFontOptions: OpaquePointer = {
        let options = cairo_font_options_create()!
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 1, 1)
        cairo_surface_get_font_options(surface, options)
        cairo_surface_destroy(surface)
        return options
    }()

    /// The font options of rasterized text, over the image surface's own: no hinting of metrics or
    /// outlines.
    nonisolated(unsafe) private static let rasterFontOptions: OpaquePointer = {
        let options = cairo_font_options_create()!
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        return options
    }()

    /// The logical rectangle of `layout` in points: origin offset and size.
    public static func logicalExtents(_ layout: OpaquePointer) -> Rect {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        return Rect(x: Double(logical.x) / scale, y: Double(logical.y) / scale,
                    width: Double(logical.width) / scale, height: Double(logical.height) / scale)
    }
}

/// Each thread's font map for rasterized text (see `PangoText.layout`), made the first time the
/// thread asks and released when it ends.
private enum RasterFontMap {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { g_object_unref($0) }
        return key
    }()

    static var ofThisThread: UnsafeMutablePointer<PangoFontMap> {
        if let map = pthread_getspecific(key) { return map.assumingMemoryBound(to: PangoFontMap.self) }
        let map = pango_cairo_font_map_new()!
        pthread_setspecific(key, map)
        return map
    }
}

/// One line of a Pango layout: which bytes of the layout's text it shows and where it starts.
struct PangoLine {
    /// The line's first byte in the layout's UTF-8 text (`pango_layout_get_text`).
    var start: Int
    /// The number of bytes on the line, its line break excluded.
    var length: Int
    /// Where the line starts, in points from the layout's left edge (alignment included).
    var x: Double
    /// The line's baseline, in points from the layout's top.
    var baseline: Double
}

extension PangoText {
    /// The lines of `layout`, top to bottom, as Pango broke and placed them.
    /// - Complexity: O(lines).
    static func lines(_ layout: OpaquePointer) -> [PangoLine] {
        let scale = Double(PANGO_SCALE)
        var lines: [PangoLine] = []
        let iterator = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iterator) }
        repeat {
            let line = pango_layout_iter_get_line_readonly(iterator)!
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            lines.append(PangoLine(start: Int(pango_layout_line_get_start_index(line)),
                                   length: Int(pango_layout_line_get_length(line)),
                                   x: Double(logical.x) / scale,
                                   baseline: Double(pango_layout_iter_get_baseline(iterator)) / scale))
        } while pango_layout_iter_next_line(iterator) != 0
        return lines
    }
}

/// Where a Pango layout of a `SceneText` goes on the page, so that its logical box fills the
/// text's frame; every painter places text with it.
struct TextPlacement {
    /// The frame corner the drawing space is moved to: top-left, or bottom-left for text read upwards.
    var translation: Point
    /// Whether the drawing space is then turned a quarter counter-clockwise (`quarterTurns` 1).
    var readsUpwards: Bool
    /// Where the layout's top-left corner goes in the moved (and turned) space.
    var layoutOrigin: Point

    /// The placement of `text` whose layout has the logical extents `logical`.
    init(_ text: SceneText, logical: Rect) {
        var placed = text
        placed.size = logical.size
        let frame = placed.frame
        readsUpwards = text.quarterTurns % 4 == 1
        translation = readsUpwards ? Point(x: frame.minX, y: frame.maxY) : Point(x: frame.minX, y: frame.minY)
        layoutOrigin = Point(x: -logical.minX, y: -logical.minY)
    }
}

/// Measures text with Pango exactly as `CairoPainter` will draw it. The sizes measured are kept
/// for the whole process and every thread: laying figures out asks for the same texts again and
/// again (the example's figures 2,083 times for 135 texts, in the scenes of each file and of the
/// documents, in each pass of the grid's solver), and Pango measures a text the same on every
/// thread (see `FontMetricsLock`).
public struct PangoTextMeasurer: TextMeasurer {
    /// A measurer with the same settings as the painter.
    public init() {}

    /// - Complexity: creates one small Pango layout for a text not measured before in the process.
    public func measure(_ text: RichText, font: Font, wrapWidth: Double?) -> Size {
        let key = MeasuredText(text: text, font: font, wrapWidth: wrapWidth)
        if let size = Self.measured.withLock({ $0[key] }) { return size }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let layout = PangoText.layout(on: cairo, text: text, font: font, wrapWidth: wrapWidth, alignment: .leading)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let size = PangoText.logicalExtents(layout).size
        Self.measured.withLock { sizes in
            if sizes.count >= Self.capacity { sizes.removeAll() }
            sizes[key] = size
        }
        return size
    }

    private struct MeasuredText: Hashable {
        var text: RichText, font: Font, wrapWidth: Double?
    }

    /// The sizes measured so far in the process.
    private static let measured = Mutex<[MeasuredText: Size]>([:])
    /// How many sizes are kept at most (then forgotten all at once).
    private static let capacity = 100_000
}
