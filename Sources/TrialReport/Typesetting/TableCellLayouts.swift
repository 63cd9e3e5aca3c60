/// Table cells laid out by Pango, by their text, weight, width and alignment: a PDF lays each
/// distinct cell out once. Not for concurrent use; freed best on the thread that laid the cells
/// out (Pango's fonts belong to the thread's font map, which goes when the thread ends).
public final class TableCellLayouts {
    /// The text blocks laid out so far.
    var blocks: [TextBlockKey: TextBlock] = [:]

    /// An empty collection.
    public init() {}
}
