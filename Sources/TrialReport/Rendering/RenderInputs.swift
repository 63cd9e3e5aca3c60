import Foundation
import TrialAnalysis
import TrialData

/// A study analysed: what the render pipeline needs from the analysis stage.
public struct AnalysedStudy: Sendable {
    /// The results (results.json).
    public var results: Results
    /// The plan as used.
    public var plan: AnalysisPlan
    /// Where the plan came from, for the appendix: "study.yaml" or "built-in plan".
    public var planSource: String
    /// Validation warnings, shown in the appendix.
    public var warnings: [Diagnostic]
    /// The plan file as parsed (its SHA-256 and size), `nil` for the built-in plan: with the
    /// inputs of `results` (the bytes analysed), what the data lock is checked against.
    public var planFile: LockedFile?

    /// An analysed study.
    public init(results: Results, plan: AnalysisPlan, planSource: String, warnings: [Diagnostic], planFile: LockedFile? = nil) {
        self.results = results
        self.plan = plan
        self.planSource = planSource
        self.warnings = warnings
        self.planFile = planFile
    }
}

/// The analysis stage of the pipeline: a study folder (and plan file) → results.
public protocol StudyAnalyzing: Sendable {
    /// The analysed study.
    /// - Parameters:
    ///   - dataDirectory: the study folder.
    ///   - planFile: the plan file, as `StudyInput.planFile(for:given:lock:)` picks it; `nil`
    ///     for the built-in plan.
    /// - Throws: `TrialReportError` with every problem of the study folder or plan.
    func analyze(dataDirectory: URL, planFile: URL?) throws(TrialReportError) -> AnalysedStudy
}

/// The figures stage of the pipeline: results → the trial's figures, in plan order.
public protocol FigureMaking: Sendable {
    /// The figures of `results` under `plan` (only those the plan asks for).
    func figures(results: Results, plan: AnalysisPlan) throws(TrialReportError) -> [ReportFigure]
}

/// What `trialreport render` was asked to do.
public struct RenderOptions: Sendable {
    /// The study folder.
    public var dataDirectory: URL
    /// The `--spec` file, if given.
    public var planFile: URL?
    /// The output folder, replaced as a whole when the render succeeds.
    public var outputDirectory: URL
    /// The templates folder.
    public var templatesDirectory: URL
    /// The PDF's paper.
    public var paper: PaperSize
    /// Refuse to render unless the study folder matches its `trial.lock` (`--locked`).
    public var requireLock: Bool
    /// The environment, for `SOURCE_DATE_EPOCH` (`ReportDate.resolve`).
    public var environment: [String: String]
    /// Replace the output folder even when it holds files TrialReport did not write (`--force`).
    public var replaceAnyFolder = false
    /// The key whose signature of `trial.lock` is required (`--key`); `nil` checks no signature
    /// and warns when the lock is signed (`LockSignature.checkedLock`).
    public var lockKey: LockSignature.VerifyingKey?

    /// Options; see the properties.
    public init(dataDirectory: URL, planFile: URL? = nil, outputDirectory: URL, templatesDirectory: URL,
                paper: PaperSize = .a4, requireLock: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.dataDirectory = dataDirectory
        self.planFile = planFile
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.paper = paper
        self.requireLock = requireLock
        self.environment = environment
    }
}

/// What a render wrote.
public struct RenderSummary: Sendable {
    /// The output folder.
    public var outputDirectory: URL
    /// Every file written, relative to the output folder, sorted.
    public var files: [String]
    /// The number of pages of report.pdf.
    public var pages: Int
    /// The remission headline: "Remission at month 12: 11/27 (40.7%) UC-MSC vs …".
    public var headline: String
    /// Problems that did not stop the render: files changed since the data lock, a signed lock
    /// whose signature was not checked.
    public var warnings: [Diagnostic]
}
