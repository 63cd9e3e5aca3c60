import CCairo

/// Reads what the tests need from PNG bytes and decodes pixels through Cairo.
public enum PNGInspection {
    public static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }

    /// Width and height from the IHDR chunk.
    public static func size(_ png: [UInt8]) -> (width: Int, height: Int) { (bigEndian(png, at: 16), bigEndian(png, at: 20)) }

    /// The chunks after the signature: type and data.
    public static func chunks(_ png: [UInt8]) -> [(type: String, data: ArraySlice<UInt8>)] {
        var chunks: [(type: String, data: ArraySlice<UInt8>)] = [], offset = 8
        while offset + 12 <= png.count {
            let length = bigEndian(png, at: offset)
            chunks.append((String(decoding: png[offset + 4..<offset + 8], as: UTF8.self), png[offset + 8..<offset + 8 + length]))
            offset += 12 + length
        }
        return chunks
    }

    /// The x resolution of the pHYs chunk, nil when absent.
    public static func pixelsPerMetre(_ png: [UInt8]) -> Int? {
        guard let data = chunks(png).first(where: { $0.type == "pHYs" })?.data else { return nil }
        return bigEndian(Array(data), at: 0)
    }

    /// The image data: the IDAT chunks' bytes joined (a zlib stream).
    public static func imageData(_ png: [UInt8]) -> [UInt8] {
        chunks(png).filter { $0.type == "IDAT" }.flatMap(\.data)
    }

    private final class Reader { var bytes: [UInt8]; var position = 0; init(_ bytes: [UInt8]) { self.bytes = bytes } }

    /// The pixels of a PNG decoded by Cairo (libpng): ARGB32, premultiplied, row by row.
    public static func pixels(_ png: [UInt8]) -> (width: Int, height: Int, argb: [UInt32]) {
        let reader = Reader(png)
        let read: cairo_read_func_t = { closure, data, length in
            let reader = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard reader.position + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            for index in 0..<count { data![index] = reader.bytes[reader.position + index] }
            reader.position += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())!
        defer { cairo_surface_destroy(surface) }
        return surfacePixels(surface)
    }

    /// The pixels of an image surface: ARGB32, premultiplied, row by row.
    public static func surfacePixels(_ surface: OpaquePointer) -> (width: Int, height: Int, argb: [UInt32]) {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else { return (0, 0, []) }
        var argb: [UInt32] = []
        argb.reserveCapacity(width * height)
        for row in 0..<height {
            argb += UnsafeBufferPointer(start: UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self), count: width)
        }
        return (width, height, argb)
    }

    /// The fraction of pixels that are not white, decoding the PNG with Cairo.
    public static func inkedFraction(_ png: [UInt8]) -> Double {
        let image = pixels(png)
        guard !image.argb.isEmpty else { return 0 }
        let inked = image.argb.count { pixel in
            (pixel >> 16) & 0xFF < 0xF0 || (pixel >> 8) & 0xFF < 0xF0 || pixel & 0xFF < 0xF0
        }
        return Double(inked) / Double(image.argb.count)
    }
}
