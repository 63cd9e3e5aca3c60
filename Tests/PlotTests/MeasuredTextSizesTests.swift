import CCairo
import Plot
import Testing

/// The measurer keeps the sizes it measured: asked again, on any thread, it gives what Pango
/// gives for that text, font and wrapping width, and no other text's size.
@Suite("Measured text sizes kept")
struct MeasuredTextSizesTests {
    static let regular = Font(family: "Liberation Sans", size: 8)
    static let bold = Font(family: "Liberation Sans", size: 8, bold: true)

    /// The size of `text` laid out by Pango here and now, as the painter lays it out.
    static func laidOut(_ text: RichText, font: Font, wrapWidth: Double?) -> Size {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let layout = PangoText.layout(on: cairo, markup: text.markup(fontSize: font.size), font: font,
                                      wrapWidth: wrapWidth, alignment: .leading)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        return PangoText.logicalExtents(layout).size
    }

    static let requests: [(RichText, Font, Double?)] = [
        ("Months since first infusion", regular, nil), ("Months since first infusion", bold, nil),
        ("Months since first infusion", regular, 40), ("Months since first infusion", regular, 60),
        ("10" + .superscript("6") + " cells/kg", regular, nil), ("10⁶ cells/kg", regular, nil),
    ]

    @Test func aSizeMeasuredAgainIsWhatPangoGives() {
        let measurer = PangoTextMeasurer()
        for _ in 0..<2 {
            for (text, font, wrapWidth) in Self.requests {
                #expect(measurer.measure(text, font: font, wrapWidth: wrapWidth) == Self.laidOut(text, font: font, wrapWidth: wrapWidth))
            }
        }
        // The requests differ in text, weight or wrapping, and so do their sizes: none is mistaken for another.
        let sizes = Self.requests.map { measurer.measure($0.0, font: $0.1, wrapWidth: $0.2) }
        #expect(Set(sizes.map { [$0.width, $0.height] }).count == sizes.count)
    }

    @Test func threadsMeasuringAtOnceGetTheSameSizes() async {
        let expected = Self.requests.map { Self.laidOut($0.0, font: $0.1, wrapWidth: $0.2) }
        let measured = await withTaskGroup(of: [Size].self) { group in
            for _ in 0..<4 {
                group.addTask { Self.requests.map { PangoTextMeasurer().measure($0.0, font: $0.1, wrapWidth: $0.2) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(measured.count == 4)
        #expect(measured.allSatisfy { $0 == expected })
    }
}
