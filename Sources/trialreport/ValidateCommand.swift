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
            `warning: …`), then a line counting them (`2 errors and 3 warnings in 2 files`), and \
            exits 65 (invalid data) or 66 (a required file is missing); otherwise prints a \
            one-line summary of the study on stdout; with a list of arms or analysis sets, also \
            the participants of each arm and of each set by arm.
            """
    )

    @OptionGroup var study: StudyOptions

    func run() throws {
        try runReportingFailures {
            // Nothing here reports the files' hashes: they are not computed.
            let input = try StudyInput.load(from: study.studyDirectory, planFile: study.planFile.map(URL.init(fileURLWithPath:)),
                                            recordingInputs: false)
            let data = input.data
            reportWithSummary(data.warnings)
            let measurements = data.measurements.count + data.bdsTables.reduce(0) { $0 + $1.count }
            // Episodes (adii.csv) exist only in the seed study's layout.
            let episodes = input.plan.plan.data == .seedStudy ? ", \(data.insulinIndependence.count) episodes" : ""
            print("ok: \(data.participants.count) participants, \(measurements) measurements, "
                + "\(data.adverseEvents.count) adverse events" + episodes)
            for table in data.bdsTables {
                print("\(table.file): \(table.parameterCodes.count) parameters, \(table.visits.count) visits, \(table.count) records")
            }
            let plan = input.plan.plan
            guard !plan.arms.isShorthand || !plan.sets.isEmpty else { return }
            let sizes = plan.arms.ordered.indices.map { arm in data.participants.arm.count { $0 == Int32(arm) } }
            print("arms: " + zip(plan.arms.ordered, sizes).map { "\($0) \($1)" }.joined(separator: ", "))
            for (set, members) in zip(plan.sets, AnalysisSetMembers.all(of: plan, in: data.participants)) {
                let basis = set.byActualTreatment ? ", as treated" : ""
                print("set \(set.name) (\(set.flag)\(basis)): " + members.byArm.map { String($0.count) }.joined(separator: ", "))
            }
        }
    }
}
