import Foundation
import Plot
import TrialAnalysis
import TrialData
import TrialReport

/// The stages of a render, timed in-process through the library on one study folder.
///
/// Each runs in a child process of the suite (`trialreport-bench stage NAME DIR`): it prepares
/// what the stage needs (untimed), runs the stage `warmups` times, then `repetitions` times,
/// printing each timed run's seconds on a line of its own.
enum Stage: String, CaseIterable {
    /// `StudyInput.load`: the plan, the four CSV files read, typed and validated.
    case read = "read + validate"
    /// `StudyAnalysis.run` on data already read.
    case analysis
    /// Every figure of the plan built from `Results` and drawn as PDF, SVG and PNG (300 dpi).
    case figures
    /// The report documents: Markdown, HTML, PDF, the tables as CSV and results.json.
    case report = "report documents"
    /// The deliverables written from the report's tables: the TLF package (RTF and DOCX),
    /// ard.csv and report.docx.
    case deliverables = "TLF, ARD and DOCX"

    /// The name on the command line.
    var argument: String {
        switch self {
        case .read: "read"
        case .analysis: "analysis"
        case .figures: "figures"
        case .report: "report"
        case .deliverables: "deliverables"
        }
    }

    /// Prepares, warms up and times the stage on `directory`, printing one time per line.
    func run(on directory: URL, templates: URL, warmups: Int, repetitions: Int) throws {
        let timed: () throws -> Void
        let plan = try StudyInput.planFile(for: directory, given: nil, lock: TrialLock.read(in: directory))
        switch self {
        case .read:
            timed = { _ = try StudyInput.load(from: directory) }
        case .analysis:
            let input = try StudyInput.load(from: directory)
            timed = { _ = StudyAnalysis.run(data: input.data, plan: input.plan.plan) }
        case .figures:
            let study = try StudyFolderAnalysis().analyze(dataDirectory: directory, planFile: plan)
            let figures = TrialFigures(results: study.results, plan: study.plan)
            timed = { _ = try figures.renderAll() }
        case .report:
            let (study, composer, figures, svg, provenance) = try Self.composing(directory, plan: plan, templates: templates)
            timed = {
                let report = try composer.compose(results: study.results, plan: study.plan, provenance: provenance,
                                                  figures: figures, figureSVG: svg)
                _ = report.tables.map { $0.csv() }
                _ = study.results.jsonData()
            }
        case .deliverables:
            let (study, composer, figures, _, provenance) = try Self.composing(directory, plan: plan, templates: templates)
            let report = try composer.draft(results: study.results, plan: study.plan, provenance: provenance, figures: figures)
            let png = Dictionary(uniqueKeysWithValues: try TrialFigures(results: study.results, plan: study.plan)
                .renderAll(formats: [.png]).map { ($0.name.rawValue, $0.bytes) })
            timed = {
                _ = AnalysisResultsDataset.csv(report.tables)
                _ = try TLFPackage.files(tables: report.tables, results: study.results, plan: study.plan, provenance: provenance, paper: .a4)
                _ = try ReportDOCX(paper: .a4, metadata: report.metadata).docx(report.document, content: report.content, png: png)
            }
        }
        try printTimes(of: timed, warmups: warmups, repetitions: repetitions)
    }

    /// What composing the report of `directory` needs: the analysed study, a composer, the
    /// figures with their SVG by name, and the provenance of an unlocked render.
    private static func composing(_ directory: URL, plan: URL?, templates: URL) throws
        -> (AnalysedStudy, ReportComposer, [ReportFigure], [String: String], ReportProvenance) {
        let study = try StudyFolderAnalysis().analyze(dataDirectory: directory, planFile: plan)
        let composer = ReportComposer(templates: try ReportTemplates(directory: templates))
        let figures = TrialFigureSource().figures(results: study.results, plan: study.plan)
        let svg = try TrialFigures(results: study.results, plan: study.plan).renderAll(formats: [.svg])
        let svgByName = Dictionary(uniqueKeysWithValues: svg.map { ($0.name.rawValue, String(decoding: $0.bytes, as: UTF8.self)) })
        let provenance = ReportProvenance(
            date: try ReportDate.resolve(lockTime: nil, environment: [:]), lockHash: nil, toolVersion: TrialReportVersion.current,
            planYAML: study.plan.canonicalYAML, planSource: study.planSource, warnings: study.warnings.map(\.description))
        return (study, composer, figures, svgByName, provenance)
    }
}
