import ArgumentParser
import Foundation
import TrialAnalysis
import TrialData

/// `trialreport validate`: every problem of a study folder, then exit.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a study folder and list every problem found.",
        discussion: """
            Prints every problem to stderr as `error: FILE:LINE:COLUMN: message` (warnings as \
            `warning: …`) and exits 65 (invalid data) or 66 (a required file is missing); \
            otherwise prints a one-line summary.
            """
    )

    @OptionGroup var study: StudyOptions

    func run() throws {
        try runReportingFailures {
            let input = try StudyInput.load(from: study.studyDirectory, planFile: study.planFile.map(URL.init(fileURLWithPath:)))
            let data = input.data
            report(data.warnings)
            print("ok: \(data.participants.count) participants, \(data.measurements.count) measurements, "
                + "\(data.adverseEvents.count) adverse events, \(data.insulinIndependence.count) episodes")
        }
    }
}
