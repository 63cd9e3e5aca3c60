import ArgumentParser
import Foundation
import TrialReport
import TrialSimulation

extension StudySimulation.Format: ExpressibleByArgument {}

/// `trialreport simulate`: a dummy study in the study-folder format.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a simulated study folder (dummy data in the SPEC format).",
        discussion: """
            The same options always give the same bytes. --example writes the bundled example \
            study (53 participants calibrated to the seed study's published summary, with a \
            commented study.yaml): trialreport simulate --example --out examples/uc-msc-t1d. \
            --arms gives a random study other arms than UC-MSC and Control, the first the reference, \
            each optionally with a dose, and writes a study.yaml listing them: \
            trialreport simulate --participants 300 --arms "Placebo:0,Low:54,High:81" --out study3. \
            --format xpt writes a random study as CDISC ADaM datasets in SAS transport files \
            (adsl.xpt, adlb.xpt, adae.xpt) with an ADaM study.yaml. OUT must be new, empty or hold \
            only files simulate writes (adsl.csv, adlb.csv, adae.csv, adii.csv, the three .xpt \
            files, study.yaml) and hidden files; a folder holding other files is \
            refused (exit 73) unless --force.
            """
    )

    @Option(help: "The number of participants of a random study (at least 1).")
    var participants: Int?

    @Option(help: "The seed of a random study (default: 1).")
    var seed: UInt64?

    @Option(help: ArgumentHelp(
        "The arms of a random study, the first the reference: labels separated by commas, each optionally "
            + "followed by :DOSE (every arm or none), e.g. \"Placebo:0,Low:54,High:81\" (default: UC-MSC and Control).",
        valueName: "arms"))
    var arms: String?

    @Option(help: ArgumentHelp(
        "The files of a random study: csv (adsl.csv, adlb.csv, adae.csv, adii.csv) or xpt (CDISC ADaM datasets "
            + "adsl.xpt, adlb.xpt, adae.xpt as SAS transport files, with an ADaM study.yaml).",
        valueName: "format"))
    var format: StudySimulation.Format = .csv

    @Flag(help: "Write the calibrated example study instead of a random one.")
    var example = false

    @Option(name: .customLong("out"), help: "The study folder to write (created if needed).", transform: nonEmpty)
    var outputDirectory: String

    @Flag(help: "Write into OUT even when it holds files simulate did not write.")
    var force = false

    func validate() throws {
        if example {
            guard participants == nil, seed == nil, arms == nil else {
                throw ValidationError("--example is a fixed study of 53 participants; drop --participants, --seed and --arms.")
            }
            guard format == .csv else {
                throw ValidationError("--example is written as CSV files; drop --format or write a random study.")
            }
        } else {
            guard let participants else { throw ValidationError("Give --participants N, or --example.") }
            guard participants >= 1 else { throw ValidationError("--participants must be at least 1, not \(participants).") }
            _ = try simulatedArms()
        }
    }

    /// The arms `--arms` describes, or the seed study's.
    private func simulatedArms() throws -> SimulatedArms {
        guard let arms else { return .seedStudy }
        do {
            return try SimulatedArms(parsing: arms)
        } catch {
            throw ValidationError("--arms: \(error.description).")
        }
    }

    func run() throws {
        try runReportingFailures {
            let design: StudySimulation.Design = example
                ? .example
                : .random(participants: participants ?? 0, seed: seed ?? 1, arms: try simulatedArms())
            let output = URL(fileURLWithPath: outputDirectory)
            try PreviousOutput.checkReplaceable(output, force: force, ownFiles: Set(StudySimulation.allFileNames))
            let summary = try StudySimulation(design, format: format).write(to: output)
            print("wrote \(summary.participants) participants, \(summary.measurements) measurements, \(summary.adverseEvents) adverse events"
                + (format == .xpt ? "" : ", \(summary.insulinFreeEpisodes) episodes") + " to \(outputDirectory)")
        }
    }
}
