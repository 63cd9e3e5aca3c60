import CCairo
import Foundation
import Testing
import TrialReportTestSupport
@testable import Plot

/// TIFF figures: baseline RGB with LZW, the resolution asked for, the PNG's pixels, read by our
/// own reader and by ImageMagick and libtiff where installed.
@Suite(.serialized) struct TIFFEncoderTests {
    let figure = Gallery.boxWithJitter

    @Test(arguments: [(300.0, 2067, 945), (1200.0, 8268, 3780)])
    func fieldsGiveTheSizeResolutionAndCompression(dpi: Double, width: Int, height: Int) throws {
        let tiff = try Canvas(width: figure.width, height: figure.height, dpi: dpi).render(figure.drawable, as: .tiff)
        let fields = TIFFReading.fields(tiff)
        #expect(fields[256] == [width] && fields[257] == [height])
        #expect(fields[258] == [8, 8, 8] && fields[277] == [3] && fields[262] == [2])
        #expect(fields[259] == [5] && fields[317] == nil, "LZW, no predictor")
        #expect(fields[282] == [Int(dpi), 1] && fields[283] == [Int(dpi), 1] && fields[296] == [2])
        #expect(fields[306] == nil, "no date")
        // Strips of whole rows, about 64 KB uncompressed.
        let rowsPerStrip = try #require(fields[278]?.first)
        #expect(rowsPerStrip == 65_536 / (width * 3))
        #expect(fields[273]?.count == (height + rowsPerStrip - 1) / rowsPerStrip)

        guard let identify = try ImageTools.run("identify", ["-format", "%w %h %x %y %[compression]", "{}"], on: tiff, fileExtension: "tiff") else {
            print("note: ImageMagick is not installed; identify's reading of the TIFF not checked")
            return
        }
        #expect(identify.status == 0, "\(identify.standardError)")
        #expect(identify.text == "\(width) \(height) \(Int(dpi)) \(Int(dpi)) LZW")
        #expect(identify.standardError.isEmpty, "\(identify.standardError)")
    }

    @Test func pixelsEqualThePNGs() throws {
        let canvas = Canvas(width: figure.width, height: figure.height, dpi: 150)
        let tiff = try canvas.render(figure.drawable, as: .tiff), png = try canvas.render(figure.drawable, as: .png)
        let decoded = PNGInspection.pixels(png)
        let rgb = decoded.argb.flatMap { [UInt8(truncatingIfNeeded: $0 >> 16), UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        let ours = try TIFFReading.pixels(tiff)
        #expect(ours.count == rgb.count)
        #expect(ours == rgb, "our reader: the TIFF's pixels differ from the PNG's")

        guard let fromTIFF = try ImageTools.run("convert", ["{}", "rgb:-"], on: tiff, fileExtension: "tiff"),
              let fromPNG = try ImageTools.run("convert", ["{}", "rgb:-"], on: png, fileExtension: "png") else {
            print("note: ImageMagick is not installed; its decoding of the TIFF not checked")
            return
        }
        #expect(fromTIFF.status == 0 && fromPNG.status == 0, "\(fromTIFF.standardError) \(fromPNG.standardError)")
        #expect(fromTIFF.standardOutput.count == rgb.count)
        #expect(fromTIFF.standardOutput == fromPNG.standardOutput, "ImageMagick: the TIFF's pixels differ from the PNG's")
    }

    @Test func tiffinfoReadsEveryStripWithoutWarning() throws {
        let tiff = try Canvas(width: figure.width, height: figure.height, dpi: 300).render(figure.drawable, as: .tiff)
        guard let info = try ImageTools.run("tiffinfo", ["-D", "{}"], on: tiff, fileExtension: "tiff") else {
            print("note: libtiff-tools is not installed; tiffinfo not run")
            return
        }
        #expect(info.status == 0)
        #expect(info.standardError.isEmpty, "\(info.standardError)")
        #expect(info.text.contains("Compression Scheme: LZW"))
        #expect(info.text.contains("Resolution: 300, 300 pixels/inch"))
    }

    @Test func translucentPixelsKeepTheirAlpha() throws {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 30)!
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)!
        cairo_set_source_rgba(cairo, 0.8, 0.2, 0.1, 0.5)
        cairo_rectangle(cairo, 5, 5, 20, 10)
        cairo_fill(cairo)
        cairo_destroy(cairo)
        let tiff = try TIFFEncoder.encode(surface, dpi: 72)
        let fields = TIFFReading.fields(tiff)
        #expect(fields[277] == [4] && fields[338] == [2] && fields[258] == [8, 8, 8, 8])
        let png = try PNGEncoder.encode(surface, dpi: 72)
        let fromPNG = PNGInspection.pixels(png).argb
        let pixels = try TIFFReading.pixels(tiff)
        #expect(pixels.count == 40 * 30 * 4)
        // Straight colours, as the PNG stores them.
        #expect(pixels[(6 * 40 + 6) * 4 + 3] == 128 && pixels[0..<4] == [0, 0, 0, 0])
        #expect(fromPNG.count == 40 * 30)
    }
}
