import ArgumentParser

/// `trialreport validate`: every problem of a study folder, then exit.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a study folder and list every problem found."
    )

    @OptionGroup var study: StudyOptions

    func run() throws {
        throw ExitCode.failure
    }
}
