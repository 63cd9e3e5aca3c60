import ArgumentParser
import Foundation

/// The options that locate a study: its folder and its analysis plan.
struct StudyOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The study folder (default: the bundled example study, with a notice).", transform: nonEmpty)
    var dataDirectory: String?

    @Option(name: .customLong("spec"),
            help: "The analysis plan (default: the plan DIR/trial.lock recorded, else DIR/study.yaml when present, else the built-in plan).",
            transform: nonEmpty)
    var planFile: String?

    /// The study folder to read: `--data`, else the bundled example study — then a notice on
    /// stderr says so, so that a forgotten `--data` is not a silent analysis of dummy data.
    var studyDirectory: URL {
        if let dataDirectory { return URL(fileURLWithPath: dataDirectory) }
        let example = BundledExample.directory
        printToStandardError(BundledExample.notice(example, workingFolderHasStudy: Self.workingFolderHasStudy))
        return example
    }

    /// Whether the working folder looks like a study folder (it has `adsl.csv` or `study.yaml`).
    private static var workingFolderHasStudy: Bool {
        ["adsl.csv", "study.yaml"].contains { FileManager.default.fileExists(atPath: $0) }
    }
}
