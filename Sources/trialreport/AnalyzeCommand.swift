import ArgumentParser
import Foundation
import TrialAnalysis
import TrialData

/// `trialreport analyze`: every analysis of the plan, as results.json.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Run every analysis of the plan and print results.json.",
        discussion: """
            Reads the plan (--spec, else the plan DIR/trial.lock recorded, else DIR/study.yaml, else \
            the built-in plan) and the study folder, \
            checks both (every problem to stderr, exit 65 or 66), and writes results.json to stdout, \
            or to --json FILE (written to a temporary file, then moved into place). Two runs on the \
            same inputs give identical bytes.
            """
    )

    @OptionGroup var study: StudyOptions

    @Option(name: .customLong("json"), help: "Write results.json to this file instead of stdout.", transform: nonEmpty)
    var jsonFile: String?

    func run() throws {
        try runReportingFailures {
            let input = try StudyInput.load(from: study.studyDirectory, planFile: study.planFile.map(URL.init(fileURLWithPath:)))
            try input.checkAnalysable()
            report(input.data.warnings)
            let json = input.analysed().jsonData()
            if let jsonFile {
                try AtomicFile.write(json, to: URL(fileURLWithPath: jsonFile))
            } else {
                FileHandle.standardOutput.write(json)
            }
        }
    }
}
