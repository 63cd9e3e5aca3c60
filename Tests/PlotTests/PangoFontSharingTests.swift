import CCairo
import Foundation
import Plot
import Synchronization
import Testing

/// Each thread's Pango font map looks a font up with fontconfig (substitution rules, then a sort
/// of every installed font on threads of its own) and computes its metrics once per font it
/// makes. Layouts that set the same text the same way must therefore get the same font: measured
/// on a small image or drawn into a PDF, and in the layouts Pango makes itself to compute a
/// font's metrics. The example's render made 100 fontconfig lookups before, 53 after.
@Suite("Fonts shared by the layouts of a thread")
struct PangoFontSharingTests {
    static let font = Font(family: "Liberation Sans", size: 8)

    /// The font of the first run of the first line of a layout of "Months" on `surface`.
    static func font(on surface: OpaquePointer, rasterized: Bool = false) -> UnsafeMutablePointer<PangoFont>? {
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo) }
        let layout = PangoText.layout(on: cairo, markup: "Months", font: font, wrapWidth: nil, alignment: .leading,
                                      rasterized: rasterized)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let run = pango_layout_get_line_readonly(layout, 0)!.pointee.runs.pointee.data
            .assumingMemoryBound(to: PangoGlyphItem.self)
        return run.pointee.item.pointee.analysis.font
    }

    @Test func textMeasuredOnAnImageAndDrawnInAPDFIsSetInOneFont() {
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
        let pdf = cairo_pdf_surface_create_for_stream(nil, nil, 100, 100)!
        defer { cairo_surface_destroy(image); cairo_surface_destroy(pdf) }
        let measured = Self.font(on: image), drawn = Self.font(on: pdf)
        #expect(measured != nil)
        #expect(measured == drawn)
        // Text painted into pixels keeps Cairo's options for images (glyphs at whole pixels).
        #expect(Self.font(on: image, rasterized: true) != drawn)
    }

    /// On a new thread (new font maps), 6-point text painted into pixels at 96 dpi, then 8-point
    /// text: Pango computes the 6-point font's metrics with a sample layout at 6 × 4/3 points
    /// under the 4/3 scale, the size and scale of the 8-point text. Had that sample layout used the
    /// 8-point text's font, the font would keep metrics without approximate widths, and 8-point
    /// text would break lines differently had it been set first.
    @Test func rasterizedTextOfOneSizeLeavesAnotherSizesFontItsWidths() {
        let width = Mutex<Int32>(0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 100)!
            let cairo = cairo_create(image)!
            defer { cairo_destroy(cairo); cairo_surface_destroy(image) }
            cairo_scale(cairo, 4.0 / 3, 4.0 / 3)
            for size in [6.0, 8.0] {
                let layout = PangoText.layout(on: cairo, markup: "Months", font: Font(family: "Liberation Sans", size: size),
                                              wrapWidth: nil, alignment: .leading, rasterized: true)
                defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
                _ = PangoText.logicalExtents(layout)
                let run = pango_layout_get_line_readonly(layout, 0)!.pointee.runs.pointee.data
                    .assumingMemoryBound(to: PangoGlyphItem.self)
                let metrics = pango_font_get_metrics(run.pointee.item.pointee.analysis.font, nil)
                width.withLock { $0 = pango_font_metrics_get_approximate_char_width(metrics) }
                pango_font_metrics_unref(metrics)
            }
            done.signal()
        }
        done.wait()
        #expect(width.withLock { $0 } > 0)
    }

    @Test func pangosOwnLayoutsAreAtTheResolutionOfOurs() {
        let pdf = cairo_pdf_surface_create_for_stream(nil, nil, 100, 100)!
        defer { cairo_surface_destroy(pdf) }
        let font = Self.font(on: pdf)
        // The font map's contexts, which Pango lays its sample text out in to compute a font's
        // metrics, are at 72 dpi as our layouts are: at 96 they asked fontconfig for other fonts.
        #expect(pango_cairo_font_map_get_resolution(OpaquePointer(pango_cairo_font_map_get_default())) == 72)
        let metrics = pango_font_get_metrics(font, nil)
        defer { pango_font_metrics_unref(metrics) }
        #expect(pango_font_metrics_get_approximate_char_width(metrics) > 0)
    }
}

/// Markup without tags, entities or carriage returns is set as plain text, skipping Pango's markup
/// parser (inside the span that turns hyphens off, when there is one): the layout must be the one
/// `pango_layout_set_markup` makes.
@Suite("Markup set as plain text")
struct PlainMarkupTests {
    /// `layout` serialized with its attributes and its formatted output (lines, runs, glyphs and
    /// their positions), as JSON.
    static func serialized(_ layout: OpaquePointer) -> String {
        let bytes = pango_layout_serialize(layout, PANGO_LAYOUT_SERIALIZE_OUTPUT)!
        defer { g_bytes_unref(bytes) }
        var size = 0
        let data = g_bytes_get_data(bytes, &size)!
        return String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    }

    static let markups = ["P0000025", "", "  two  spaces ", "tab\there", "line\nbreak", "100 % – ü ≥ 5 (95% CI)",
                          "a\r\nb", "c\rd", "<b>bold</b> and plain", "a &amp; b", "x &lt; 5",
                          "Immunosuppressive pharmacokinetics", "Hypoglycaemia (Metabolism and nutrition disorders)"]

    @Test(arguments: markups, [true, false])
    func layoutIsTheOneOfTheMarkupParser(markup: String, hyphenates: Bool) {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 200, 200)!
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let font = Font(family: "Liberation Sans", size: 8)
        let layout = PangoText.layout(on: cairo, markup: markup, font: font, wrapWidth: 30, alignment: .leading,
                                      hyphenates: hyphenates)
        let parsed = PangoText.layout(on: cairo, markup: markup, font: font, wrapWidth: 30, alignment: .leading)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)); g_object_unref(UnsafeMutableRawPointer(parsed)) }
        pango_layout_set_markup(parsed, hyphenates ? markup : "<span insert_hyphens=\"false\">" + markup + "</span>", -1)
        #expect(Self.serialized(layout) == Self.serialized(parsed))
        #expect(String(cString: pango_layout_get_text(layout)) == String(cString: pango_layout_get_text(parsed)))
    }

    /// Breaks that would insert a hyphen ("units/-visit"): Pango marks them in every layout, in
    /// none once hyphens are off, over the whole text.
    @Test func textWithoutHyphensHasNoBreakThatInsertsOne() {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 200, 200)!
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        func hyphenBreaks(hyphenates: Bool) -> Int {
            let layout = PangoText.layout(on: cairo, markup: "units/visit/participant", font: Font(family: "Liberation Sans", size: 8),
                                          wrapWidth: 30, alignment: .leading, hyphenates: hyphenates)
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            return Self.serialized(layout).components(separatedBy: "\"break-inserts-hyphen\" : true").count - 1
        }
        #expect(hyphenBreaks(hyphenates: true) > 0)
        #expect(hyphenBreaks(hyphenates: false) == 0)
    }
}
