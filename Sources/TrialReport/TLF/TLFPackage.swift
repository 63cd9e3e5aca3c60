import TrialAnalysis
import TrialData

/// The TLF package of a render, `tlf/`: one file per table and listing the report shows and per
/// file format of the plan's `tlf.formats` (RTF: `RTFDocument`, DOCX: `DOCXDocument`), and all
/// of them in `tlf.pdf` (`TLFPDFDocument`): three writers of the same outputs, in report order,
/// numbered after ICH E3 (see `TLFOutput.outputs`).
public enum TLFPackage {
    /// The files of the package, paths relative to the output folder ("tlf/14.1.1-analysis-sets.rtf",
    /// "tlf/14.1.1-analysis-sets.docx"), output by output, then "tlf.pdf"; empty when the plan's
    /// `tlf.write` is false.
    /// - Parameters:
    ///   - tables: the report's tables with all their rows, numbered as the report shows them (a
    ///     table the templates leave out has no number and no file).
    ///   - paper: the paper of the pages.
    /// - Throws: `TrialReportError` (`.other`) for a Cairo failure writing tlf.pdf.
    /// - Complexity: O(cells of the tables).
    public static func files(tables: [ReportTable], results: Results, plan: AnalysisPlan, provenance: ReportProvenance,
                             paper: PaperSize) throws(TrialReportError) -> [(String, [UInt8])] {
        guard plan.tlf.write else { return [] }
        let shown = tables.filter { $0.number != nil }.sorted { $0.number! < $1.number! }
        let footer = footerProvenance(provenance)
        let rtf = RTFDocument(paper: paper, placement: plan.tlf.titles, studyTitle: plan.title, provenance: footer)
        let docx = DOCXDocument(paper: paper, placement: plan.tlf.titles, studyTitle: plan.title, provenance: footer,
                                date: provenance.date.timestamp)
        let outputs = TLFOutput.outputs(of: shown, results: results, plan: plan)
        var files: [(String, [UInt8])] = outputs.flatMap { output in
            plan.tlf.formats.compactMap { format in
                let bytes: [UInt8]? = switch format {
                case .rtf: Array(rtf.rtf(output).utf8)
                case .docx: docx.docx(output)
                case .pdf: nil
                }
                return bytes.map { ("tlf/" + output.fileName + "." + format.rawValue, $0) }
            }
        }
        if plan.tlf.formats.contains(.pdf) {
            let pdf = TLFPDFDocument(paper: paper, studyTitle: plan.title, provenance: footer,
                                     creator: "TrialReport " + provenance.toolVersion, date: provenance.date.timestamp)
            files.append((pdfPath, try pdf.pdf(outputs)))
        }
        return files
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
