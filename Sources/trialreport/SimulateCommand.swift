import ArgumentParser

/// `trialreport simulate`: a dummy study in the study-folder format.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a simulated study folder (dummy data in the SPEC format)."
    )

    func run() throws {
        throw ExitCode.failure
    }
}
