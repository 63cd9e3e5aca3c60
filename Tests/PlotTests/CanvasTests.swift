import CCairo
import Foundation
import Plot
import Testing
import TrialReportTestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Output checks on rendered files: determinism, sizes, fonts, validity.
@Suite(.serialized) struct CanvasTests {
    let figure = Gallery.boxWithJitter
    var canvas: Canvas { Canvas(width: figure.width, height: figure.height) }

    @Test(arguments: OutputFormat.allCases)
    func sameFigureGivesIdenticalBytes(format: OutputFormat) throws {
        let first = try canvas.render(figure.drawable, as: format)
        let second = try canvas.render(figure.drawable, as: format)
        let identical = first == second
        #expect(identical, "two renders of the same figure differ")
    }

    @Test func svgDoesNotDependOnEarlierRenders() throws {
        let other = try canvas.render(Gallery.forest.drawable, as: .svg)
        let afterOther = try canvas.render(figure.drawable, as: .svg)
        let again = try canvas.render(figure.drawable, as: .svg)
        #expect(!other.isEmpty)
        let identical = afterOther == again
        #expect(identical, "the SVG depends on what was drawn before")
    }

    @Test(arguments: [(300.0, 2067, 945), (1200.0, 8268, 3780), (72.0, 496, 227)])
    func pngHasThePixelSizeOfItsResolution(dpi: Double, width: Int, height: Int) throws {
        let canvas = Canvas(width: figure.width, height: figure.height, dpi: dpi)
        #expect(canvas.pixelSize == (width, height))
        let png = try canvas.render(figure.drawable, as: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let size = PNGInspection.size(png)
        #expect(size.width == width && size.height == height)
        #expect(PNGInspection.pixelsPerMetre(png) == Int((dpi / 0.0254).rounded()))
    }

    @Test func resolutionOutsideTheAllowedRangeIsRefused() {
        let canvas = Canvas(width: .singleColumn, height: .singleColumn, dpi: 2400)
        #expect(throws: PlotError.resolutionOutOfRange(2400)) { try canvas.render(figure.drawable, as: .png) }
    }

    @Test func pdfCarriesTheGivenDateNotTheClock() throws {
        let dated = Canvas(width: figure.width, height: figure.height, documentDate: "2026-03-15T09:30:00")
        let pdf = String(decoding: try dated.render(figure.drawable, as: .pdf), as: UTF8.self)
        // Cairo 1.16 writes the date without the "D:" prefix.
        #expect(pdf.contains("/CreationDate (20260315093000"))
        #expect(pdf.contains("/ModDate (20260315093000"))
        let fromDate = Canvas(width: figure.width, height: figure.height, date: Date(timeIntervalSince1970: 0))
        #expect(String(decoding: try fromDate.render(figure.drawable, as: .pdf), as: UTF8.self)
            .contains("/CreationDate (19700101000000"))
    }

    @Test func drawingIntoAnExistingContextPaintsTheRegion() throws {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 300)!
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)!
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        Canvas.draw(figure.drawable, in: cairo, rect: Rect(x: 200, y: 150, width: 200, height: 150))
        cairo_destroy(cairo)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        func inkedPixels(x: Range<Int>, y: Range<Int>) -> Int {
            var count = 0
            for row in y { for column in x where data[row * stride + column * 4] != 0xFF { count += 1 } }
            return count
        }
        #expect(inkedPixels(x: 0..<200, y: 0..<150) == 0, "nothing outside the region")
        #expect(inkedPixels(x: 200..<400, y: 150..<300) > 500, "the figure inside it")
    }

    @Test func missingValuesAreSkippedNotDrawn() throws {
        let figure = Figure(legend: .none) {
            Panel(x: .linear(), y: .linear()) {
                PointMark(x: 1, y: .value(.nan))
                PointMark(x: 2, y: 3)
                LineMark(points: [(1, 1), (2, .value(.infinity)), (3, 2)])
            }
        }
        let layout = figure.layout(size: Size(width: 200, height: 150), measurer: PangoTextMeasurer())
        let circles = layout.scene.items.filter { if case .circle = $0 { true } else { false } }
        #expect(circles.count == 1)
        #expect(try Canvas(width: .singleColumn, height: .singleColumn).render(figure, as: .pdf).count > 1_000)
    }

    @Test func aMissingValueBreaksALineInsteadOfJoiningAcrossIt() {
        let figure = Figure(legend: .none) {
            Panel(x: .linear(), y: .linear()) {
                LineMark(points: [(0, 1), (3, 2), (6, .value(.nan)), (9, 3), (12, 4), (15, .value(.nan))])
            }
        }
        let layout = figure.layout(size: Size(width: 200, height: 150), measurer: PangoTextMeasurer())
        let dataLineWidth = Theme.journal.dataLineWidth
        let lines: [Int] = layout.scene.items.compactMap {
            if case .path(let points, false, let stroke?, nil) = $0, stroke.width == dataLineWidth { return points.count }
            return nil
        }
        #expect(lines == [2, 2], "two pieces: 0–3 and 9–12")
    }

    @Test func figureWithoutPanelsRendersAnEmptyPage() throws {
        let empty = Figure { }
        #expect(empty.layout(size: Size(width: 100, height: 100), measurer: PangoTextMeasurer()).panels.isEmpty)
        #expect(try Canvas(width: .singleColumn, height: .singleColumn).render(empty, as: .png).count > 100)
    }

    @Test func writeChoosesTheFormatFromTheExtension() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plot-canvas-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try canvas.write(figure.drawable, to: directory.appendingPathComponent("figure.svg"))
        let bytes = try Data(contentsOf: directory.appendingPathComponent("figure.svg"))
        #expect(bytes.starts(with: Array("<?xml".utf8)))
        #expect(throws: PlotError.unknownFormat(path: directory.appendingPathComponent("figure.gif").path)) {
            try canvas.write(figure.drawable, to: directory.appendingPathComponent("figure.gif"))
        }
    }
}
