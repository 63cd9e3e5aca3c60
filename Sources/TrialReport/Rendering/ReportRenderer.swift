import Foundation
import Plot
import TrialAnalysis
import TrialData

/// `trialreport render`: study folder → analysis → results.json, tables (CSV), the TLF package
/// (`tlf/`, RTF and DOCX: `TLFPackage`), the analysis-results dataset (`ard.csv`:
/// `AnalysisResultsDataset`), figures (PDF, SVG, PNG by default; TIFF and EPS on request), report.md, report.html, report.pdf,
/// report.docx (`ReportDOCX`) and manifest.json, all written into a temporary folder
/// and swapped into the output folder only when everything succeeded (`OutputFolder`).
///
/// The data lock is checked against the bytes the analysis read (one read, one truth), and every
/// date inside the outputs is `ReportDate.resolve` (`SOURCE_DATE_EPOCH`, else the lock time, else
/// the day of the render): two renders of the same inputs on the same day give byte-identical files.
public struct ReportRenderer: Sendable {
    /// The stages, in order, as progress reports name them.
    public enum Stage: String, Sendable, CaseIterable {
        case analysis, figures, report, writing
    }

    /// The analysis stage.
    public var analysis: any StudyAnalyzing
    /// The figures stage; `nil` renders a report without figures.
    public var figures: (any FigureMaking)?
    /// Reads each template file once: the bytes hashed for the lock check are the bytes rendered.
    public var readTemplate: ReportTemplates.Reader
    /// The cells of the TLF package's tables from which another thread helps lay out tlf.pdf's
    /// (`SharedCellLayout`; a seam for tests).
    var tlfCellsSharedFrom = SharedCellLayout.minimumCells
    /// Hands the process's free memory back to the system (its allocator's release), called on the
    /// writing thread once it has made every file but the PDFs and waits for them: for a command
    /// whose process ends with the render, whose exit then has that much less memory to return
    /// (`trialreport render` gives tcmalloc's). Nil: nothing is released.
    public var releaseFreeMemory: (@Sendable () -> Void)?

    /// A renderer with these stages.
    /// - Parameter readTemplate: reads a template file (a seam for tests; by default `ReportTemplates.readFile`).
    public init(analysis: any StudyAnalyzing, figures: (any FigureMaking)?, readTemplate: @escaping ReportTemplates.Reader = ReportTemplates.readFile) {
        self.analysis = analysis
        self.figures = figures
        self.readTemplate = readTemplate
    }

