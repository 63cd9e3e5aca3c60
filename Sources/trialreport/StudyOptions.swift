import ArgumentParser
import Foundation

/// The options that locate a study: its folder and its analysis plan.
struct StudyOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The study folder (default: the bundled example study).", transform: nonEmpty)
    var dataDirectory: String?

    @Option(name: .customLong("spec"),
            help: "The analysis plan (default: the plan DIR/trial.lock recorded, else DIR/study.yaml when present, else the built-in plan).",
            transform: nonEmpty)
    var planFile: String?

    /// The study folder to read: `--data`, else the bundled example study.
    var studyDirectory: URL {
        if let dataDirectory { return URL(fileURLWithPath: dataDirectory) }
        return BundledExample.directory
    }
}
