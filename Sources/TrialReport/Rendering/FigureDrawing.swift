import Plot
import TrialData

/// The figure files of a render, drawn on a thread of their own — every figure × format on every
/// core (`RenderJob.renderAll`). The render waits for them before it typesets the PDF (text laid
/// out during the drawing is not reproducible). The bytes are those of drawing each file alone.
/// A figure whose files keep the note its documents leave to the caption (`ReportFigure.file`) is
/// also drawn as the documents show it in SVG, for the HTML page (Word crops the note off the PNG
/// file instead: the figure without its note is the file's top part, drawn the same).
final class FigureDrawing: Sendable {
    private let names: [String]
    /// The figure name of each job, to name a file that cannot be drawn.
    private let jobNames: [String]
    /// For each figure, the index of its documents' drawing among the jobs after the files' ones.
    private let shownJobs: [Int?]
    private let drawn: BackgroundComputation<Result<[[[UInt8]]], any Error>>

    /// Starts drawing `figures` as PDF (dated `documentDate`), SVG and PNG.
    init(_ figures: [ReportFigure], documentDate: String) {
        names = figures.map(\.name)
        let canvas = { (size: Size) in Canvas(width: .points(size.width), height: .points(size.height), documentDate: documentDate) }
        var jobs = figures.map { figure in
            RenderJob(drawable: figure.file?.drawable ?? figure.drawable, canvas: canvas(figure.file?.size ?? figure.size))
        }
        var shownJobs: [Int?] = []
        for figure in figures {
            guard figure.file != nil else { shownJobs.append(nil); continue }
            shownJobs.append(jobs.count)
            jobs.append(RenderJob(drawable: figure.drawable, canvas: canvas(figure.size), formats: [.svg]))
        }
        self.shownJobs = shownJobs
        jobNames = names + zip(names, shownJobs).compactMap { $1 == nil ? nil : $0 }
        let allJobs = jobs
        drawn = BackgroundComputation { Result { try RenderJob.renderAll(allJobs) } }
    }

    /// Every job's bytes; waits for the drawing.
    /// - Throws: `TrialReportError` (`.other`) at the first file that could not be drawn.
    private func rendered() throws(TrialReportError) -> [[[UInt8]]] {
        do { return try drawn.value().get() } catch {
            throw .cannotDrawFigure(error, folder: "figures") { "figures/\(self.jobNames[$0]).\($1.rawValue)" }
        }
    }

    /// Every file, `figures/<name>.<format>` with its bytes, figure by figure; waits for the drawing.
    /// - Throws: `TrialReportError` (`.other`) at the first file that could not be drawn.
    func files() throws(TrialReportError) -> [(String, [UInt8])] {
        let rendered = try rendered()
        return zip(names, rendered).flatMap { name, files in
            zip(OutputFormat.allCases, files).map { ("figures/\(name).\($0.rawValue)", $1) }
        }
    }

    /// Each figure's SVG by name, as the HTML page shows it; waits for the drawing.
    func svg() throws(TrialReportError) -> [String: String] {
        let rendered = try rendered()
        let svgFile = OutputFormat.allCases.firstIndex(of: .svg)!
        return Dictionary(uniqueKeysWithValues: names.indices.map { index in
            (names[index], String(decoding: shownJobs[index].map { rendered[$0][0] } ?? rendered[index][svgFile], as: UTF8.self))
        })
    }
}
