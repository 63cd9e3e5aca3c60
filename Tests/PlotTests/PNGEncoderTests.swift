import CCairo
import CZlib
import Foundation
import Testing
import TrialReportTestSupport
@testable import Plot

/// Our PNG files decode (with libpng, through Cairo, and with ImageMagick) to the pixels drawn.
@Suite struct PNGEncoderTests {
    /// An image with anti-aliased edges, thin lines and text-like detail: a circle, a diagonal
    /// line and a gradient of grey bars, on `background` (or transparent when `nil`).
    private func drawing(background: Color?, width: Int32 = 301, height: Int32 = 157) -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        let cairo = cairo_create(surface)!
        if let background {
            cairo_set_source_rgb(cairo, background.red, background.green, background.blue)
            cairo_paint(cairo)
        }
        cairo_set_source_rgba(cairo, 0.0, 0.45, 0.70, 0.6)
        cairo_arc(cairo, 80, 70, 50.3, 0, 6.283)
        cairo_fill(cairo)
        cairo_set_source_rgb(cairo, 0.84, 0.37, 0.0)
        cairo_set_line_width(cairo, 1.3)
        cairo_move_to(cairo, 10.2, 150.7)
        cairo_line_to(cairo, 290.6, 5.1)
        cairo_stroke(cairo)
        for bar in 0..<20 {
            cairo_set_source_rgba(cairo, Double(bar) / 20, Double(bar) / 20, Double(bar) / 20, 0.25 + Double(bar) / 40)
            cairo_rectangle(cairo, 150 + Double(bar) * 7.3, 20, 5.5, 120)
            cairo_fill(cairo)
        }
        cairo_destroy(cairo)
        return surface
    }

    @Test func opaqueImageRoundTripsExactly() throws {
        let surface = drawing(background: .white)
        defer { cairo_surface_destroy(surface) }
        let png = try PNGEncoder.encode(surface, dpi: 300)
        #expect(png[25] == 2, "colour type RGB")
        let decoded = PNGInspection.pixels(png), drawn = PNGInspection.surfacePixels(surface)
        #expect(decoded.width == 301 && decoded.height == 157)
        #expect(decoded.argb == drawn.argb)
        #expect(PNGInspection.pixelsPerMetre(png) == 11_811)
    }

    @Test func translucentImageKeepsItsAlphaAndColoursWithinRounding() throws {
        let surface = drawing(background: nil)
        defer { cairo_surface_destroy(surface) }
        let png = try PNGEncoder.encode(surface, dpi: 150)
        #expect(png[25] == 6, "colour type RGBA")
        let decoded = PNGInspection.pixels(png), drawn = PNGInspection.surfacePixels(surface)
        #expect(decoded.argb.count == drawn.argb.count)
        var largestDifference = 0
        for (decodedPixel, drawnPixel) in zip(decoded.argb, drawn.argb) {
            for shift: UInt32 in [24, 16, 8, 0] {
                let difference = abs(Int((decodedPixel >> shift) & 0xFF) - Int((drawnPixel >> shift) & 0xFF))
                largestDifference = max(largestDifference, difference)
            }
        }
        // Alpha exact; premultiplied colours back within one step of 255 after un-premultiplying.
        #expect(zip(decoded.argb, drawn.argb).allSatisfy { $0 >> 24 == $1 >> 24 })
        #expect(largestDifference <= 1)
    }

    @Test func aSinglePixelImageIsAValidPNG() throws {
        let surface = drawing(background: .white, width: 1, height: 1)
        defer { cairo_surface_destroy(surface) }
        let decoded = PNGInspection.pixels(try PNGEncoder.encode(surface, dpi: 72))
        #expect(decoded.width == 1 && decoded.height == 1)
    }

    /// A figure at 300 dpi: its image data, inflated by zlib, is the Up-filtered rows of the
    /// pixels the TIFF holds (unpacked without the PNG's filter), and ImageMagick reads it
    /// without a warning to those pixels.
    @Test func aFiguresImageDataIsItsUpFilteredPixels() throws {
        let figure = Gallery.boxWithJitter
        let canvas = Canvas(width: figure.width, height: figure.height, dpi: 300)
        let png = try canvas.render(figure.drawable, as: .png), tiff = try canvas.render(figure.drawable, as: .tiff)
        #expect(png[25] == 2, "colour type RGB")
        let size = PNGInspection.size(png), rowBytes = 3 * size.width
        let pixels = try TIFFReading.pixels(tiff)
        #expect(pixels.count == rowBytes * size.height)
        let imageData = PNGInspection.imageData(png)
        var scanlines = [UInt8](repeating: 0, count: (rowBytes + 1) * size.height + 1)
        var count = uLong(scanlines.count)
        #expect(uncompress(&scanlines, &count, imageData, uLong(imageData.count)) == Z_OK)
        #expect(Int(count) == (rowBytes + 1) * size.height)
        var filtered: [UInt8] = []
        for row in 0..<size.height {
            filtered.append(2)
            for byte in 0..<rowBytes {
                let above = row > 0 ? pixels[(row - 1) * rowBytes + byte] : 0
                filtered.append(pixels[row * rowBytes + byte] &- above)
            }
        }
        #expect(Array(scanlines[..<Int(count)]) == filtered)

        guard let converted = try ImageTools.run("convert", ["{}", "rgb:-"], on: png, fileExtension: "png"),
              let identified = try ImageTools.run("identify", ["-format", "%w %h %m", "{}"], on: png, fileExtension: "png") else {
            print("note: ImageMagick is not installed; its decoding of the PNG not checked")
            return
        }
        #expect(converted.status == 0 && converted.standardError.isEmpty, "\(converted.standardError)")
        #expect([UInt8](converted.standardOutput) == pixels, "ImageMagick: the PNG's pixels differ from the TIFF's")
        #expect(identified.text == "\(size.width) \(size.height) PNG" && identified.standardError.isEmpty)
    }
}
