import Foundation
import Testing
import TrialReportTestSupport

/// An empty command-line value (`--out "$OUT"` with `OUT` unset) is a usage error for every option
/// and argument of every command: an empty path would otherwise mean the working folder.
@Suite("trialreport: empty command-line values")
struct EmptyValueTests {
    static let commandLines: [[String]] = [
        ["render", "--out", ""], ["render", "--data", ""], ["render", "--spec", ""], ["render", "--templates", ""],
        ["render", "--paper", ""], ["analyze", "--json", ""], ["analyze", "--data", ""], ["validate", "--spec", ""],
        ["figures", "--out", ""], ["figures", "--only", ""], ["figures", "--dpi", ""], ["figures", "--width", ""],
        ["figures", "--format", ""],
        ["lock", "--by", ""], ["lock", "--note", ""], ["lock", "--at", ""], ["lock", "--templates", ""],
        ["verify", "--data", ""], ["verify", "--key", ""], ["lock", "--sign", ""], ["simulate", "--out", ""], ["simulate", "--participants", "", "--out", "x"],
        ["simulate", "--seed", "", "--out", "x"], ["diff", "", "b"], ["diff", "a", ""], ["diff", "a", "b", "--tolerance", ""],
        ["recover", "--out", ""], ["--out", ""],
    ]

    @Test(arguments: commandLines)
    func anEmptyValueIsAUsageErrorAndNothingIsWritten(_ arguments: [String]) throws {
        let sandbox = try TemporaryStudy(["marker.txt": "the working folder: must not change\n"])
        let result = try Trialreport.run(arguments, workingDirectory: URL(fileURLWithPath: sandbox.path))
        #expect(result.status == 64, "\(arguments): \(result.standardError)")
        let option = arguments.first { $0.hasPrefix("--") && arguments[arguments.firstIndex(of: $0)! + 1] == "" }
        if let option { #expect(result.standardError.contains(option), "\(result.standardError)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path) == ["marker.txt"])
    }

    @Test func theMessageSaysTheValueIsEmpty() throws {
        let sandbox = try TemporaryStudy([:])
        let result = try Trialreport.run(["render", "--out", ""], workingDirectory: URL(fileURLWithPath: sandbox.path))
        #expect(result.standardError.contains("the value is empty (an unset shell variable?)"), "\(result.standardError)")
    }
}
