import CCairo
import Testing

/// Proves that CCairo links cairo and pangocairo: a line and a Pango label drawn with the raw C API
/// into a PDF and a PNG held in memory.
@Suite struct CCairoLinkTests {
    final class Buffer { var bytes: [UInt8] = [] }

    static let append: cairo_write_func_t = { closure, data, length in
        let buffer = Unmanaged<Buffer>.fromOpaque(closure!).takeUnretainedValue()
        buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// Draws a diagonal line and the label "C-peptide µ ≥ 10⁶" with pangocairo.
    func drawLineAndLabel(on surface: OpaquePointer) {
        let cairo = cairo_create(surface)!
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_set_source_rgb(cairo, 0, 0, 0)
        cairo_set_line_width(cairo, 1)
        cairo_move_to(cairo, 10, 10)
        cairo_line_to(cairo, 190, 90)
        cairo_stroke(cairo)
        let layout = pango_cairo_create_layout(cairo)!
        let font = pango_font_description_from_string("Liberation Sans 10")
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        pango_layout_set_text(layout, "C-peptide µ ≥ 10⁶", -1)
        cairo_move_to(cairo, 20, 60)
        pango_cairo_show_layout(cairo, layout)
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cairo)
    }

    func finish(_ surface: OpaquePointer) {
        cairo_surface_finish(surface)
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        cairo_surface_destroy(surface)
    }

    @Test func pdfStreamStartsWithPDFSignatureAndHoldsTheLabel() {
        let buffer = Buffer()
        let surface = cairo_pdf_surface_create_for_stream(Self.append, Unmanaged.passUnretained(buffer).toOpaque(), 200, 100)!
        drawLineAndLabel(on: surface)
        finish(surface)
        #expect(buffer.bytes.starts(with: Array("%PDF-".utf8)))
        #expect(buffer.bytes.count > 1_000)
        #expect(String(decoding: buffer.bytes, as: UTF8.self).contains("LiberationSans"))
    }

    @Test func pngStreamHasPNGSignatureAndRequestedSize() {
        let buffer = Buffer()
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 100)!
        drawLineAndLabel(on: surface)
        #expect(cairo_surface_write_to_png_stream(surface, Self.append, Unmanaged.passUnretained(buffer).toOpaque())
            == CAIRO_STATUS_SUCCESS)
        cairo_surface_destroy(surface)
        #expect(buffer.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR width and height, big-endian, at bytes 16..<24.
        #expect(Array(buffer.bytes[16..<24]) == [0, 0, 0, 200, 0, 0, 0, 100])
        #expect(buffer.bytes.count > 300)
    }
}
