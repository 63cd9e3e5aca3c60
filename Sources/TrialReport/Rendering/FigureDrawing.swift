import Plot
import TrialData

/// The figure files of a render, drawn on a thread of their own — every figure × format on every
/// core (`RenderJob.renderAll`). The render waits for them before it typesets the PDF (text laid
/// out during the drawing is not reproducible). The bytes are those of drawing each file alone.
final class FigureDrawing: Sendable {
    private let names: [String]
    private let drawn: BackgroundComputation<Result<[[[UInt8]]], any Error>>

    /// Starts drawing `figures` as PDF (dated `documentDate`), SVG and PNG.
    init(_ figures: [ReportFigure], documentDate: String) {
        names = figures.map(\.name)
        let jobs = figures.map { figure in
            RenderJob(drawable: figure.drawable, canvas: Canvas(width: .points(figure.size.width), height: .points(figure.size.height),
                                                                documentDate: documentDate))
        }
        drawn = BackgroundComputation { Result { try RenderJob.renderAll(jobs) } }
    }

    /// Every file, `figures/<name>.<format>` with its bytes, figure by figure; waits for the drawing.
    /// - Throws: `TrialReportError` (`.other`) at the first file that could not be drawn.
    func files() throws(TrialReportError) -> [(String, [UInt8])] {
        let rendered: [[[UInt8]]]
        do { rendered = try drawn.value().get() } catch {
            throw .cannotDrawFigure(error, folder: "figures") { "figures/\(names[$0]).\($1.rawValue)" }
        }
        return zip(names, rendered).flatMap { name, files in
            zip(OutputFormat.allCases, files).map { ("figures/\(name).\($0.rawValue)", $1) }
        }
    }

    /// Each figure's SVG by name, for the HTML page; waits for the drawing.
    func svg() throws(TrialReportError) -> [String: String] {
        let svgFiles = try files().filter { $0.0.hasSuffix(".svg") }
        return Dictionary(uniqueKeysWithValues: zip(names, svgFiles.map { String(decoding: $0.1, as: UTF8.self) }))
    }
}
