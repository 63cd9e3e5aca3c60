import CCairo
import Foundation

/// The pixels of a Cairo image surface (`CAIRO_FORMAT_ARGB32`, premultiplied) read row by row as
/// R, G, B[, A] bytes: what the PNG and TIFF encoders write, so both files hold the same pixels.
/// Valid while the surface lives.
struct RasterImage {
    /// The size in pixels.
    let width: Int, height: Int
    /// Bytes per pixel as unpacked: 3 (R, G, B) or 4 (R, G, B, A).
    let channels: Int
    private let rows: [UnsafeBufferPointer<UInt32>]

    /// The pixels of `surface`, flushed first, unpacked to `channels` bytes per pixel; when nil,
    /// 3 if every pixel is opaque (the files are then RGB), else 4 (RGBA).
    /// - Throws: `PlotError.cairo` when the surface has no pixels.
    /// - Complexity: O(*w* · *h*) when `channels` is nil, else O(*h*).
    init(_ surface: OpaquePointer, channels: Int? = nil) throws {
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw PlotError.cairo("the image has no pixels")
        }
        let pixels = UnsafeRawPointer(data), width = width
        rows = (0..<height).map { UnsafeBufferPointer(start: (pixels + $0 * stride).assumingMemoryBound(to: UInt32.self), count: width) }
        self.channels = channels ?? (rows.allSatisfy { row in row.reduce(UInt32.max) { $0 & $1 } >> 24 == 0xFF } ? 3 : 4)
    }

    /// Bytes per row.
    var rowBytes: Int { width * channels }

    /// How many pixels of row `index` from `column` on equal the pixel above them (none in row 0).
    func pixelsRepeatingAbove(row index: Int, from column: Int) -> Int {
        guard index > 0 else { return 0 }
        let row = rows[index], above = rows[index - 1]
        let rowBytes = UnsafeRawPointer(row.baseAddress!), aboveBytes = UnsafeRawPointer(above.baseAddress!)
        let word = { (bytes: UnsafeRawPointer, column: Int) in bytes.loadUnaligned(fromByteOffset: 4 * column, as: UInt64.self) }
        var end = column
        // 64 pixels at a time by the C library's vectorized `memcmp`, then four, then one.
        while end + 64 <= width, memcmp(rowBytes + 4 * end, aboveBytes + 4 * end, 256) == 0 {
            end += 64
        }
        while end + 4 <= width,
              word(rowBytes, end) == word(aboveBytes, end), word(rowBytes, end + 2) == word(aboveBytes, end + 2) {
            end += 4
        }
        while end < width, row[end] == above[end] { end += 1 }
        return end - column
    }

    /// How many pixels of row `index` from `column` on differ from the pixel above them (all in row 0).
    func pixelsDifferingFromAbove(row index: Int, from column: Int) -> Int {
        guard index > 0 else { return width - column }
        let row = rows[index], above = rows[index - 1]
        var end = column
        while end < width, row[end] != above[end] { end += 1 }
        return end - column
    }

    /// Row `index` as R, G, B bytes or as R, G, B, A bytes with straight (un-premultiplied)
    /// colours, as Cairo writes PNG files; `bytes` holds `rowBytes`.
    func unpack(row index: Int, into bytes: UnsafeMutableBufferPointer<UInt8>) {
        for (column, pixel) in rows[index].enumerated() {
            let straight = Self.straight(pixel)
            for channel in 0..<channels { bytes[column * channels + channel] = Self.channel(channel, of: straight) }
        }
    }

    /// The pixels `columns` of row `index` after PNG's "Up" filter: each byte of `unpack` minus
    /// the byte above it (modulo 256; nothing above row 0). `bytes` holds one byte more than
    /// they take: the bytes are written four at a time.
    /// - Returns: whether every pixel in `columns` is opaque.
    func unpackUpDifferences(row index: Int, columns: Range<Int>, into bytes: UnsafeMutableRawBufferPointer) -> Bool {
        let row = rows[index], above = index > 0 ? rows[index - 1] : nil
        var offset = 0, alphas = UInt32.max
        for column in columns {
            alphas &= row[column]
            let pixel = Self.straight(row[column]), up = above.map { Self.straight($0[column]) } ?? 0
            // Byte-wise pixel − up without borrows between bytes.
            let high: UInt32 = 0x8080_8080
            let difference = ((pixel | high) &- (up & ~high)) ^ ((pixel ^ ~up) & high)
            bytes.storeBytes(of: Self.memoryOrder(difference).littleEndian, toByteOffset: offset, as: UInt32.self)
            offset += channels
        }
        return alphas >> 24 == 0xFF
    }

    /// `pixel` (A, R, G, B from the high byte, premultiplied) with straight colours.
    @inline(__always)
    private static func straight(_ pixel: UInt32) -> UInt32 {
        let alpha = pixel >> 24
        guard alpha != 0xFF, alpha != 0 else { return pixel }
        let red = (((pixel >> 16) & 0xFF) * 255 + alpha / 2) / alpha
        let green = (((pixel >> 8) & 0xFF) * 255 + alpha / 2) / alpha
        let blue = ((pixel & 0xFF) * 255 + alpha / 2) / alpha
        return alpha << 24 | red << 16 | green << 8 | blue
    }

    /// Byte `channel` (0 red, 1 green, 2 blue, 3 alpha) of an A, R, G, B pixel.
    @inline(__always)
    private static func channel(_ channel: Int, of pixel: UInt32) -> UInt8 {
        UInt8(truncatingIfNeeded: Self.memoryOrder(pixel) >> (8 * channel))
    }

    /// An A, R, G, B pixel as R, G, B, A from the low byte: the file's byte order.
    @inline(__always)
    private static func memoryOrder(_ pixel: UInt32) -> UInt32 {
        (pixel >> 16) & 0xFF | pixel & 0xFF00 | (pixel & 0xFF) << 16 | pixel & 0xFF00_0000
    }
}
