import ArgumentParser
import Foundation
import Plot
import TrialAnalysis
import TrialData
import TrialReport

extension FigureWidth: ExpressibleByArgument {}

/// `trialreport figures`: the trial's figures as PDF, SVG and PNG in OUT/figures.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Draw the trial's figures (PDF, SVG and PNG) into OUT/figures.",
        discussion: """
            Analyses the study (--spec, else the plan its trial.lock recorded, else DIR/study.yaml, \
            else the built-in plan) and draws the \
            figures the plan lists, or only --only NAME. Figures are drawn into a temporary folder \
            and moved into OUT/figures only when all are drawn; other figure files there are kept. \
            An OUT holding files TrialReport did not write is refused (exit 73) unless --force. \
            The date inside the PDFs is the one a render uses: SOURCE_DATE_EPOCH, else the data \
            lock's time, else today (UTC, 00:00:00). \
            The figures: \(FigureName.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @OptionGroup var study: StudyOptions

    @Option(name: .customLong("out"), help: "The output folder; figures go to OUT/figures.", transform: nonEmpty)
    var outputDirectory: String = "output"

    @Option(name: .customLong("only"), help: ArgumentHelp("Draw only this figure.", valueName: "name"), transform: nonEmpty)
    var only: String?

    @Option(help: "PNG resolution in dots per inch (72 to 1200).")
    var dpi: Double = 300

    @Option(help: "Draw every figure this wide: single (85 mm), onehalf (120 mm) or double (175 mm); by default each figure's own width.")
    var width: FigureWidth?

    @Flag(help: "Write into OUT even when it holds files TrialReport did not write.")
    var force = false

    func validate() throws {
        if let only, FigureName(rawValue: only) == nil {
            throw ValidationError("unknown figure '\(only)'; the figures are: "
                + FigureName.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard (72...1200).contains(dpi) else {
            throw ValidationError("--dpi must be between 72 and 1200, not \(dpi)")
        }
    }

    func run() throws {
        try runReportingFailures {
            let output = URL(fileURLWithPath: outputDirectory)
            try PreviousOutput.checkReplaceable(output, force: force)
            let directory = study.studyDirectory
            let lock = try TrialLock.read(in: directory)
            let date = try ReportDate.resolve(lockTime: lock?.lockedAt, environment: ProcessInfo.processInfo.environment)
            let plan = try StudyInput.planFile(for: directory, given: study.planFile.map(URL.init(fileURLWithPath:)), lock: lock)
            let input = try StudyInput.load(from: directory, resolvedPlan: plan)
            report(input.data.warnings)
            let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
            let figures = TrialFigures(results: results, plan: input.plan.plan)
            let names = only.flatMap(FigureName.init(rawValue:)).map { [$0] } ?? figures.names
            let destination = output.appendingPathComponent("figures")
            try FigureFolder.replacing(in: destination) { (temporary: URL) throws(TrialReportError) -> [URL] in
                try figures.writeAll(to: temporary, names: names, dpi: dpi, width: width, documentDate: date.timestamp)
            }
        }
    }
}

/// Writing figures so that a failure leaves the output folder as it was.
enum FigureFolder {
    /// Runs `write` on a fresh temporary folder beside `destination` (`OutputRecovery.stagingFolder`),
    /// then renames each file it wrote into `destination` (created when missing); removes the
    /// temporary folder in any case. Runs into one output folder take turns (`FolderLock`), and
    /// the temporary folder of a run that was stopped is removed first.
    /// - Throws: what `write` throws, or `TrialReportError(.cannotWrite)` (exit 73).
    static func replacing(in destination: URL, _ write: (URL) throws(TrialReportError) -> [URL]) throws(TrialReportError) {
        let fileManager = FileManager.default
        let lock = try FolderLock(destination.deletingLastPathComponent())
        defer { withExtendedLifetime(lock) {} }
        _ = try OutputRecovery.recover(destination, under: lock)
        let temporary = OutputRecovery.stagingFolder(for: destination)
        defer { try? fileManager.removeItem(at: temporary) }
        do {
            try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.path), "cannot create the folder: \(error.localizedDescription)")
        }
        for file in try write(temporary) {
            let target = destination.appendingPathComponent(file.lastPathComponent)
            guard rename(file.path, target.path) == 0 else {
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: target.path),
                                       "cannot write: \(String(cString: strerror(errno)))")
            }
        }
    }
}
