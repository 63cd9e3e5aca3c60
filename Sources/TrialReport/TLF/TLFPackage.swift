import TrialAnalysis
import TrialData

/// The TLF package of a render, `tlf/`: one file per table and listing the report shows and per
/// file format of the plan's `tlf.formats` (RTF: `RTFDocument`, DOCX: `DOCXDocument`), and all
/// of them in `tlf.pdf` (`TLFPDFDocument`): three writers of the same outputs, in report order,
/// numbered after ICH E3 (see `TLFOutput.outputs`).
public enum TLFPackage {
    /// The files of the package, paths relative to the output folder ("tlf/14.1.1-analysis-sets.rtf",
    /// "tlf/14.1.1-analysis-sets.docx"), output by output, then "tlf.pdf"; empty when the plan's
    /// `tlf.write` is false. `documents` and `pdf` in one call.
    /// - Parameters:
    ///   - tables: the report's tables with all their rows, numbered as the report shows them (a
    ///     table the templates leave out has no number and no file).
    ///   - paper: the paper of the pages.
    /// - Throws: `TrialReportError` (`.other`) for a Cairo failure writing tlf.pdf.
    /// - Complexity: O(cells of the tables).
    public static func files(tables: [ReportTable], results: Results, plan: AnalysisPlan, provenance: ReportProvenance,
                             paper: PaperSize) throws(TrialReportError) -> [(String, [UInt8])] {
        let outputs = outputs(tables: tables, results: results, plan: plan)
        let layouts = TLFLayouts(outputs, paper: paper)
        return documents(outputs, layouts: layouts, plan: plan, provenance: provenance, paper: paper)
            + (try pdf(outputs, layouts: layouts, plan: plan, provenance: provenance, paper: paper, laidOutAhead: nil).map { [$0] } ?? [])
    }

    /// The outputs of the package: the tables the report shows, in their numbers' order, as
    /// `TLFOutput.outputs` numbers them; empty when the plan's `tlf.write` is false.
    public static func outputs(tables: [ReportTable], results: Results, plan: AnalysisPlan) -> [TLFOutput] {
        guard plan.tlf.write else { return [] }
        let shown = tables.filter { $0.number != nil }.sorted { $0.number! < $1.number! }
        return TLFOutput.outputs(of: shown, results: results, plan: plan)
    }

    /// The RTF and DOCX files of `outputs` in the plan's `tlf.formats`, output by output, on the
    /// pages of `layouts` (of these outputs on `paper`). No text is laid out (the writers measure
    /// with font metrics of their own), so any thread may write them while another typesets a PDF.
    static func documents(_ outputs: [TLFOutput], layouts: TLFLayouts, plan: AnalysisPlan, provenance: ReportProvenance,
                          paper: PaperSize) -> [(String, [UInt8])] {
        let footer = footerProvenance(provenance)
        let rtf = RTFDocument(paper: paper, placement: plan.tlf.titles, studyTitle: plan.title, provenance: footer)
        let docx = DOCXDocument(paper: paper, placement: plan.tlf.titles, studyTitle: plan.title, provenance: footer,
                                date: provenance.date.timestamp)
        return outputs.enumerated().flatMap { index, output in
            plan.tlf.formats.compactMap { format in
                let bytes: [UInt8]? = switch format {
                case .rtf: rtf.rtf(output, layout: layouts.layout(index))
                case .docx: docx.docx(output, layout: layouts.layout(index))
                case .pdf: nil
                }
                return bytes.map { ("tlf/" + output.fileName + "." + format.rawValue, $0) }
            }
        }
    }

    /// `tlf.pdf` with every output of `outputs`, when the plan writes the package with PDF among
    /// its `tlf.formats`, its text laid out by Pango (on any thread: see `FontMetricsLock`).
    /// - Parameters:
    ///   - cells: table cells laid out before on this thread, by report.pdf (see `TableCellLayouts`).
    ///   - laidOutAhead: the outputs' cells being laid out by a helper thread (`cellsLaidOutAhead`).
    /// - Throws: `TrialReportError` (`.other`) for a Cairo failure.
    static func pdf(_ outputs: [TLFOutput], layouts: TLFLayouts, plan: AnalysisPlan, provenance: ReportProvenance, paper: PaperSize,
                    cells: TableCellLayouts = TableCellLayouts(), laidOutAhead: SharedCellLayout?) throws(TrialReportError) -> (String, [UInt8])? {
        guard plan.tlf.write, plan.tlf.formats.contains(.pdf) else { return nil }
        let pdf = TLFPDFDocument(paper: paper, studyTitle: plan.title, provenance: footerProvenance(provenance),
                                 creator: "TrialReport " + provenance.toolVersion, date: provenance.date.timestamp, cells: cells,
                                 laidOutAhead: laidOutAhead)
        return (pdfPath, try pdf.pdf(outputs, layouts: layouts))
    }

    /// The cells of `outputs`' tables in tlf.pdf to be laid out partly by another thread, which
    /// calls its `help()` (`SharedCellLayout`), when the plan writes tlf.pdf and they number
    /// `minimumCells` or more; else nil.
    static func cellsLaidOutAhead(_ outputs: [TLFOutput], layouts: TLFLayouts, plan: AnalysisPlan,
                                  minimumCells: Int = SharedCellLayout.minimumCells) -> SharedCellLayout? {
        let cells = outputs.reduce(0) { cells, output in
            cells + output.table.groups.reduce(0) { $0 + $1.rows.count } * output.table.columnCount
        }
        guard plan.tlf.write, plan.tlf.formats.contains(.pdf), cells >= minimumCells else { return nil }
        return SharedCellLayout(style: TypesetStyle()) { TLFPDFDocument.specs(outputs, layouts: layouts, style: TypesetStyle()) }
    }

    /// The combined PDF of the package, relative to the output folder.
    public static let pdfPath = "tlf.pdf"

    /// "TrialReport 0.1.0; 2025-06-30; data lock 1a2b3c4d5e6f" (the lock's SHA-256, first 12
    /// digits, flagged when the data changed since), or "…; draft — data not locked".
    static func footerProvenance(_ provenance: ReportProvenance) -> String {
        var lock = ReportProvenance.notLocked
        if let hash = provenance.lockHash {
            lock = "data lock " + hash.prefix(12) + (provenance.lockChanged ? " (changed since lock)" : "")
        }
        return "TrialReport " + provenance.toolVersion + "; " + provenance.date.day + "; " + lock
    }
}
