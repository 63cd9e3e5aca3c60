import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport diff`, run as a child process on results of the example study.
@Suite("trialreport diff")
struct DiffCommandTests {
    /// results.json of the example study, from `trialreport analyze`, in a fresh folder.
    static func results() throws -> (folder: ExampleStudyCopy, file: String, text: String) {
        let folder = try ExampleStudyCopy()
        let file = folder.path + "/results.json"
        let analyze = try Trialreport.run(["analyze", "--data", folder.path, "--json", file])
        try #require(analyze.status == 0, "\(analyze.standardError)")
        return (folder, file, try String(contentsOfFile: file, encoding: .utf8))
    }

    @Test func identicalResultsPrintNothingAndExit0() throws {
        let (folder, file, text) = try Self.results()
        let copy = folder.path + "/copy.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: copy))
        let result = try Trialreport.run(["diff", file, copy])
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "")
    }

    @Test func anOutputFolderIsComparedByItsResults() throws {
        let (folder, file, _) = try Self.results()
        #expect(try Trialreport.run(["diff", folder.path, file]).status == 0)
    }

    @Test func aChangedRateIsPrintedWithPathOldAndNew() throws {
        let (folder, file, text) = try Self.results()
        let changed = folder.path + "/changed.json"
        let rate = "\"rate\": 0.4074074074074074"
        try #require(text.contains(rate))
        try Data(text.replacingOccurrences(of: rate, with: "\"rate\": 0.41").utf8).write(to: URL(fileURLWithPath: changed))
        let result = try Trialreport.run(["diff", file, changed])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == #"remission.overall.byArm[arm="UC-MSC"].rate: 0.4074074074074074 → 0.41 (relative difference 0.00632)"#)
        #expect(lines.last == "\(lines.count - 1) difference\(lines.count == 2 ? "" : "s") (tolerance 1e-09)")
        #expect(try Trialreport.run(["diff", file, changed, "--tolerance", "0.01"]).status == 0)
    }

    @Test func aMissingFileExits66AndInvalidJSONExits65() throws {
        let (folder, file, _) = try Self.results()
        #expect(try Trialreport.run(["diff", file, folder.path + "/none.json"]).status == 66)
        let broken = folder.path + "/broken.json"
        try Data("{\"a\": 1,}".utf8).write(to: URL(fileURLWithPath: broken))
        let result = try Trialreport.run(["diff", broken, file])
        #expect(result.status == 65)
        #expect(result.standardError == "error: \(broken):1:9: invalid JSON: expected a key in quotes\n")
    }
}
