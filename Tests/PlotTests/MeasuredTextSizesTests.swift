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

    /// Glyphs keep their fractional advances (Pango rounds each to a whole unit of user space,
    /// here a point, unless told not to): ten digits of Liberation Sans (1,139/2,048 em each) are
    /// 10 × 1,139/2,048 × 8 pt wide at 8 pt, and a phrase at 8 pt is a tenth as wide as at 80 pt
    /// (to Pango's unit, 1/1,024 pt per glyph).
    @Test func glyphAdvancesAreNotRoundedToWholePoints() {
        let measurer = PangoTextMeasurer()
        let digits = measurer.measure("0123456789", font: Self.regular, wrapWidth: nil).width
        #expect(abs(digits - 10 * 1139 / 2048 * 8) < 10.0 / 1024)
        let phrase: RichText = "Months since first infusion"
        let small = measurer.measure(phrase, font: Self.regular, wrapWidth: nil).width
        let large = measurer.measure(phrase, font: Font(family: "Liberation Sans", size: 80), wrapWidth: nil).width
        #expect(abs(10 * small - large) < 10 * 27.0 / 1024)
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
