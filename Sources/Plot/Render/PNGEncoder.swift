import CCairo
import CZlib

/// PNG files from Cairo image surfaces, written by us rather than by Cairo, which hands them to
/// libpng with its adaptive filter choice and zlib's default level: more than half the time of
/// rendering the example report went there. Here every row gets the "Up" filter (the difference
/// to the row above: zero across the white background and along horizontal lines) and our
/// `DeflateEncoder` packs it: for the example's nine 300-dpi figures about 4× faster than zlib
/// level 3 (whose per-byte search costs the same at any level), for files 44 % larger; pixels
/// identical.
///
/// The file holds the resolution (a `pHYs` chunk), so that image editors and journals' checks
/// read 300 dpi rather than the 72 dpi they assume otherwise.
enum PNGEncoder {
    /// The PNG file of `surface` (`CAIRO_FORMAT_ARGB32`): RGB when every pixel is opaque, else
    /// RGBA with the colours un-premultiplied as Cairo does.
    /// - Throws: `PlotError.cairo` when the surface has no pixels.
    /// - Complexity: O(*w* · *h*).
    static func encode(_ surface: OpaquePointer, dpi: Double) throws -> [UInt8] {
        // RGB unless the encoding meets a pixel that is not opaque; RGBA takes every pixel.
        var image = try RasterImage(surface, channels: 3)
        var imageData = compressedScanlines(image)
        if imageData == nil {
            image = try RasterImage(surface, channels: 4)
            imageData = compressedScanlines(image)
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        appendChunk("IHDR", bigEndian(UInt32(image.width)) + bigEndian(UInt32(image.height)) + [8, image.channels == 3 ? 2 : 6, 0, 0, 0], to: &png)
        let pixelsPerMetre = bigEndian(UInt32((dpi / 0.0254).rounded()))
        appendChunk("pHYs", pixelsPerMetre + pixelsPerMetre + [1], to: &png)
        appendChunk("IDAT", imageData!, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// The image data: each row as R, G, B[, A] bytes after the "Up" filter, led by its filter
    /// type; nil when `image` is RGB and a pixel is not opaque. Pixels that repeat the one above
    /// are zeros after the filter: they are neither unpacked nor scanned, and have the opacity
    /// of the one above.
    private static func compressedScanlines(_ image: RasterImage) -> [UInt8]? {
        let channels = image.channels
        var encoder = DeflateEncoder(pixelBytes: channels)
        var differences = [UInt8](repeating: 0, count: image.rowBytes + 1)
        let filterType: [UInt8] = [2]  // Up
        for row in 0..<image.height {
            filterType.withUnsafeBytes { encoder.append($0) }
            var column = 0
            while column < image.width {
                let repeating = image.pixelsRepeatingAbove(row: row, from: column)
                encoder.appendZeros(repeating * channels)
                column += repeating
                let differing = image.pixelsDifferingFromAbove(row: row, from: column)
                guard differing > 0 else { continue }
                let opaque = differences.withUnsafeMutableBytes { differences in
                    let opaque = image.unpackUpDifferences(row: row, columns: column..<(column + differing), into: differences)
                    encoder.append(UnsafeRawBufferPointer(rebasing: differences[..<(differing * channels)]))
                    return opaque
                }
                guard opaque || channels == 4 else { return nil }
                column += differing
            }
        }
        return encoder.finish()
    }

    /// A chunk: length, type, data, CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        png += bigEndian(UInt32(data.count)) + typeAndData
        png += bigEndian(UInt32(typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
