import Synchronization

/// The page layout of each output of a TLF package (`TLFTableLayout`), found once for its three
/// writers: the RTF and DOCX files use the whole layout and tlf.pdf its orientation. Finding one
/// measures every cell of the table (a listing of 46,000 rows: about 12 ms), and the writers work
/// on different threads, so the layouts are kept here as they are found.
final class TLFLayouts: Sendable {
    private let outputs: [TLFOutput]
    private let paper: PaperSize
    private let found: Mutex<[TLFTableLayout?]>

    /// The layouts of `outputs` on `paper`, none found yet.
    init(_ outputs: [TLFOutput], paper: PaperSize) {
        self.outputs = outputs
        self.paper = paper
        found = Mutex([TLFTableLayout?](repeating: nil, count: outputs.count))
    }

    /// The layout of the output at `index` of the outputs, found by the first writer that asks
    /// (two that ask at once may both find it: the same layout).
    func layout(_ index: Int) -> TLFTableLayout {
        if let known = found.withLock({ $0[index] }) { return known }
        let layout = TLFTableLayout(outputs[index].table, paper: paper, margin: TLFPageStyle.margin)
        found.withLock { $0[index] = layout }
        return layout
    }
}
