import CCairo
import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// The cells of tlf.pdf laid out by two threads (`SharedCellLayout`): every cell in its place,
/// whichever thread gets further, and the same PDF, byte for byte, as laid out by the typesetting thread
/// alone; a helper only for a package large enough to pay for its fonts.
@Suite("Table cells laid out by two threads")
struct SharedCellLayoutTests {
    /// A package whose adverse-event table has more rows than a claim.
    static func package() throws -> (outputs: [TLFOutput], plan: AnalysisPlan) {
        let results = DocumentSamples.results(adverseEventClasses: 150)
        let report = try DocumentSamples.compose(results)
        var plan = AnalysisPlan()
        plan.tlf.formats = [.pdf]
        return (TLFPackage.outputs(tables: report.tables, results: results, plan: plan), plan)
    }

    @Test func everyCellsBlockIsInItsPlaceWhicheverThreadLaidItOut() throws {
        let (outputs, _) = try Self.package()
        let specs = TLFPDFDocument.specs(outputs, layouts: TLFLayouts(outputs, paper: .a4), style: TypesetStyle())
        let rows = specs.map(\.allRows)
        try #require(rows.contains { $0.count > 2 * SharedCellLayout.rowsPerClaim }, "\(rows.map(\.count))")
        // Every cell laid out by this thread alone, for its size.
        let alone = TableCellLayouts()
        let aloneSurface = cairo_pdf_surface_create_for_stream(nil, nil, 1, 1)!
        let aloneCairo = cairo_create(aloneSurface)!
        let sizes = rows.map { $0.map { $0.map { alone.unwrappedBlock($0, cairo: aloneCairo, style: TypesetStyle()).size } } }
        cairo_destroy(aloneCairo)
        cairo_surface_destroy(aloneSurface)
        for _ in 0..<3 {
            let shared = SharedCellLayout(style: TypesetStyle()) { specs }
            Thread.detachNewThread { shared.help() }
            let cells = TableCellLayouts()
            let surface = cairo_pdf_surface_create_for_stream(nil, nil, 1, 1)!
            let cairo = cairo_create(surface)!
            let laidOutRows = shared.layOutRest(into: cells, cairo: cairo)
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
            #expect(shared.specs.count == specs.count)
            // Each cell's block in its place: a block laid out for that cell's text alone (each
            // thread lays a text out once), as large as that text laid out by one thread.
            #expect(laidOutRows.map { $0.map(\.count) } == rows.map { $0.map(\.count) })
            var textOfBlock: [ObjectIdentifier: TextBlockKey] = [:], misplaced = 0
            for (table, tableRows) in rows.enumerated() {
                for (row, cellsOfRow) in tableRows.enumerated() {
                    for (index, cell) in cellsOfRow.enumerated() {
                        let block = laidOutRows[table][row][index]
                        let key = try #require(TextBlockKey(markup: cell.markup, bold: cell.bold, width: nil, centered: false))
                        let known = textOfBlock.updateValue(key, forKey: ObjectIdentifier(block))
                        if known.map({ $0 != key }) ?? false || block.size != sizes[table][row][index] { misplaced += 1 }
                    }
                }
            }
            #expect(misplaced == 0)
        }
    }

    @Test func tlfPDFIsTheSameLaidOutByTwoThreadsAsByOne() throws {
        let (outputs, plan) = try Self.package()
        let provenance = DocumentSamples.provenance
        let alone = try #require(try TLFPackage.pdf(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: plan, provenance: provenance, paper: .a4, laidOutAhead: nil))
        let shared = try #require(TLFPackage.cellsLaidOutAhead(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: plan, minimumCells: 0))
        Thread.detachNewThread { shared.help() }
        let ahead = try #require(try TLFPackage.pdf(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: plan, provenance: provenance, paper: .a4, laidOutAhead: shared))
        #expect(ahead.0 == alone.0)
        #expect(ahead.1 == alone.1)
    }

    @Test func aHelperOnlyForAPackageOfEnoughCellsWithAPDF() throws {
        let (outputs, plan) = try Self.package()
        let cells = outputs.reduce(0) { $0 + $1.table.rows.count * $1.table.columnCount }
        #expect(TLFPackage.cellsLaidOutAhead(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: plan, minimumCells: cells) != nil)
        #expect(TLFPackage.cellsLaidOutAhead(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: plan, minimumCells: cells + 1) == nil)
        var withoutPDF = plan
        withoutPDF.tlf.formats = [.rtf, .docx]
        #expect(TLFPackage.cellsLaidOutAhead(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: withoutPDF, minimumCells: 0) == nil)
        withoutPDF.tlf.formats = [.pdf]
        withoutPDF.tlf.write = false
        #expect(TLFPackage.cellsLaidOutAhead(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: withoutPDF, minimumCells: 0) == nil)
        #expect(cells < SharedCellLayout.minimumCells)
        #expect(TLFPackage.cellsLaidOutAhead(outputs, layouts: TLFLayouts(outputs, paper: .a4), plan: plan) == nil)
    }
}
