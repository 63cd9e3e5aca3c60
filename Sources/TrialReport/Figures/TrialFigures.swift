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
    /// Arm names, parameter labels, visits, infusion months and which figures to draw.
    public var plan: AnalysisPlan

    /// The figures of `results`, labelled from `plan`.
    public init(results: Results, plan: AnalysisPlan) {
        self.results = results
        self.plan = plan
    }

    /// The figures the plan asks for, in its order (`figures` in study.yaml; all by default).
    public var names: [FigureName] { plan.figures }

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
        }
    }

    /// The figure `name`, at `width` or at the column width it is designed for.
    /// - Complexity: O(size of the results the figure shows); nothing is drawn yet.
    public func build(_ name: FigureName, width: FigureWidth? = nil) -> TrialFigure {
        Self.builder(name).init(results: results, plan: plan).figure(width: width)
    }

    /// Writes each figure of `names` (default: the plan's) in each of `formats` into `directory`
    /// (created when missing) as `<name>.<format>`.
    ///
    /// Files are written in place; the render pipeline passes a temporary folder and moves it.
    /// - Parameters:
    ///   - dpi: PNG resolution, 72…1200.
    ///   - width: a column width for every figure; by default each figure's own.
    ///   - documentDate: the PDF creation date, `YYYY-MM-DDThh:mm:ss` (the lock's, for locked data).
    /// - Returns: the files written, in order.
    /// - Throws: `TrialReportError(.cannotWrite)` when the folder or a file cannot be written,
    ///   `.other` when a figure cannot be drawn (e.g. a resolution out of range).
    public func writeAll(to directory: URL, names: [FigureName]? = nil, formats: [OutputFormat] = OutputFormat.allCases,
                         dpi: Double = 300, width: FigureWidth? = nil,
                         documentDate: String = Canvas.fixedDate) throws(TrialReportError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: directory.path), "cannot create the folder: \(error.localizedDescription)")
        }
        var written: [URL] = []
        for name in names ?? self.names {
            let figure = build(name, width: width)
            for format in formats {
                let url = directory.appendingPathComponent(figure.fileName(format))
                let bytes: [UInt8]
                do { bytes = try figure.render(as: format, dpi: dpi, documentDate: documentDate) } catch {
                    throw TrialReportError(.other, at: SourceLocation(file: url.path), "cannot draw the figure: \(error)")
                }
                do { try Data(bytes).write(to: url) } catch {
                    throw TrialReportError(.cannotWrite, at: SourceLocation(file: url.path), "cannot write the figure: \(error.localizedDescription)")
                }
                written.append(url)
            }
        }
        return written
    }
}
