import ArgumentParser
// Links tcmalloc, the process's allocator: its per-thread caches spare the documents' threads
// the waits on glibc's arena lock (see Guides/Performance.md, "Memory").
import CTCMalloc
import Foundation
import TrialData

/// `trialreport`: turns a clinical trial's locked data into its analyses, figures, tables and report.
@main
struct TrialReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialreport",
        abstract: "Analyses, figures, tables and the report of a clinical trial, from its study folder.",
        discussion: "Without a subcommand, renders the bundled example study into output/.",
        version: TrialReportVersion.current,
        subcommands: [
            RenderCommand.self,
            InitCommand.self,
            AnalyzeCommand.self,
            FiguresCommand.self,
            ValidateCommand.self,
            SimulateCommand.self,
            LockCommand.self,
            VerifyCommand.self,
            DiffCommand.self,
            RecoverCommand.self,
        ],
        defaultSubcommand: RenderCommand.self
    )

    /// Parses the command line and runs the command. Errors of the command line itself (an
    /// unknown option, a value that is not a number, a failed `validate()`) are printed as ours
    /// are: `error: …` on stderr with control characters escaped — they quote the arguments,
    /// which may hold escape sequences — then the usage, and exit 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            // The process ends with the command: what a render drops at its end is left to the exit.
            BackgroundRelease.keepDroppedValuesUntilExit()
            try command.run()
        } catch {
            exit(reporting: error)
        }
    }

    /// Ends the process for `error`: help and version are printed by the argument parser as
    /// usual; any other message goes through `printToStandardError`.
    private static func exit(reporting error: any Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }
        let brief = message(for: error)
        if !brief.isEmpty {
            printToStandardError("error: " + brief)
            let full = fullMessage(for: error)
            let firstLine = _errorPrefix + brief
            let usage = full.hasPrefix(firstLine) ? full.dropFirst(firstLine.count) : ""
            for line in usage.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                printToStandardError(String(line))
            }
        }
        Foundation.exit(code.rawValue)
    }
}
