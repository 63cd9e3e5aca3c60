import TrialAnalysis
import TrialData

/// The outputs of the TLF package in one PDF, `tlf.pdf`: the third writer of the same model
/// (`TLFOutput`) besides `RTFDocument` and `DOCXDocument`, typeset as report.pdf is
/// (`PDFTypesetter`).
///
/// Each output starts a page, landscape where its RTF file is (`TLFTableLayout`), with its title
/// block ("Table 14.1.1" in bold, the title, the population and its N unless the title names it)
/// repeated, marked "(continued)", above the column headers on every page it continues on; its
/// footnotes and source files follow the table. Each output has one bookmark, "Table 14.1.1 Title", and its
/// own "Page x of y" in the footer, after the tool, version, date and lock.
struct TLFPDFDocument {
    /// The paper.
    var paper: PaperSize
    /// The study title (the PDF's title).
    var studyTitle: String
    /// The tool, version, date and lock of the footer: "TrialReport 0.1.0; 2025-06-30; data lock 1a2b3c4d5e6f".
    var provenance: String
    /// The creating tool, "TrialReport 0.1.0".
    var creator: String
    /// The document date, `YYYY-MM-DDThh:mm:ss`.
    var date: String
    /// Table cells laid out before on this thread (see `TableCellLayouts`).
    var cells = TableCellLayouts()
    /// The outputs' tables and cells being laid out by a helper thread, when their number pays for one.
    var laidOutAhead: SharedCellLayout?

    /// The PDF of `outputs`, in their order, each page turned as `layouts` (of these outputs) has it.
    /// - Throws: `TrialReportError` (`.other`) for a Cairo failure.
    /// - Complexity: O(cells of the tables).
    func pdf(_ outputs: [TLFOutput], layouts: TLFLayouts) throws(TrialReportError) -> [UInt8] {
        let metadata = PDFTypesetter.Metadata(
            title: studyTitle, subject: "Tables and listings: " + outputs.map(\.label).joined(separator: ", "),
            creator: creator, date: date, footer: provenance)
        let style = TypesetStyle()
        let specs = laidOutAhead?.specs ?? Self.specs(outputs, layouts: layouts, style: style)
        return try PDFTypesetter(paper: paper, metadata: metadata)
            .typeset(content: TypesetContent(tables: [], figures: []), numbering: .perSection, cells: cells) { flow in
                let laidOutRows = laidOutAhead?.layOutRest(into: flow.cells, cairo: flow.cairo)
                for (index, spec) in specs.enumerated() {
                    if index > 0 { flow.addPageBreak() }
                    flow.addTable(spec, spaceBefore: 0, laidOutRows: laidOutRows?[index])
                }
            }
    }

    /// The tables of `outputs` as the typesetter sets them, turned as `layouts` (of these
    /// outputs) has them (see `spec`).
    static func specs(_ outputs: [TLFOutput], layouts: TLFLayouts, style: TypesetStyle) -> [TableSpec] {
        outputs.enumerated().map { spec($1, landscape: layouts.layout($0).landscape, style: style) }
    }

    /// The table of `output` as the typesetter sets it: the title block as its caption, its
    /// bookmark, its orientation, and the source files after its footnotes.
    private static func spec(_ output: TLFOutput, landscape: Bool, style: TypesetStyle) -> TableSpec {
        let table = output.table
        var spec = TableSpec(table, anchor: "tlf-" + output.fileName, style: style)
        // A caption that names the population already ("…, Safety set") names it once, with its N.
        let population = output.titleLines.last ?? ""
        let title = if table.caption.contains(population) {
            table.caption
        } else if table.caption.hasSuffix(output.population) {
            table.caption + population.dropFirst(output.population.count)
        } else {
            table.caption + " \u{2014} " + population
        }
        spec.caption = (output.label, title)
        spec.outline = output.label + " " + table.caption
        spec.landscape = landscape
        spec.footnotes.append(InlineMarkup(text: "Source: " + output.sources.joined(separator: ", ")))
        return spec
    }
}
