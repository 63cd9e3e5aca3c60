import Foundation
import Plot
import TrialAnalysis
import TrialData

/// The trial's figures (issue 5), drawn from `Results` alone and labelled from the plan: the
/// library entry point of `trialreport figures` and of the render pipeline.
///
/// ```swift
/// let figures = TrialFigures(results: results, plan: plan)
/// let forest = figures.build(.remissionForest)                 // a TrialFigure: drawable + page size
/// try figures.writeAll(to: outputFolder.appendingPathComponent("figures"))
/// ```
public struct TrialFigures: Sendable {
    /// What the figures show.
    public var results: Results
    /// Arm names and their order, parameter labels, visits, infusion months and which figures to draw.
    public var plan: AnalysisPlan

    /// The figures of `results`, labelled from `plan`.
    public init(results: Results, plan: AnalysisPlan) {
        self.results = results
        self.plan = plan
    }

    /// The figures the plan asks for that the results can draw, in the plan's order (`figures` in
    /// study.yaml; all by default).
    public var names: [FigureName] { plan.figures.filter(canDraw) }

    /// Whether the results have what figure `name` draws: a figure of their layout (the seed study's figures need its sections,
    /// a CDISC ADaM study's its modelled endpoints or treatment-emergent events).
    public func canDraw(_ name: FigureName) -> Bool {
        FigureName.seedStudy.contains(name) == (results.seedStudySections != nil)
            && Self.builder(name).init(results: results, plan: plan) != nil
    }

    /// The builder of each fixed figure name.
    private static func builder(_ name: FigureName) -> any TrialFigureBuilder.Type {
        switch name {
        case .cpeptideChange: CPeptideChangeFigure.self
        case .cpeptideTrajectory: CPeptideTrajectoryFigure.self
        case .hba1cTrajectory: HbA1cTrajectoryFigure.self
        case .insulinDoseTrajectory: InsulinDoseTrajectoryFigure.self
        case .insulinIndependence: InsulinIndependenceFigure.self
        case .remissionRates: RemissionRatesFigure.self
        case .remissionForest: RemissionForestFigure.self
        case .consort: ConsortFigure.self
        case .adverseEvents: AdverseEventsFigure.self
        case .endpointMeans: EndpointMeansFigure.self
        case .endpointForest: EndpointForestFigure.self
        case .emergentEvents: EmergentEventsFigure.self
        case .dispositionFlow: DispositionFlowFigure.self
        case .subgroupForest: SubgroupForestFigure.self
        }
    }

    /// The figure `name`, at `width` or at the column width it is designed for, in the plan's
    /// `figureStyle` (journal preset, panel letters, note in the image or not).
    /// - Precondition: `canDraw(name)`.
    /// - Complexity: O(size of the results the figure shows); nothing is drawn yet.
    public func build(_ name: FigureName, width: FigureWidth? = nil) -> TrialFigure {
        guard let builder = Self.builder(name).init(results: results, plan: plan) else {
            preconditionFailure("figure \(name.rawValue) needs sections these results lack; check canDraw first")
        }
        return builder.figure(width: width).styled(plan.figureStyle)
    }

    /// The files of each figure of `names` (default: the plan's) in each of `formats`, drawn on
    /// every core (`RenderJob.renderAll`): in order, figure by figure, each in the order of
    /// `formats`; the bytes are the same as drawing them one at a time.
    /// - Parameters:
    ///   - dpi: PNG and TIFF resolution, 72…1200.
    ///   - width: a column width for every figure; by default each figure's own.
    ///   - documentDate: the PDF creation date, `YYYY-MM-DDThh:mm:ss` (the lock's, for locked data).
    ///   - folder: the folder the files are for, to name a file that cannot be drawn.
    /// - Throws: `TrialReportError(.other)` when a figure cannot be drawn (e.g. a resolution out
    ///   of range), at the first such figure's file.
    /// - Complexity: O(size of the results shown) to build, plus the drawing shared among the cores.
    public func renderAll(names: [FigureName]? = nil, formats: [OutputFormat] = OutputFormat.standard, dpi: Double = 300,
                          width: FigureWidth? = nil, documentDate: String = Canvas.fixedDate,
                          folder: URL? = nil) throws(TrialReportError) -> [FigureFile] {
        try render(names: names, formats: formats, dpi: dpi, width: width, documentDate: documentDate) { name in
            folder.map { $0.appendingPathComponent(name).path } ?? name
        }
    }

    /// `renderAll`, naming a file that cannot be drawn by `location(fileName)`.
    private func render(names: [FigureName]?, formats: [OutputFormat], dpi: Double, width: FigureWidth?, documentDate: String,
                        location: (String) -> String) throws(TrialReportError) -> [FigureFile] {
        let figures = (names ?? self.names).map { build($0, width: width) }
        let jobs = figures.map { RenderJob(drawable: $0.drawable, canvas: $0.canvas(dpi: dpi, documentDate: documentDate), formats: formats) }
        let rendered: [[[UInt8]]]
        do { rendered = try RenderJob.renderAll(jobs) } catch {
            throw .cannotDrawFigure(error, folder: location("")) { location(figures[$0].fileName($1)) }
        }
        return zip(figures, rendered).flatMap { figure, files in
            zip(formats, files).map { FigureFile(name: figure.name, format: $0, bytes: $1) }
        }
    }

    /// Writes each figure of `names` (default: the plan's) in each of `formats` into `directory`
    /// (created when missing) as `<name>.<format>`, drawn on every core (`renderAll`).
    ///
    /// Files are written in place; the render pipeline passes a temporary folder and moves it.
    /// - Parameters:
    ///   - dpi: PNG and TIFF resolution, 72…1200.
    ///   - width: a column width for every figure; by default each figure's own.
    ///   - documentDate: the PDF creation date, `YYYY-MM-DDThh:mm:ss` (the lock's, for locked data).
    /// - Returns: the files written, in order.
    /// - Throws: `TrialReportError(.cannotWrite)` when the folder or a file cannot be written,
    ///   `.other` when a figure cannot be drawn (e.g. a resolution out of range).
    public func writeAll(to directory: URL, names: [FigureName]? = nil, formats: [OutputFormat] = OutputFormat.standard,
                         dpi: Double = 300, width: FigureWidth? = nil,
                         documentDate: String = Canvas.fixedDate) throws(TrialReportError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: directory.path), "cannot create the folder: \(error.localizedDescription)")
        }
        let files = try render(names: names, formats: formats, dpi: dpi, width: width, documentDate: documentDate) {
            directory.appendingPathComponent($0).path
        }
        var written: [URL] = []
        for file in files {
            let url = directory.appendingPathComponent(file.fileName)
            do { try Data(file.bytes).write(to: url) } catch {
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: url.path), "cannot write the figure: \(error.localizedDescription)")
            }
            written.append(url)
        }
        return written
    }
}

/// One figure file's bytes, as `TrialFigures.renderAll` draws them.
public struct FigureFile: Sendable {
    /// The figure.
    public var name: FigureName
    /// The file's format.
    public var format: OutputFormat
    /// The file's contents.
    public var bytes: [UInt8]

    /// The file name, e.g. `remission-rates.pdf`.
    public var fileName: String { "\(name.rawValue).\(format.rawValue)" }
}
