import Foundation
import Plot
import Testing
import TrialReportTestSupport
import TrialAnalysis
import TrialData
import TrialReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every figure of example-like results drawn to PDF, SVG and PNG, each file checked.
@Suite struct FigureRenderingTests {
    static let figures = TrialFigures(results: FigureSamples.example, plan: FigureSamples.plan)

    @Test(arguments: FigureName.allCases)
    func pngHasTheFigurePixelSizeAndIsNotBlank(name: FigureName) throws {
        let figure = FigureSamples.figures(for: name).build(name)
        let png = try figure.render(as: .png)
        let size = PNGInspection.size(png)
        #expect(size.width == figure.canvas().pixelSize.width && size.height == figure.canvas().pixelSize.height)
        // Axes, marks and labels ink a few per cent of the pixels; a blank page none.
        #expect(PNGInspection.inkedFraction(png) > 0.01, "\(name.rawValue).png looks blank")
    }

    @Test func aFigureThatCannotBeDrawnIsNamedByItsFile() {
        let error = #expect(throws: TrialReportError.self) {
            try Self.figures.renderAll(names: [.consort], formats: [.png], dpi: 5000)
        }
        #expect(error?.kind == .other)
        #expect(error?.diagnostics.first?.location.file == "consort.png")
        #expect(error?.diagnostics.first?.message.hasPrefix("cannot draw the figure: ") == true)
    }

    @Test func pngResolutionFollowsDPI() throws {
        let figure = Self.figures.build(.remissionRates)
        let at300 = PNGInspection.size(try figure.render(as: .png, dpi: 300))
        let at600 = PNGInspection.size(try figure.render(as: .png, dpi: 600))
        #expect(abs(at600.width - 2 * at300.width) <= 1 && abs(at600.height - 2 * at300.height) <= 1)
    }

    @Test(arguments: FigureName.allCases)
    func svgParsesAsXML(name: FigureName) throws {
        let parser = XMLParser(data: Data(try FigureSamples.figures(for: name).build(name).render(as: .svg)))
        #expect(parser.parse(), "\(name.rawValue).svg: \(String(describing: parser.parserError))")
    }

    /// Every text of the figure is a `<text>` element with the scene's characters (line breaks
    /// aside): no glyph outlines, on a white page.
    @Test(arguments: FigureName.allCases)
    func svgHasTheFigureTextAsTextOnWhite(name: FigureName) throws {
        let figure = FigureSamples.figures(for: name).build(name)
        let bytes = try figure.render(as: .svg)
        let svg = SVGInspection(bytes)
        #expect(svg.parsed, "\(name.rawValue).svg: \(svg.error ?? "")")
        let scene = figure.drawable.scene(size: figure.canvas().size, measurer: PangoTextMeasurer())
        let expected = scene.texts.filter { !$0.text.isEmpty }.map { $0.text.plainText.filter { !$0.isNewline } }
        #expect(!expected.isEmpty)
        #expect(svg.texts.map(\.content) == expected, "\(name.rawValue).svg")
        let document = String(decoding: bytes, as: UTF8.self)
        #expect(!document.contains("<symbol") && !document.contains("glyph"), "\(name.rawValue).svg has glyph outlines")
        let background = try #require(svg.elements.dropFirst().first)
        #expect(background.name == "rect" && background.attributes["fill"] == "#ffffff")
        #expect(background.attributes["width"].flatMap(Double.init) == (figure.canvas().size.width * 1000).rounded() / 1000)
    }

    @Test(arguments: FigureName.allCases)
    func pdfEmbedsEveryFont(name: FigureName) throws {
        let pdf = try FigureSamples.figures(for: name).build(name).render(as: .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        guard let fonts = try FigureFiles.fonts(pdf) else {
            print("note: pdffonts (poppler-utils) is not installed; fonts of \(name.rawValue).pdf not checked")
            return
        }
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded, "\(name.rawValue).pdf: \(font.name) is not embedded") }
    }

    @Test(arguments: FigureName.allCases)
    func sameResultsGiveIdenticalBytes(name: FigureName) throws {
        for format in OutputFormat.allCases {
            let first = try FigureSamples.figures(for: name).build(name).render(as: format)
            let second = try FigureSamples.figures(for: name).build(name).render(as: format)
            #expect(first == second, "\(name.rawValue).\(format.rawValue) differs between two renders")
        }
    }

    @Test func pdfCarriesTheGivenDocumentDate() throws {
        let pdf = try Self.figures.build(.consort).render(as: .pdf, documentDate: "2024-05-01T12:00:00")
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (20240501120000)"))
    }
}
