import ArgumentParser

/// `trialreport render`: the whole report of a study into an output folder.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the report, figures, tables and results.json of a study."
    )

    @OptionGroup var study: StudyOptions

    @Option(name: .customLong("out"), help: "The output folder.")
    var outputDirectory: String = "output"

    @Flag(help: "Refuse to render unless the study folder matches its trial.lock.")
    var locked = false

    func run() throws {
        try runReportingFailures {
            printToStandardError("render: not built yet (see the open issues); run `trialreport validate` for now.")
            throw ExitCode.failure
        }
    }
}
