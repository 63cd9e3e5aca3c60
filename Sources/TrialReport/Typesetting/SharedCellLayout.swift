import CCairo
import Plot
import Synchronization
import TrialData

/// The cells of large tables laid out by two threads before the tables are typeset: a helping
/// thread (`help`) makes the tables and lays their rows out from the end while the typesetting
/// thread still does other work (report.pdf, before tlf.pdf); the typesetting thread then lays
/// out the rows left from the start (`layOutRest`), takes the helper's blocks, and sets the
/// tables, whose `TableLayout`s take every cell's block row by row (`layOutRest`'s result) rather
/// than look each one up by its text in their `TableCellLayouts`.
///
/// The helper lays its cells out in a font map of their own (`PangoText.vectorFontMap`), which
/// sets text as every thread's does (`FontMetricsLock`), so the PDF is the same, byte for byte;
/// its blocks move to the typesetting thread once it is done with them, so no Pango object is
/// used by two threads at once, whatever the helper lays out later in its thread's fonts. The
/// map loads its fonts again (tens of milliseconds of CPU): worth it from `minimumCells` cells.
final class SharedCellLayout: Sendable {
    /// The cells from which a helper pays for its fonts: a million participants' listing of
    /// 46,000 rows has 230,000.
    static let minimumCells = 20_000

    /// The rows of one claim: few enough that the typesetting thread, done with its own, waits
    /// little for the helper's last; enough that claiming costs nothing.
    static let rowsPerClaim = 256

    /// The tables and their rows, cut into claims.
    private struct Work: Sendable {
        var specs: [TableSpec]
        var rows: [[[TableSpec.Cell]]]
        var claims: [(table: Int, rows: Range<Int>)] = []

        init(_ specs: [TableSpec]) {
            self.specs = specs
            rows = specs.map(\.allRows)
            for (table, rows) in rows.enumerated() {
                for start in stride(from: 0, to: rows.count, by: SharedCellLayout.rowsPerClaim) {
                    claims.append((table, start..<min(rows.count, start + SharedCellLayout.rowsPerClaim)))
                }
            }
        }
    }

    /// The blocks of a claim's rows, each row's in the order of its cells.
    private typealias ClaimBlocks = (claim: Int, rows: [[TextBlock]])

    /// The helper's blocks, handed to the typesetting thread once the helper is done with them.
    private struct Handed: @unchecked Sendable {
        let cells: TableCellLayouts
        let claims: [ClaimBlocks]
    }

    private let style: TypesetStyle
    private let makeSpecs: @Sendable () -> [TableSpec]
    private let work = Handoff<Work>()
    /// The claims taken: those before `front` by the typesetting thread, those from `back` on by
    /// the helper (`Int.max` until it takes its first).
    private let taken = Mutex((front: 0, back: Int.max))
    private let helperCells = Handoff<Handed>()

    /// Shared cells of the tables `specs` makes, in `style`; `help()` must then be called once,
    /// on a thread other than the typesetting one, before `specs` or `layOutRest` can return.
    init(style: TypesetStyle, specs: @escaping @Sendable () -> [TableSpec]) {
        self.style = style
        makeSpecs = specs
    }

    /// Makes the tables and lays their rows out from the end, in a font map of its own, until the
    /// typesetting thread's claims meet them; then hands the blocks over.
    func help() {
        let work = Work(makeSpecs())
        self.work.give(work)
        let cells = TableCellLayouts()
        let fontMap = PangoText.vectorFontMap()
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 1, 1)!
        let cairo = cairo_create(surface)!
        var claims: [ClaimBlocks] = []
        while let claim = take(fromEnd: true, of: work) {
            claims.append((claim, lay(work.claims[claim], of: work, into: cells, cairo: cairo, fontMap: fontMap)))
        }
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        helperCells.give(Handed(cells: cells, claims: claims))
    }

    /// The tables, once the helper has made them.
    var specs: [TableSpec] { work.value().specs }

    /// Lays out on this thread, the typesetting one, the rows the helper has not taken into
    /// `cells`, then takes the helper's blocks once it has laid out its last (its collection of
    /// them, which nothing looks up, is released in the background).
    /// - Returns: for each table of `specs`, for each of its rows (`TableSpec.allRows`), the
    ///   block of each cell as `TableCellLayouts.unwrappedBlock` laid it out (the helper's or
    ///   this thread's: both set text alike).
    func layOutRest(into cells: TableCellLayouts, cairo: OpaquePointer) -> [[[TextBlock]]] {
        let work = work.value()
        var claims: [ClaimBlocks] = []
        while let claim = take(fromEnd: false, of: work) {
            claims.append((claim, lay(work.claims[claim], of: work, into: cells, cairo: cairo, fontMap: nil)))
        }
        let helped = helperCells.value()
        helped.cells.releaseInBackground()
        var tables = work.rows.map { rows in [[TextBlock]](repeating: [], count: rows.count) }
        for (claim, rows) in claims + helped.claims {
            let (table, range) = work.claims[claim]
            tables[table].replaceSubrange(range, with: rows)
        }
        return tables
    }

    /// The index of the next claim from the start or, for the helper, from the end; nil once they meet.
    private func take(fromEnd: Bool, of work: Work) -> Int? {
        taken.withLock { taken in
            let back = min(taken.back, work.claims.count)
            guard taken.front < back else { return nil }
            if fromEnd {
                taken.back = back - 1
                return back - 1
            }
            taken.front += 1
            return taken.front - 1
        }
    }

    /// Lays out the cells of `claim`'s rows into `cells`: each row's blocks.
    private func lay(_ claim: (table: Int, rows: Range<Int>), of work: Work, into cells: TableCellLayouts,
                     cairo: OpaquePointer, fontMap: UnsafeMutablePointer<PangoFontMap>?) -> [[TextBlock]] {
        work.rows[claim.table][claim.rows].map { row in
            row.map { cells.unwrappedBlock($0, cairo: cairo, style: style, fontMap: fontMap) }
        }
    }
}
