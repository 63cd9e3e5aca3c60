import TrialAnalysis

/// The TLF package of a render, `tlf/`: one file per table and listing the report shows and per
/// format of the plan's `tlf.formats` (RTF: `RTFDocument`, DOCX: `DOCXDocument`, two writers of
/// the same outputs), in report order, numbered after ICH E3 (see `TLFOutput.outputs`).
public enum TLFPackage {
    /// The files of the package, paths relative to the output folder ("tlf/14.1.1-analysis-sets.rtf",
    /// "tlf/14.1.1-analysis-sets.docx"), output by output; empty when the plan's `tlf.write` is false.
    /// - Parameters:
    ///   - tables: the report's tables with all their rows, numbered as the report shows them (a
    ///     table the templates leave out has no number and no file).
    ///   - paper: the paper of the pages.
    /// - Complexity: O(cells of the tables).
    public static func files(tables: [ReportTable], results: Results, plan: AnalysisPlan, provenance: ReportProvenance,
                             paper: PaperSize) -> [(String, [UInt8])] {
        guard plan.tlf.write else { return [] }
        let shown = tables.filter { $0.number != nil }.sorted { $0.number! < $1.number! }
        let footer = footerProvenance(provenance)
        let rtf = RTFDocument(paper: paper, placement: plan.tlf.titles, studyTitle: plan.title, provenance: footer)
        let docx = DOCXDocument(paper: paper, placement: plan.tlf.titles, studyTitle: plan.title, provenance: footer,
                                date: provenance.date.timestamp)
        return TLFOutput.outputs(of: shown, results: results, plan: plan).flatMap { output in
            plan.tlf.formats.map { format in
                let bytes = switch format {
                case .rtf: Array(rtf.rtf(output).utf8)
                case .docx: docx.docx(output)
                }
                return ("tlf/" + output.fileName + "." + format.rawValue, bytes)
            }
        }
    }

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
