import CCairo
import Foundation
@testable import Plot
import Testing
import TrialReportTestSupport

/// A scene drawn as it is, whatever the page size.
private struct FixedScene: Drawable {
    var fixed: Scene
    func scene(size: Size, measurer: any TextMeasurer) -> Scene { fixed }
}

/// The SVG writer: text as `<text>` elements placed as Pango places it, a white page, valid XML,
/// the same bytes for the same scene.
@Suite struct SVGPainterTests {
    static let font = Font(family: "Liberation Sans", size: 8)
    static let page = Size(width: 200, height: 150)

    static func svg(_ items: [SceneItem]) throws -> SVGInspection {
        let canvas = Canvas(width: .points(page.width), height: .points(page.height))
        let svg = SVGInspection(try canvas.render(FixedScene(fixed: Scene(size: page, items: items)), as: .svg))
        #expect(svg.parsed, "\(svg.error ?? "")")
        return svg
    }

    static func text(_ text: RichText, at point: Point = Point(x: 20, y: 30), anchor: TextAnchor = TextAnchor(.leading, .top),
                     quarterTurns: Int = 0, wrapWidth: Double? = nil, alignment: TextAlignment = .leading) -> SceneText {
        let size = PangoTextMeasurer().measure(text, font: font, wrapWidth: wrapWidth)
        return SceneText(text: text, font: font, color: .black, anchorPoint: point, anchor: anchor,
                         quarterTurns: quarterTurns, wrapWidth: wrapWidth, alignment: alignment, size: size)
    }

    /// Every text of each gallery figure is a `<text>` whose characters are the scene's text (line
    /// breaks aside), there are no glyph outlines, and a white rectangle covers the page first.
    @Test(arguments: Gallery.all.map(\.name))
    func galleryTextIsTextOnAWhitePage(name: String) throws {
        let figure = try #require(Gallery.all.first { $0.name == name })
        let canvas = Canvas(width: figure.width, height: figure.height)
        let bytes = try canvas.render(figure.drawable, as: .svg)
        let svg = SVGInspection(bytes)
        #expect(svg.parsed, "\(name).svg: \(svg.error ?? "")")
        let scene = figure.drawable.scene(size: canvas.size, measurer: PangoTextMeasurer())
        let expected = scene.texts.filter { !$0.text.isEmpty }.map { $0.text.plainText.filter { !$0.isNewline } }
        #expect(svg.texts.map(\.content) == expected)
        let document = String(decoding: bytes, as: UTF8.self)
        #expect(!document.contains("<symbol") && !document.contains("glyph") && !document.contains("<use"))

        let root = try #require(svg.elements.first)
        let width = SVGPainter.number(canvas.size.width), height = SVGPainter.number(canvas.size.height)
        #expect(root.name == "svg" && root.attributes["width"] == width + "pt" && root.attributes["height"] == height + "pt")
        #expect(root.attributes["viewBox"] == "0 0 \(width) \(height)")
        let background = try #require(svg.elements.dropFirst().first)
        #expect(background.name == "rect" && background.attributes["fill"] == "#ffffff")
        #expect(background.attributes["x"] == nil && background.attributes["y"] == nil)
        #expect(background.attributes["width"] == width && background.attributes["height"] == height)
        for text in svg.texts {
            #expect(text.attributes["font-family"] == "'Liberation Sans', Arial, Helvetica, sans-serif")
        }
    }

    /// An upright one-line text starts where Pango's layout starts, on its first baseline.
    @Test func uprightTextSitsOnPangosBaseline() throws {
        let scene = Self.text("Change from baseline (%)", anchor: TextAnchor(.center, .middle))
        let svg = try Self.svg([.text(scene)])
        let text = try #require(svg.texts.first)
        let line = try #require(text.lines.first)
        let layout = Self.pangoLines(scene)
        #expect(text.lines.count == 1 && text.attributes["transform"] == nil)
        #expect(abs(try #require(line.x) - (scene.frame.minX - layout.logical.minX + layout.lines[0].x)) < 0.001)
        #expect(abs(try #require(line.y) - (scene.frame.minY - layout.logical.minY + layout.lines[0].baseline)) < 0.001)
        // Liberation Sans 8 pt: the baseline lies about 7.2 pt below the top of the line.
        #expect(abs(try #require(line.y) - scene.frame.minY - 7.24) < 0.05)
        #expect(text.attributes["font-size"] == "8" && text.attributes["font-weight"] == nil)
    }

