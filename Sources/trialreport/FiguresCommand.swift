import ArgumentParser
import Foundation
import Plot
import TrialAnalysis
import TrialData
import TrialReport

extension FigureWidth: ExpressibleByArgument {}
extension FigureStyle.NotePlacement: ExpressibleByArgument {}
extension FigureStyle.Preset: ExpressibleByArgument {}

/// `trialreport figures`: the trial's figures as PDF, SVG and PNG (or the formats asked for:
/// `--format`, else the plan's `figureFormats`) in OUT/figures.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Draw the trial's figures (PDF, SVG and PNG; TIFF and EPS on request) into OUT/figures.",
        discussion: """
            Analyses the study (--spec, else the plan its trial.lock recorded, else DIR/study.yaml, \
            else the built-in plan) and draws the \
            figures the plan lists, or only --only NAME, in the formats of --format, else the plan's \
            figureFormats (PDF, SVG and PNG by default), PNG and TIFF at --dpi, else the plan's \
            figureDpi (300 by default). Figures are drawn, written into a \
            temporary folder beside OUT/figures with the other figure files there, and swapped in \
            as render swaps OUT: after an error OUT/figures is as it was, and after a kill the next \
            run or `trialreport recover` leaves the complete old or new figures. \
            An OUT holding files TrialReport did not write is refused (exit 73) unless --force; \
            OUT/figures may not be or hold the data folder, the plan or the working folder (exit 73). \
            With --key PUB the lock whose plan and date are used must be signed by that key. \
            The date inside the PDF and EPS files is the one a render uses: SOURCE_DATE_EPOCH, else the data \
            lock's time, else today (UTC, 00:00:00). \
            The figures of the seed study's layout: \(FigureName.seedStudy.map(\.rawValue).joined(separator: ", ")); \
            of a CDISC ADaM study: \(FigureName.adam.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @OptionGroup var study: StudyOptions

    @Option(name: .customLong("out"), help: "The output folder; figures go to OUT/figures.", transform: nonEmpty)
    var outputDirectory: String = "output"

    @Option(name: .customLong("only"), help: ArgumentHelp("Draw only this figure.", valueName: "name"), transform: nonEmpty)
    var only: String?

    @Option(help: ArgumentHelp("The figure files' formats, comma-separated: pdf, svg, png, tiff, eps; by default the plan's figureFormats (pdf,svg,png).",
                               valueName: "formats"), transform: nonEmpty)
    var format: String?

    @Option(help: "PNG and TIFF resolution in dots per inch (72 to 1200; journals ask for 300 to 1200); by default the plan's figureDpi (300).")
    var dpi: Double?

    @Option(help: "Draw every figure this wide: single (85 mm), onehalf (120 mm) or double (175 mm); by default each figure's own width.")
    var width: FigureWidth?

    @Option(help: "Each figure's note (method, abbreviations): in the image, or left out for the caption; by default the plan's figureStyle.notes (image).")
    var notes: FigureStyle.NotePlacement?

    @Option(help: "Journal preset of column widths and font sizes: default, bmc (85/176 mm, text at least 8 pt) or nature (89/183 mm, text 5-7 pt); by default the plan's figureStyle.preset.")
    var preset: FigureStyle.Preset?

    @Flag(help: "Letter the panels of each figure of several panels (A, B, C …), as the plan's figureStyle.panelLetters.")
    var panelLetters = false

    @Flag(help: "Write into OUT even when it holds files TrialReport did not write.")
    var force = false

    @OptionGroup var signature: LockKeyOption

    func validate() throws {
        if let only, FigureName(rawValue: only) == nil {
            throw ValidationError("unknown figure '\(only)'; the figures are: "
                + FigureName.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let dpi, !FigureFormat.dpiRange.contains(dpi) {
            throw ValidationError("--dpi must be between 72 and 1200, not \(dpi)")
        }
        _ = try formats()
    }

    /// The formats of --format, in its order; `nil` when not given.
    /// - Throws: `ValidationError` naming an unknown or repeated format.
    func formats() throws -> [FigureFormat]? {
        guard let format else { return nil }
        var formats: [FigureFormat] = []
        for name in format.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let value = FigureFormat(rawValue: name.lowercased()) else {
                throw ValidationError("unknown figure format '\(name)' in --format; the formats are: "
                    + FigureFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard !formats.contains(value) else { throw ValidationError("--format lists '\(name)' twice") }
            formats.append(value)
        }
        return formats
    }

    func run() throws {
        try runReportingFailures {
            let output = URL(fileURLWithPath: outputDirectory)
            let directory = study.studyDirectory
            let planFile = study.planFile.map(URL.init(fileURLWithPath:))
            // OUT/figures alone is replaced: it may lie inside the data folder, not hold it.
            try OutputPlacement.check(output: output.appendingPathComponent("figures"),
                                      inputs: [OutputPlacement.Input(directory, role: "data folder", isFolder: false)]
                                        + (planFile.map { [OutputPlacement.Input($0, role: "plan", isFolder: false)] } ?? []))
            try PreviousOutput.checkReplaceable(output, force: force)
            PangoText.prepareInBackground()
            let (lock, signatureWarnings) = try LockSignature.checkedLock(in: directory, key: try signature.key())
            report(signatureWarnings)
            let date = try ReportDate.resolve(lockTime: lock?.lockedAt, environment: ProcessInfo.processInfo.environment)
            let plan = try StudyInput.planFile(for: directory, given: planFile, lock: lock)
            // The figures show no file's hash: the files are read without hashing them.
            let input = try StudyInput.load(from: directory, resolvedPlan: plan, recordingInputs: false)
            try input.checkAnalysable()
            report(input.data.warnings)
            let settings = input.plan.plan
            let results = input.analysed()
            var styledPlan = settings
            let style = styledPlan.figureStyle
            styledPlan.figureStyle = FigureStyle(preset: preset ?? style.preset, panelLetters: panelLetters || style.panelLetters,
                                                 notes: notes ?? style.notes)
            let figures = TrialFigures(results: results, plan: styledPlan)
            let names = only.flatMap(FigureName.init(rawValue:)).map { [$0] } ?? figures.names
            if let name = names.first(where: { !figures.canDraw($0) }) {
                throw TrialReportError(.usage, at: SourceLocation(file: "--only"), "figure '\(name.rawValue)' draws "
                    + (FigureName.seedStudy.contains(name) ? "sections of the seed study's layout"
                        : "a CDISC ADaM study's modelled endpoints or treatment-emergent events") + ", which this study does not have")
            }
            let destination = output.appendingPathComponent("figures")
            let formats = (try formats() ?? settings.figureFormats).map(OutputFormat.init)
            let files = try figures.renderAll(names: names, formats: formats, dpi: dpi ?? settings.figureDpi, width: width,
                                              documentDate: date.timestamp, folder: destination)
            try OutputFolder(destination: destination, in: output, carrying: .everyFile)
                .replace(with: files.map { ($0.fileName, $0.bytes) })
        }
    }
}
