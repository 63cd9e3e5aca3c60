import CCairo
import Foundation

/// Image surfaces whose pixels lie in memory the kernel may back with 2 MiB pages: a figure at
/// 300 dpi is 5–20 MB of pixels, and faulting them in 4 KiB at a time cost more than painting
/// the white page (about 30 ms of the example's render, in the kernel). Where transparent huge
/// pages are off, the hint is ignored.
enum ImageMemory {
    /// The alignment and page size asked for.
    private static let hugePage = 2 << 20
    /// The key under which a surface holds its memory, freed with it.
    nonisolated(unsafe) private static let memoryKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

    /// An ARGB32 image surface of `width` × `height` pixels whose contents are undefined until
    /// painted (the canvas paints a white page first).
    static func surface(width: Int, height: Int) -> OpaquePointer {
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width)))
        var memory: UnsafeMutableRawPointer?
        guard stride > 0, posix_memalign(&memory, hugePage, stride * height) == 0, let memory else {
            return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        }
        _ = madvise(memory, stride * height, MADV_HUGEPAGE)
        let surface = cairo_image_surface_create_for_data(memory.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                          Int32(width), Int32(height), Int32(stride))!
        cairo_surface_set_user_data(surface, memoryKey, memory) { free($0) }
        return surface
    }
}