    /// A y-axis title (a quarter turn, reading upwards) is turned about the bottom-left corner of
    /// its frame, as the PDF turns it.
    @Test func textReadingUpwardsIsTurnedAboutItsFrame() throws {
        let scene = Self.text("Fasting C-peptide (pmol/L)", at: Point(x: 12, y: 75), anchor: TextAnchor(.center, .middle),
                              quarterTurns: 1)
        let svg = try Self.svg([.text(scene)])
        let text = try #require(svg.texts.first)
        let frame = scene.frame
        #expect(frame.height > frame.width, "the frame is upright")
        #expect(text.attributes["transform"] == "translate(\(SVGPainter.number(frame.minX)) \(SVGPainter.number(frame.maxY))) rotate(-90)")
        #expect(text.content == "Fasting C-peptide (pmol/L)")
    }

    /// Wrapped text has one line per line Pango breaks, each as wide as fits and starting at the
    /// same x, baselines one line apart; the lines together are the text.
    @Test(arguments: [TextAlignment.leading, .center])
    func wrappedTextKeepsPangosLineBreaks(alignment: TextAlignment) throws {
        let words = "Excluded before randomisation because the screening visit showed an HbA1c above the limit"
        let wrapWidth = 90.0
        let scene = Self.text(RichText(words), wrapWidth: wrapWidth, alignment: alignment)
        let svg = try Self.svg([.text(scene)])
        let text = try #require(svg.texts.first)
        #expect(text.lines.count >= 4)
        #expect(text.content == words)
        let measurer = PangoTextMeasurer()
        let ys = text.lines.compactMap(\.y)
        #expect(ys.count == text.lines.count)
        let step = ys[1] - ys[0]
        var centres: [Double] = []
        #expect(step > 8 && step < 10)
        for (index, line) in text.lines.enumerated() {
            if index > 0 { #expect(abs(ys[index] - ys[index - 1] - step) < 0.002) }
            let width = measurer.measure(RichText(line.text.trimmingCharacters(in: .whitespaces)), font: Self.font).width
            #expect(width <= wrapWidth)
            if index + 1 < text.lines.count {
                let nextWord = text.lines[index + 1].text.split(separator: " ").first.map(String.init) ?? ""
                let longer = line.text.trimmingCharacters(in: .whitespaces) + " " + nextWord
                #expect(measurer.measure(RichText(longer), font: Self.font).width > wrapWidth, "line \(index) could take the next word")
            }
            centres.append(try #require(line.x) + width / 2)
            if alignment == .leading { #expect(abs(try #require(line.x) - scene.frame.minX) < 0.001) }
        }
        if alignment == .center, let first = centres.first {
            // Pango puts a centred line's start on a whole point, so centres differ by up to 0.5 pt.
            for centre in centres { #expect(abs(centre - first) <= 0.501, "lines share one centre") }
        }
    }

    /// Super- and subscripts, italic and bold runs are `<tspan>`s: scripts smaller and raised
    /// (lowered) as Pango sets them, and the text after them back on the baseline.
    @Test func richTextRunsAreStyledSpans() throws {
        let rich: RichText = "10" + .superscript("6") + " cells/kg, HbA" + .subscript("1c") + " " + .italic("P") + " " + .bold("n")
        let svg = try Self.svg([.text(Self.text(rich))])
        let text = try #require(svg.texts.first)
        #expect(text.content == "106 cells/kg, HbA1c P n")
        let spans = text.spans
        #expect(spans.map(\.text) == ["6", " cells/kg, HbA", "1c", " ", "P", "n"])
        let small = SVGPainter.number(Double(RichText.Style.scriptSize(fontSize: 8)) / 1024)
        #expect(spans[0].attributes["font-size"] == small && spans[2].attributes["font-size"] == small)
        let rises = spans.map { Double($0.attributes["dy"] ?? "0")! }
        #expect(abs(rises[0] + 8 * 0.38) < 0.002 && abs(rises[1] - 8 * 0.38) < 0.002)
        #expect(abs(rises[2] - 8 * 0.15) < 0.002 && abs(rises[3] + 8 * 0.15) < 0.002)
        #expect(abs(rises.reduce(0, +)) < 0.002, "the text ends on its baseline")
        #expect(spans[4].attributes["font-style"] == "italic" && spans[5].attributes["font-weight"] == "bold")
    }

    /// Markup characters print as themselves, characters XML forbids as U+FFFD; the file stays valid.
    @Test func specialCharactersAreEscaped() throws {
        let svg = try Self.svg([.text(Self.text("<b>Q&A</b> \"x\" 'y' \u{0}"))])
        #expect(svg.texts.first?.content == "<b>Q&A</b> \"x\" 'y' \u{FFFD}")
        #expect(SVGPainter.escaped("a\u{1}b\u{FFFE}") == "a\u{FFFD}b\u{FFFD}")
    }

    /// Paths and circles keep their stroke, dash, fill and opacity.
    @Test func shapesKeepTheirPaint() throws {
        let stroke = Stroke(color: Color(hex: 0x0072B2), width: 0.9, dash: [2, 1.5])
        let svg = try Self.svg([
            .path(points: [Point(x: 1, y: 2), Point(x: 3.25, y: 4), Point(x: 5, y: 2)], closed: true, stroke: stroke,
                  fill: Color(hex: 0xE69F00, alpha: 0.25)),
            .path(points: [Point(x: 0, y: 0), Point(x: 10, y: 0)], closed: false, stroke: Stroke(color: .black, width: 0.5), fill: nil),
            .circle(center: Point(x: 50, y: 60.125), radius: 2.3, stroke: nil, fill: .black),
        ])
        let path = try #require(svg.elements.first { $0.name == "path" })
        #expect(path.attributes["d"] == "M1 2L3.25 4L5 2Z")
        #expect(path.attributes["fill"] == "#e69f00" && path.attributes["fill-opacity"] == "0.25")
        #expect(path.attributes["stroke"] == "#0072b2" && path.attributes["stroke-width"] == "0.9")
        #expect(path.attributes["stroke-dasharray"] == "2 1.5" && path.attributes["stroke-opacity"] == nil)
        let line = try #require(svg.elements.filter { $0.name == "path" }.last)
        #expect(line.attributes["fill"] == "none" && line.attributes["d"] == "M0 0L10 0")
        let circle = try #require(svg.elements.first { $0.name == "circle" })
        #expect(circle.attributes["cx"] == "50" && circle.attributes["cy"] == "60.125" && circle.attributes["r"] == "2.3")
        #expect(circle.attributes["fill"] == "#000000" && circle.attributes["stroke"] == nil)
    }

    @Test func numbersHaveAtMostThreeDecimals() {
        #expect(SVGPainter.number(3) == "3")
        #expect(SVGPainter.number(12.5) == "12.5")
        #expect(SVGPainter.number(0.05) == "0.05")
        #expect(SVGPainter.number(-0.125) == "-0.125")
        #expect(SVGPainter.number(240.94488188976379) == "240.945")
        #expect(SVGPainter.number(-0.0004) == "0")
        #expect(SVGPainter.number(1_000_000.0001) == "1000000")
    }

    @Test func fontFamiliesFallBackToFontsOfTheSameKind() {
        #expect(SVGPainter.fontFamilies("Liberation Sans") == "'Liberation Sans', Arial, Helvetica, sans-serif")
        #expect(SVGPainter.fontFamilies("Liberation Serif") == "'Liberation Serif', 'Times New Roman', Times, serif")
        #expect(SVGPainter.fontFamilies("DejaVu Sans Mono") == "'DejaVu Sans Mono', 'Courier New', Courier, monospace")
        #expect(SVGPainter.fontFamilies("Arial") == "'Arial', Helvetica, sans-serif")
        #expect(SVGPainter.fontFamilies(#"O'Neil\Sans"#) == #"'O\'Neil\\Sans', Arial, Helvetica, sans-serif"#)
    }

    @Test func coloursAreSixLowerCaseHexadecimalDigits() {
        #expect(SVGPainter.hex(Color(hex: 0x0A_9F_F0)) == "#0a9ff0")
        #expect(SVGPainter.hex(Color(red: 1.2, green: -0.1, blue: 0.5)) == "#ff0080")
    }

    /// The lines and logical extents of the Pango layout that draws `text`.
    private static func pangoLines(_ text: SceneText) -> (logical: Rect, lines: [PangoLine]) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let layout = PangoText.layout(on: cairo, text: text.text, font: text.font, wrapWidth: text.wrapWidth,
                                      alignment: text.alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        return (PangoText.logicalExtents(layout), PangoText.lines(layout))
    }
}
