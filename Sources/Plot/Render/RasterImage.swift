import CCairo

/// The pixels of a Cairo image surface (`CAIRO_FORMAT_ARGB32`, premultiplied) read row by row as
/// R, G, B[, A] bytes: what the PNG and TIFF encoders write, so both files hold the same pixels.
/// Valid while the surface lives.
struct RasterImage {
    /// The size in pixels.
    let width: Int, height: Int
    /// Whether every pixel is opaque: the files are then RGB, else RGBA.
    let isOpaque: Bool
    private let rows: [UnsafeBufferPointer<UInt32>]

    /// The pixels of `surface`, flushed first.
    /// - Throws: `PlotError.cairo` when the surface has no pixels.
    init(_ surface: OpaquePointer) throws {
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw PlotError.cairo("the image has no pixels")
        }
        let pixels = UnsafeRawPointer(data), width = width
        rows = (0..<height).map { UnsafeBufferPointer(start: (pixels + $0 * stride).assumingMemoryBound(to: UInt32.self), count: width) }
        isOpaque = rows.allSatisfy { row in row.allSatisfy { $0 >> 24 == 0xFF } }
    }

    /// Bytes per pixel: 3 (RGB) when opaque, else 4 (RGBA).
    var channels: Int { isOpaque ? 3 : 4 }

    /// Bytes per row.
    var rowBytes: Int { width * channels }

    /// Row `index` as R, G, B bytes (every pixel opaque) or as R, G, B, A bytes with straight
    /// (un-premultiplied) colours, as Cairo writes PNG files; `bytes` holds `rowBytes`.
    func unpack(row index: Int, into bytes: UnsafeMutableBufferPointer<UInt8>) {
        var offset = 0
        if isOpaque {
            // Opaque: nothing to un-premultiply.
            for pixel in rows[index] {
                bytes[offset] = UInt8(truncatingIfNeeded: pixel >> 16)
                bytes[offset + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                bytes[offset + 2] = UInt8(truncatingIfNeeded: pixel)
                offset += 3
            }
            return
        }
        for pixel in rows[index] {
            let alpha = pixel >> 24
            var red = (pixel >> 16) & 0xFF, green = (pixel >> 8) & 0xFF, blue = pixel & 0xFF
            if alpha != 0xFF, alpha != 0 {
                red = (red * 255 + alpha / 2) / alpha
                green = (green * 255 + alpha / 2) / alpha
                blue = (blue * 255 + alpha / 2) / alpha
            }
            bytes[offset] = UInt8(truncatingIfNeeded: red)
            bytes[offset + 1] = UInt8(truncatingIfNeeded: green)
            bytes[offset + 2] = UInt8(truncatingIfNeeded: blue)
            bytes[offset + 3] = UInt8(truncatingIfNeeded: alpha)
            offset += 4
        }
    }
}
