import ArgumentParser
import CTCMalloc
import Foundation
import TrialData
import TrialReport

extension PaperSize: ExpressibleByArgument {}

/// `trialreport render`: the whole report of a study into an output folder.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the report, figures, tables and results.json of a study.",
        discussion: """
            Writes OUT/report.pdf, report.html, report.md, report.docx, results.json, manifest.json, \
            tables/<name>.csv, tlf/<number>-<name>.{rtf,docx}, tlf.pdf and figures/<name>.{pdf,svg,png}. Everything is written into a \
            temporary folder beside OUT and replaces OUT only when all succeeded; after any error \
            OUT is as it was, and after a kill the next render or `trialreport recover` puts back \
            a complete output. OUT must be new, empty or a previous TrialReport output (its \
            manifest.json lists its files); a folder holding other files is refused (exit 73) \
            unless --force. OUT may never be the data or templates folder, inside either, hold an \
            input, or be the working folder or hold it (exit 73, even with --force). The date inside \
            the outputs is SOURCE_DATE_EPOCH when set, else the data lock's time, else today \
            (UTC, 00:00:00); an unlocked report says "draft — data not locked". The plan is \
            --spec, else the plan trial.lock recorded, else DIR/study.yaml, else the built-in plan. \
            The lock is checked against the bytes analysed: when they differ from trial.lock, the \
            render warns on stderr and watermarks every page "DATA CHANGED SINCE LOCK"; with \
            --locked it refuses instead. With --key PUB the lock must be signed by that key \
            (DIR/trial.lock.sig, written by lock --sign; else exit 65); a signed lock rendered \
            without --key gets a warning that its signature was not checked.
            """
    )

    @OptionGroup var study: StudyOptions

    @Option(name: .customLong("out"), help: "The output folder.", transform: nonEmpty)
    var outputDirectory: String = "output"

    @OptionGroup var templates: TemplatesOption

    @Option(help: "The PDF's paper: a4 or letter.")
    var paper: PaperSize = .a4

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Refuse to render (exit 65) unless the study folder is locked and matches its trial.lock.")
    var locked = false

    @Flag(help: "Replace OUT even when it holds files TrialReport did not write (they are deleted).")
    var force = false

    @OptionGroup var signature: LockKeyOption

    func run() throws {
        try runReportingFailures {
            let start = Date()
            var options = RenderOptions(
                dataDirectory: study.studyDirectory, planFile: study.planFile.map(URL.init(fileURLWithPath:)),
                outputDirectory: URL(fileURLWithPath: outputDirectory),
                templatesDirectory: try templates.requiredDirectory(),
                paper: paper, requireLock: locked)
            options.replaceAnyFolder = force
            options.lockKey = try signature.key()
            let progress = RenderProgress(quiet: quiet, start: start)
            var renderer = ReportRenderer(analysis: StudyFolderAnalysis(), figures: TrialFigureSource())
            // The process ends with the render: tcmalloc's free memory goes back while the PDFs
            // are finished rather than at the exit.
            renderer.releaseFreeMemory = { MallocExtension_ReleaseFreeMemory() }
            let summary = try renderer.render(options, progress: progress.report)
            report(summary.warnings)
            guard !quiet else { return }
            print(RenderProgress.summary(summary, outputPath: outputDirectory, seconds: Date().timeIntervalSince(start)))
        }
    }
}

/// Progress of a render on stderr: one line per stage, only on a terminal and only once the
/// render has taken more than a second.
struct RenderProgress {
    let quiet: Bool
    let start: Date

    func report(_ stage: ReportRenderer.Stage) {
        guard !quiet, isatty(2) == 1, Date().timeIntervalSince(start) > 1 else { return }
        printToStandardError("render: \(stage.rawValue)…")
    }

    /// The closing summary: what was written where, how long it took, and the remission headline.
    static func summary(_ summary: RenderSummary, outputPath: String, seconds: Double) -> String {
        let tables = summary.files.filter { $0.hasPrefix("tables/") }.count
        let tlf = summary.files.filter { $0.hasPrefix("tlf/") || $0 == "tlf.pdf" }.count
        let figures = summary.files.filter { $0.hasPrefix("figures/") }.count
        let folder = outputPath.hasSuffix("/") ? outputPath : outputPath + "/"
        return "Wrote report.pdf (\(summary.pages) pages), report.html, report.md, report.docx, results.json, manifest.json, "
            + "\(tables) tables, \(tlf) TLF files and \(figures) figure files to \(folder) in \(String(format: "%.2f", seconds)) s.\n"
            + summary.headline
    }
}
