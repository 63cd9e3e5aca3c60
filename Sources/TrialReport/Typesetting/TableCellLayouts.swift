import Dispatch

/// Table cells laid out by Pango, by their text, weight, width and alignment, for PDFs typeset
/// one after the other on one thread in the default style: report.pdf, then tlf.pdf, which
/// shows the same tables, lays each cell out once. Not for concurrent use.
public final class TableCellLayouts {
    /// The text blocks laid out so far.
    var blocks: [TextBlockKey: TextBlock] = [:]

    /// An empty collection.
    public init() {}

    /// Frees the text blocks on a background thread, so that the caller does not wait for it (a
    /// million participants' listing of 46,000 rows holds some 150,000 Pango layouts: 0.3 s). Call
    /// it when done: the blocks are gone when it returns.
    func releaseInBackground() {
        // Only dropped there, never used: the blocks' reference counts are atomic, and the thread
        // that laid them out (whose font map holds their fonts) lives on.
        nonisolated(unsafe) let released = blocks
        blocks = [:]
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(released) {} }
    }
}
