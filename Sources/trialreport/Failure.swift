import ArgumentParser
import Foundation
import TrialData

/// Runs a command's work; on a `TrialReportError` prints every diagnostic to stderr as
/// `error: FILE:LINE:COLUMN: message` — the problems of a study's plan and data followed by the
/// line counting them (`2 errors and 3 warnings in 2 files`) — and exits with the code SPEC.md
/// §4 assigns.
/// This is the one place where errors become messages and exit codes; an input file shortened
/// by another program while it is read ends the process with a message too (`TruncatedInputGuard`).
func runReportingFailures(_ work: () throws -> Void) throws {
    TruncatedInputGuard.install()
    do {
        try work()
    } catch let error as TrialReportError {
        if error.isStudyCheck {
            reportWithSummary(error.diagnostics)
        } else {
            report(error.diagnostics)
        }
        throw ExitCode(ExitStatus(error.kind).rawValue)
    }
}

/// Prints warnings (and any other diagnostics that do not stop the run) to stderr.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        printToStandardError(diagnostic.description)
    }
}

/// Prints diagnostics to stderr, then (when there are any) the line counting them:
/// `2 errors and 3 warnings in 2 files`.
func reportWithSummary(_ diagnostics: [Diagnostic]) {
    report(diagnostics)
    if let summary = DiagnosticSummary.line(for: diagnostics) { printToStandardError(summary) }
}

/// Prints `line` to stderr with its control characters escaped (`TerminalText`): messages
/// quote data, which must not reach the terminal as escape sequences.
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
}

/// Prints `line` to stdout with its control characters escaped, as `printToStandardError`.
func printToStandardOutput(_ line: String) {
    print(TerminalText.escaped(line))
}