    /// Renders the study of `options` into its output folder.
    /// - Parameter progress: called at the start of each stage.
    /// - Throws: `TrialReportError`: `.cannotWrite` (exit 73) for an output folder that holds or
    ///   lies in an input, holds the working folder, holds files TrialReport did not write (unless
    ///   `replaceAnyFolder`) or cannot be written; the analysis's errors; `.invalidInput` (65)
    ///   for a template error, an invalid lock, a lock not signed by `lockKey` (when given), or
    ///   (with `requireLock`) what was analysed not matching the lock; `.usage` (64) for a `SOURCE_DATE_EPOCH` that is not a time. The output
    ///   folder is unchanged after any error.
    /// - Complexity: linear in the size of the study.
    public func render(_ options: RenderOptions, progress: (Stage) -> Void = { _ in }) throws(TrialReportError) -> RenderSummary {
        try Self.checkOutputFolder(options)
        PangoText.prepareInBackground()
        // The templates are read and parsed on a thread of their own while the study is analysed;
        // a template error is still the first one reported.
        let (directory, read) = (options.templatesDirectory, readTemplate)
        let loadingTemplates = BackgroundComputation { Result { () throws(TrialReportError) in
            try ReportTemplates(directory: directory, read: read)
        } }
        let lockFile: TrialLock?, signatureWarnings: [Diagnostic], date: ReportDate, study: AnalysedStudy
        do {
            (lockFile, signatureWarnings) = try LockSignature.checkedLock(in: options.dataDirectory, key: options.lockKey)
            date = try ReportDate.resolve(lockTime: lockFile?.lockedAt, environment: options.environment)
            let planFile = try StudyInput.planFile(for: options.dataDirectory, given: options.planFile, lock: lockFile)
            progress(.analysis)
            study = try analysis.analyze(dataDirectory: options.dataDirectory, planFile: planFile)
        } catch {
            _ = try loadingTemplates.value().get()
            throw error
        }
        // results.json is encoded on a thread of its own while this thread composes the report,
        // when the other core has little else to do (the figures' layout is only starting).
        let resultsJSON = BackgroundComputation { [results = study.results] in Array(results.jsonData()) }
        let templates = try loadingTemplates.value().get()
        let lock = try RenderLock.check(lockFile, study: study, templates: templates, options: options)
        progress(.figures)
        let figureList = try figures?.figures(results: study.results, plan: study.plan) ?? []
        let drawing = FigureDrawing(figureList, formats: study.plan.figureFormats.map(OutputFormat.init),
                                    dpi: study.plan.figureDpi, documentDate: date.timestamp, documentsPaper: options.paper)
        // The drawing thread first lays the figures out as the documents draw them, then paints
        // them; meanwhile this thread composes the report, takes the laid-out figures and typesets
        // report.pdf and then tlf.pdf (text is laid out on any thread: see `FontMetricsLock`).
        // Each PNG is encoded as soon as it is painted (its pixels' memory then serves the next:
        // deferring the encoding kept every image in new pages the kernel had to clear). A figure
        // that cannot be drawn is still the error reported first.
        progress(.report)
        let provenance = ReportProvenance(
            date: date, lockHash: lock.hash, lockChanged: lock.changedSinceLock, toolVersion: TrialReportVersion.current,
            planYAML: study.plan.canonicalYAML,
            planSource: study.planSource, warnings: study.warnings.map(\.description))
        let composer = ReportComposer(templates: templates, paper: options.paper)
        let report: ReportDraft
        do {
            report = try composer.draft(results: study.results, plan: study.plan, provenance: provenance, figures: figureList)
                .withFigures(drawing.documentFigures.value())
        } catch {
            try drawing.waitForDrawing()
            throw error
        }
        let tlfOutputs = TLFPackage.outputs(tables: report.tables, results: study.results, plan: study.plan)
        let tlfLayouts = TLFLayouts(tlfOutputs, paper: options.paper)
        let tlfCellsAhead = TLFPackage.cellsLaidOutAhead(tlfOutputs, layouts: tlfLayouts, plan: study.plan,
                                                         minimumCells: tlfCellsSharedFrom)
        // Another thread first lays out, for a large TLF package, the table cells of tlf.pdf from
        // the end (`SharedCellLayout`: this thread lays out the rest after report.pdf), then
        // makes the documents that need no text laid out (CSV, ARD, the TLF package's RTF and
        // DOCX, JSON, Markdown) and writes them while the figures may still be drawn, then the
        // figures, the HTML page and report.docx, then the PDFs once they are given to it; each
        // file is hashed for the manifest as it is made.
        let typesetDocuments = Handoff<Result<(report: [UInt8], tlf: (String, [UInt8])?), TrialReportError>>()
        let releaseFreeMemory = releaseFreeMemory
        let writing = BackgroundComputation { Result { () throws(TrialReportError) -> (destination: URL, written: [String], pdf: [UInt8]) in
            tlfCellsAhead?.help()
            var files = report.tables.map { ("tables/\($0.name).csv", Array($0.csv().utf8)) }
            files.append(("ard.csv", AnalysisResultsDataset.csv(report.tables)))
            files += TLFPackage.documents(tlfOutputs, layouts: tlfLayouts, plan: study.plan, provenance: provenance,
                                          paper: options.paper)
            files += [("results.json", resultsJSON.value()), ("report.md", Array(report.markdown.utf8))]
            let output = try OutputFolder(destination: options.outputDirectory)
            var entries = Self.manifestEntries(files), written = files.map(\.0), pdf: [UInt8] = []
            let drawn = { () throws(TrialReportError) -> [(String, [UInt8])] in
                let html = try composer.html(report, figureSVG: try drawing.svg())
                let docx = try ReportDOCX(paper: options.paper, metadata: report.metadata)
                    .docx(report.document, content: report.content, png: try drawing.png())
                let files = try drawing.files() + [("report.html", Array(html.utf8)), ("report.docx", docx)]
                entries += Self.manifestEntries(files)
                written += files.map(\.0)
                return files
            }
            let typeset = { () throws(TrialReportError) -> [(String, [UInt8])] in
                // The analysis's memory, long freed, goes back while the PDFs are finished.
                releaseFreeMemory?()
                let (reportPDF, tlfPDF) = try typesetDocuments.value().get()
                pdf = reportPDF
                let typeset = (tlfPDF.map { [$0] } ?? []) + [("report.pdf", reportPDF)]
                written += typeset.map(\.0) + ["manifest.json"]
                return typeset + [("manifest.json", Self.manifest(entries + Self.manifestEntries(typeset), lockHash: lock.hash))]
            }
            try output.replace(with: files, then: [drawn, typeset])
            return (output.destination, written, pdf)
        } }
        // report.pdf and then tlf.pdf on this thread (on a thread of its own, whose font map loads
        // every font again, tlf.pdf cost the example 0.05 s more CPU, and no time): tlf.pdf shows
        // report.pdf's tables, and lays each cell out once.
        let cells = TableCellLayouts()
        typesetDocuments.give(Result { () throws(TrialReportError) in
            (try composer.typeset(report, cells: cells),
             try TLFPackage.pdf(tlfOutputs, layouts: tlfLayouts, plan: study.plan, provenance: provenance, paper: options.paper, cells: cells,
                                laidOutAhead: tlfCellsAhead))
        })
        cells.releaseInBackground()
        drawing.help()
        try drawing.waitForDrawing()
        progress(.writing)
        let (destination, written, pdf) = try writing.value().get()
        let summary = RenderSummary(outputDirectory: destination, files: written.sorted(),
                                    pages: PDFPageCount.count(pdf), headline: ReportComposer.headline(report.page.values),
                                    warnings: signatureWarnings + lock.warnings)
        // The study, its report and its tables (a million participants' data and listing) are
        // freed while the caller goes on, or left to the exit of the command line, which ends
        // next (`BackgroundRelease`).
        BackgroundRelease.drop((study, report, tlfOutputs, figureList))
        return summary
    }

