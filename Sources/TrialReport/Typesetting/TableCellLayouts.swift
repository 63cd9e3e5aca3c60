import CCairo
import Plot
import TrialData

/// Table cells laid out by Pango, by their text, weight, width and alignment, for PDFs typeset
/// one after the other on one thread in the default style: report.pdf, then tlf.pdf, which
/// shows the same tables, lays each cell out once. Not for concurrent use (a helper thread lays
/// cells out into a collection of its own: `SharedCellLayout`).
public final class TableCellLayouts {
    /// The text blocks laid out so far.
    var blocks: [TextBlockKey: TextBlock] = [:]

    /// An empty collection.
    public init() {}

    /// `cell`'s text laid out on one line, as its column's natural width measures it (in `style`'s
    /// table font, bold when the cell is): the block laid out before, else a new one (in the fonts
    /// of `fontMap` when given) — shaped by `PlainLineShaper` when it can, else by Pango —, kept
    /// for the next identical cell unless the cell has links (their areas are drawn per cell).
    func unwrappedBlock(_ cell: TableSpec.Cell, cairo: OpaquePointer, style: TypesetStyle,
                        fontMap: UnsafeMutablePointer<PangoFontMap>? = nil) -> TextBlock {
        let key = TextBlockKey(markup: cell.markup, bold: cell.bold, width: nil, centered: false)
        if let key, let block = blocks[key] { return block }
        let font = Font(family: style.tableFont.family, size: style.tableFont.size, bold: cell.bold)
        if reusable == nil || reusable?.fontMap != fontMap {
            reusable = PangoText.ReusableLayout(fontMap: fontMap)
            shaper = PlainLineShaper()
        }
        let layout = reusable!
        func layOut(_ markup: String) -> OpaquePointer {
            layout.set(on: cairo, markup: markup, font: font, wrapWidth: nil, alignment: .leading, hyphenates: false)
        }
        let block = shaper.block(cell.markup, bold: cell.bold, cairo: cairo, layOut: layOut) ?? {
            let laidOut = layOut(cell.markup.markup)
            let block = TextBlock.unwrapped(laidOut: laidOut, cairo: cairo, markup: cell.markup, font: font, fontMap: fontMap)
            shaper.learn(from: laidOut, block: block, markup: cell.markup, bold: cell.bold, cairo: cairo)
            return block
        }()
        if let key { blocks[key] = block }
        return block
    }

    /// The layout cells are set in, made once for the font map they are set in, and the shaper
    /// of their plain lines in its fonts.
    private var reusable: PangoText.ReusableLayout?
    private var shaper = PlainLineShaper()

    /// Hands the text blocks to `BackgroundRelease`, which frees them on a background thread (or
    /// keeps them until a process that ends with its work exits), so that the caller does not
    /// wait for it (a million participants' listing of 46,000 rows holds some 150,000 text
    /// blocks). Call it when done: the blocks are gone from here when it returns.
    func releaseInBackground() {
        // Only dropped there, never used: the blocks' reference counts are atomic, and the font
        // map of the thread that laid them out lives as long as they do.
        var released: [TextBlockKey: TextBlock] = [:]
        swap(&released, &blocks)
        BackgroundRelease.drop(released)
    }
}
