import CCairo
import Glibc

/// Makes Pango compute fonts' metrics one thread at a time, so that text laid out on several
/// threads at once is broken into lines the same way on every run.
///
/// Pango (1.50) computes a font's metrics the first time they are asked for, and guards that
/// computation against recursion with one flag for the whole process, not one per thread: a font
/// whose metrics are first computed while another thread computes some keeps an approximate
/// character width of 0. Line breaking measures candidate breaks precisely only within three of
/// those widths of the line's end, so with a width of 0 the same paragraph could be broken and
/// justified differently (lines one point shorter) depending on what other threads were doing.
/// The lock wraps the font class's `get_metrics`, the only way to that computation; it is
/// recursive, because computing a font's metrics lays out a sample text, which asks for metrics.
enum FontMetricsLock {
    /// Installs the lock the first time; later calls do nothing. Call it before laying text out.
    static func install() {
        _ = installed
    }

    /// Wraps the `get_metrics` of the class of a font Pango-Cairo makes from fontconfig, the class
    /// of every font it makes.
    private static let installed: Void = {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        let cairo = cairo_create(surface)
        let context = pango_cairo_create_context(cairo)
        let description = pango_font_description_from_string("Sans 10")
        defer {
            pango_font_description_free(description)
            g_object_unref(UnsafeMutableRawPointer(context))
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
        }
        guard let font = pango_context_load_font(context, description) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let instance = UnsafeMutableRawPointer(font).assumingMemoryBound(to: GTypeInstance.self)
        let fontClass = UnsafeMutableRawPointer(instance.pointee.g_class).assumingMemoryBound(to: PangoFontClass.self)
        originalGetMetrics = fontClass.pointee.get_metrics
        fontClass.pointee.get_metrics = lockedGetMetrics
    }()

    typealias GetMetrics = @convention(c) (UnsafeMutablePointer<PangoFont>?, OpaquePointer?) -> UnsafeMutablePointer<PangoFontMetrics>?

    /// The class's own `get_metrics`, set once before the wrapper is installed.
    nonisolated(unsafe) private static var originalGetMetrics: GetMetrics?

    /// Held while Pango computes or looks up a font's metrics.
    private static let computing = RecursiveMutex()

    private static let lockedGetMetrics: GetMetrics = { font, language in
        FontMetricsLock.computing.withLockedMutex { FontMetricsLock.originalGetMetrics!(font, language) }
    }
}

/// A pthread mutex the thread holding it may lock again.
private final class RecursiveMutex: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// `body`'s result, computed holding the mutex.
    func withLockedMutex<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