    /// Refuses an output folder that would delete the render's inputs or the working folder
    /// (`OutputPlacement`), or one that holds files TrialReport did not write, unless
    /// `options.replaceAnyFolder` (`PreviousOutput`).
    static func checkOutputFolder(_ options: RenderOptions) throws(TrialReportError) {
        var inputs = [OutputPlacement.Input(options.dataDirectory, role: "data folder"),
                      OutputPlacement.Input(options.templatesDirectory, role: "templates folder")]
        if let plan = options.planFile { inputs.append(OutputPlacement.Input(plan, role: "plan", isFolder: false)) }
        try OutputPlacement.check(output: options.outputDirectory, inputs: inputs)
        try PreviousOutput.checkReplaceable(options.outputDirectory, force: options.replaceAnyFolder)
    }

    /// The manifest entries of `files`: each path with its SHA-256 and size.
    static func manifestEntries(_ files: [(String, [UInt8])]) -> [(file: String, entry: JSONValue)] {
        files.map { path, bytes in
            (path, .object([("file", .string(path)), ("sha256", .string(Checksum.sha256(bytes))), ("bytes", .integer(bytes.count))]))
        }
    }

    /// `manifest.json`: every output file's entry (`manifestEntries`), sorted by path, and the lock hash.
    static func manifest(_ entries: [(file: String, entry: JSONValue)], lockHash: String?) -> [UInt8] {
        let manifest = JSONValue.object([
            ("tool", .string("TrialReport " + TrialReportVersion.current)),
            ("lockHash", lockHash.map(JSONValue.string) ?? .null),
            ("files", .array(entries.sorted { $0.file < $1.file }.map(\.entry))),
        ])
        return manifest.canonicalBytes
    }
}

/// The number of pages of a PDF written by Cairo (its page tree's `/Count`).
enum PDFPageCount {
    /// - Complexity: O(*n*) in the bytes before the page tree, searched with `memchr` and `memcmp`.
    static func count(_ pdf: [UInt8]) -> Int {
        pdf.withUnsafeBytes { bytes in
            guard let pages = offset(of: "/Type /Pages", in: bytes, from: 0),
                  let count = offset(of: "/Count ", in: bytes, from: pages) else { return 0 }
            let digits = bytes[count...].prefix { (0x30...0x39).contains($0) }
            return Int(String(decoding: digits, as: UTF8.self)) ?? 0
        }
    }

    /// The offset just after the first `needle` at or after `start` in `bytes`.
    private static func offset(of needle: StaticString, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let pattern = UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var position = start
        while position + pattern.count <= bytes.count {
            guard let first = memchr(bytes.baseAddress! + position, Int32(pattern[0]), bytes.count - position) else { return nil }
            position = bytes.baseAddress!.distance(to: UnsafeRawPointer(first))
            if position + pattern.count <= bytes.count,
               memcmp(bytes.baseAddress! + position, pattern.baseAddress!, pattern.count) == 0 { return position + pattern.count }
            position += 1
        }
        return nil
    }
}
