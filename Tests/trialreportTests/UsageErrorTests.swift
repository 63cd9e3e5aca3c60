import Foundation
import Testing
import TrialReportTestSupport

/// Errors of the command line itself go through TrialReport's error printing: `error: …`, control
/// characters escaped (the argument parser quotes the arguments), exit 64.
@Suite("trialreport: usage errors")
struct UsageErrorTests {
    static let escape = "\u{1B}]0;owned\u{07}\u{1B}[2J"

    static let commandLines: [[String]] = [
        ["render", "--no-such-option" + escape],
        ["figures", "--only", "consort" + escape],
        ["figures", "--dpi", "72" + escape],
        ["render", "--paper", "a4" + escape],
        ["simulate", "--out", "x", "--participants", "0" + escape],
        ["no-such-command" + escape],
    ]

    @Test(arguments: commandLines)
    func anArgumentHoldingEscapeSequencesIsAUsageErrorPrintedEscaped(_ arguments: [String]) throws {
        let sandbox = try TemporaryStudy([:])
        let result = try Trialreport.run(arguments, workingDirectory: URL(fileURLWithPath: sandbox.path))
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: "), "\(result.standardError)")
        #expect(!result.standardError.contains("Error:"))
        #expect(!result.standardError.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(result.standardError.debugDescription)")
        #expect(result.standardError.contains("\\u{1B}]0;owned\\u{7}\\u{1B}[2J"), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).isEmpty)
    }

    @Test func aUsageErrorNamesTheOptionAndShowsTheUsage() throws {
        let result = try Trialreport.run(["figures", "--dpi", "2400"])
        #expect(result.status == 64)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.first == "error: --dpi must be between 72 and 1200, not 2400.0")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: trialreport figures ") == true, "\(result.standardError)")
    }

    @Test func helpAndVersionStillPrintToStandardOutputAndExit0() throws {
        let help = try Trialreport.run(["render", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: trialreport render"))
        let version = try Trialreport.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.standardOutput.isEmpty)
    }
}
