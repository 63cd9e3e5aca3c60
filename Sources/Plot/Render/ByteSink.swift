import CCairo

/// Collects what a Cairo stream surface writes (`cairo_pdf_surface_create_for_stream(ByteSink.write,
/// sink.closure, …)`); keep the sink alive until the surface is finished.
public final class ByteSink {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// An empty sink.
    public init() {}

    /// The `cairo_write_func_t` that appends to the sink passed as closure data.
    public static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// The sink as Cairo's closure pointer; valid while `self` is alive.
    public var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
