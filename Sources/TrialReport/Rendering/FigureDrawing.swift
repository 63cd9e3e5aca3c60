import Foundation
import Plot
import TrialData

/// The figure files of a render, drawn on a thread of its own — the figures first laid out as the
/// documents draw them (`documentFigures`), then every figure × format painted and encoded (a
/// `RenderBatch`, which other threads may `help()` paint) — while the render composes and typesets
/// its documents. The bytes are
/// those of drawing each file alone.
/// A figure whose files keep the note its documents leave to the caption (`ReportFigure.file`) is
/// also drawn as the documents show it in SVG, for the HTML page (Word crops the note off the PNG
/// file instead: the figure without its note is the file's top part, drawn the same).
final class FigureDrawing: Sendable {
    private let names: [String]
    /// The figure name of each job, to name a file that cannot be drawn.
    private let jobNames: [String]
    /// For each figure, the index of its documents' drawing among the jobs after the files' ones.
    private let shownJobs: [Int?]
    /// The formats of `figures/`, in the plan's order.
    private let formats: [OutputFormat]
    /// The formats drawn at the plan's resolution: `formats`, then the SVG the HTML page inlines.
    private let drawnFormats: [OutputFormat]
    /// The index of the first of report.docx's 300-dpi PNG jobs, when the plan's PNG is not one.
    private let documentPNGJobs: Int?
    /// The files being painted, given once the drawing thread has laid them out (or the error
    /// of a figure that cannot be laid out): every file's bytes come from it.
    private let painting = Handoff<Result<RenderBatch, any Error>>()
    /// The figures laid out as the documents draw them (`ReportFigure.laidOutForDocuments`), done
    /// first on the drawing thread.
    let documentFigures: Handoff<[ReportFigure]>

    /// The resolution of the PNG files report.docx embeds.
    static let documentDpi: Double = 300

    /// Starts drawing `figures` in each of `formats` (PNG and TIFF at `dpi`, PDF and EPS dated
    /// `documentDate`), and the SVG and 300-dpi PNG the HTML page and report.docx need.
    init(_ figures: [ReportFigure], formats: [OutputFormat] = OutputFormat.standard, dpi: Double = FigureDrawing.documentDpi,
         documentDate: String, documentsPaper: PaperSize = .a4) {
        names = figures.map(\.name)
        self.formats = formats
        let drawnFormats = formats.contains(.svg) ? formats : formats + [.svg]
        self.drawnFormats = drawnFormats
        let canvas = { (size: Size, dpi: Double) in
            Canvas(width: .points(size.width), height: .points(size.height), dpi: dpi, documentDate: documentDate)
        }
        var jobs = figures.map { figure in
            RenderJob(drawable: figure.file?.drawable ?? figure.drawable, canvas: canvas(figure.file?.size ?? figure.size, dpi),
                      formats: drawnFormats)
        }
        var shownJobs: [Int?] = []
        for figure in figures {
            guard figure.file != nil else { shownJobs.append(nil); continue }
            shownJobs.append(jobs.count)
            jobs.append(RenderJob(drawable: figure.drawable, canvas: canvas(figure.size, dpi), formats: [.svg]))
        }
        self.shownJobs = shownJobs
        var jobNames = names + zip(names, shownJobs).compactMap { $1 == nil ? nil : $0 }
        if formats.contains(.png) && dpi == Self.documentDpi {
            documentPNGJobs = nil
        } else {
            documentPNGJobs = jobs.count
            jobs += figures.map { figure in
                RenderJob(drawable: figure.file?.drawable ?? figure.drawable,
                          canvas: canvas(figure.file?.size ?? figure.size, Self.documentDpi), formats: [.png])
            }
            jobNames += names
        }
        self.jobNames = jobNames
        let allJobs = jobs
        // On this one thread, helped by the render's main thread once it has typeset the
        // documents (`help()`): until then the render typesets and writes on the other threads,
        // and a second drawing thread only took the cores from them (and loaded every font once
        // more): the example rendered in 0.346–0.364 s with two, 0.302–0.336 s with one (three
        // series of 21–25 interleaved runs).
        let laidOut = Handoff<[ReportFigure]>()
        documentFigures = laidOut
        let painting = painting
        Thread.detachNewThread {
            laidOut.give(figures.map { $0.laidOutForDocuments(on: documentsPaper) })
            let batch = Result { try RenderBatch(allJobs, everyCore: false) }
            painting.give(batch)
            (try? batch.get())?.paint()
        }
    }

    /// Paints figure files not yet taken by the drawing thread, on the calling thread, until none
    /// is left (once the figures are laid out). For a thread with nothing else to do before it
    /// waits for the drawing.
    func help() {
        (try? painting.value().get())?.paint()
    }

    /// Waits for the drawing.
    /// - Throws: `TrialReportError` (`.other`) at the first file that could not be drawn.
    func waitForDrawing() throws(TrialReportError) {
        _ = try rendered()
    }

    /// Every job's bytes; waits for the drawing.
    /// - Throws: `TrialReportError` (`.other`) at the first file that could not be drawn.
    private func rendered() throws(TrialReportError) -> [[[UInt8]]] {
        do { return try painting.value().get().rendered() } catch { throw failure(error) }
    }

    /// The error naming the file `error` (a `RenderFailure`) is about.
    private func failure(_ error: any Error) -> TrialReportError {
        .cannotDrawFigure(error, folder: "figures") { "figures/\(self.jobNames[$0]).\($1.rawValue)" }
    }

    /// Every file of `figures/`, `figures/<name>.<format>` with its bytes, figure by figure in the
    /// plan's formats; waits for the drawing.
    /// - Throws: `TrialReportError` (`.other`) at the first file that could not be drawn.
    func files() throws(TrialReportError) -> [(String, [UInt8])] {
        zip(names, try rendered()).flatMap { name, files in
            zip(drawnFormats, files).filter { formats.contains($0.0) }.map { ("figures/\(name).\($0.rawValue)", $1) }
        }
    }

    /// Each figure's SVG by name, as the HTML page shows it; waits for the SVG files (painted
    /// before the PDF files).
    func svg() throws(TrialReportError) -> [String: String] {
        let files = try files(in: .svg)
        return Dictionary(uniqueKeysWithValues: names.indices.map { index in
            (names[index], String(decoding: files[shownJobs[index] ?? index]!, as: UTF8.self))
        })
    }

    /// Each figure file's PNG at 300 dpi by name, for report.docx; waits for the PNG files
    /// (painted first).
    func png() throws(TrialReportError) -> [String: [UInt8]] {
        let files = try files(in: .png)
        return Dictionary(zip(names, names.indices.map { files[(documentPNGJobs ?? 0) + $0]! }), uniquingKeysWith: { first, _ in first })
    }

    /// Every job's file in `format` (nil for a job without it), once those are painted.
    private func files(in format: OutputFormat) throws(TrialReportError) -> [[UInt8]?] {
        do { return try painting.value().get().files(in: format) } catch { throw failure(error) }
    }
}
