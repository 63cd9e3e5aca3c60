import CCairo

/// One file of a drawing after painting: its bytes, or for PNG and TIFF the painted pixels whose
/// encoding — compression only, no text laid out — is still to do (`Canvas.paint(_:as:)`).
/// Encoding gives the bytes `Canvas.render` gives.
public struct PaintedFile: Sendable {
    private enum Content: Sendable {
        case bytes([UInt8])
        case pixels(PaintedPixels)
    }

    private let content: Content

    /// A finished file.
    init(bytes: [UInt8]) { content = .bytes(bytes) }

    /// Pixels painted on `surface` (an image surface this file now owns) for `format` at `dpi`.
    init(surface: OpaquePointer, format: OutputFormat, dpi: Double) {
        content = .pixels(PaintedPixels(surface: surface, format: format, dpi: dpi))
    }

    /// The file's bytes when no encoding is left to do (every format but PNG and TIFF).
    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = content { bytes } else { nil }
    }

    /// The file's bytes: encoded now (PNG, TIFF) or as painted.
    /// - Throws: `PlotError.cairo` when the image has no pixels or compression fails.
    /// - Complexity: O(pixels) for PNG and TIFF, O(1) otherwise.
    public func encoded() throws -> [UInt8] {
        switch content {
        case .bytes(let bytes): bytes
        case .pixels(let pixels): try pixels.encoded()
        }
    }
}

/// A Cairo image surface painted for a PNG or TIFF file, destroyed with this object. Only read
/// after painting (encoding flushes and reads the pixels), so any thread may encode it.
private final class PaintedPixels: @unchecked Sendable {
    private let surface: OpaquePointer
    private let format: OutputFormat
    private let dpi: Double

    init(surface: OpaquePointer, format: OutputFormat, dpi: Double) {
        self.surface = surface
        self.format = format
        self.dpi = dpi
    }

    deinit { cairo_surface_destroy(surface) }

    func encoded() throws -> [UInt8] {
        format == .png ? try PNGEncoder.encode(surface, dpi: dpi) : try TIFFEncoder.encode(surface, dpi: dpi)
    }
}
