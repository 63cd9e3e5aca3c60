/// Table cells laid out by Pango, by their text, weight, width and alignment, for PDFs typeset
/// one after the other on one thread in the default style: report.pdf, then tlf.pdf, which
/// shows the same tables, lays each cell out once. Not for concurrent use.
public final class TableCellLayouts {
    /// The text blocks laid out so far.
    var blocks: [TextBlockKey: TextBlock] = [:]

    /// An empty collection.
    public init() {}
}
