import ArgumentParser
import Foundation
import TrialData
import TrialReport

/// `trialreport recover`: puts an output folder right after a render that was stopped.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Restore an output folder after a render or figures run that was stopped (killed, a power cut).",
        discussion: """
            A render writes into .OUT.render-PID beside OUT and swaps it in. When it is stopped, \
            OUT is the complete old or new output, or — where the file system cannot exchange two \
            folders in one step — missing, with the old output under .OUT.previous-PID. recover \
            moves that back to OUT and removes the other leftovers (figures does the same with \
            OUT/figures: .figures.render-PID and .figures.previous-PID inside OUT), printing what it did; the next render into OUT does the same \
            silently. Exits 0, also when there was nothing to do; 66 when the folder OUT is in does \
            not exist; 73 when a leftover cannot be moved.
            """
    )

    @Option(name: .customLong("out"), help: "The output folder.", transform: nonEmpty)
    var outputDirectory: String = "output"

    func run() throws {
        try runReportingFailures {
            let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
            guard FileManager.default.fileExists(atPath: output.deletingLastPathComponent().path) else {
                throw TrialReportError(.missingInput, at: SourceLocation(file: output.deletingLastPathComponent().path),
                                       "the folder does not exist")
            }
            let done = try OutputRecovery.recover(output: output, under: FolderLock(output.deletingLastPathComponent()))
            print(done.isEmpty ? "nothing to recover: \(outputDirectory) has no leftovers of a stopped render" : done.joined(separator: "\n"))
        }
    }
}
