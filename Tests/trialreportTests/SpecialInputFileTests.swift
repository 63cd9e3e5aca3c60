import Foundation
import Testing
import TrialReportTestSupport

/// Inputs that are not regular files, symbolic links past the size limit, and data that would
/// drive the terminal: refused at once with the path named, or printed escaped.
@Suite("trialreport: special input files")
struct SpecialInputFileTests {
    /// Replaces `name` in `study` with a FIFO. Should a command open it for reading and wait,
    /// a writer opens it after `releaseSeconds` and closes it at once, so that the test fails
    /// instead of hanging.
    static func replaceWithFIFO(_ study: ExampleStudyCopy, _ name: String) throws {
        let path = study.path + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        try #require(mkfifo(path, 0o600) == 0)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: releaseSeconds)
            for _ in 0..<50 {
                let descriptor = open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 { close(descriptor); return }
                if errno == ENOENT { return }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    /// When a command left waiting on a FIFO is released: generous, so that a loaded machine never
    /// makes a run that did not wait look like one that did (a run takes about a second).
    static let releaseSeconds = 60.0

    /// Runs trialreport, returning the result and the seconds it took.
    static func timedRun(_ arguments: [String], environment: [String: String] = [:]) throws -> (Trialreport.Result, Double) {
        let start = Date()
        let result = try Trialreport.run(arguments, environment: environment)
        return (result, Date().timeIntervalSince(start))
    }

    @Test(arguments: ["adae.csv", "adsl.csv", "study.yaml"])
    func aFIFOInPlaceOfAStudyFileIsRefusedAtOnceWithExit66(_ name: String) throws {
        let study = try ExampleStudyCopy()
        try Self.replaceWithFIFO(study, name)
        let (result, seconds) = try Self.timedRun(["validate", "--data", study.path])
        #expect(result.status == 66, "\(result.standardError)")
        #expect(result.standardError.contains("\(name): the path is a FIFO (named pipe), not a regular file"), "\(result.standardError)")
        #expect(seconds < Self.releaseSeconds)
    }

    @Test(arguments: ["trial.lock", "adii.csv"])
    func aFIFOInPlaceOfTheLockOrAFileItRecordsIsRefusedByVerifyWithExit66(_ name: String) throws {
        let study = try VerifyCommandTests.lockedStudy()
        try Self.replaceWithFIFO(study, name)
        let (result, seconds) = try Self.timedRun(["verify", "--data", study.path])
        #expect(result.status == 66, "\(result.standardError)")
        #expect(result.standardError.contains("\(name): the path is a FIFO (named pipe), not a regular file"), "\(result.standardError)")
        #expect(seconds < Self.releaseSeconds)
    }

    @Test func aFolderInPlaceOfAdslIsAMissingInputNotAFailure() throws {
        let study = try ExampleStudyCopy()
        try FileManager.default.removeItem(atPath: study.path + "/adsl.csv")
        try FileManager.default.createDirectory(atPath: study.path + "/adsl.csv", withIntermediateDirectories: false)
        let result = try Trialreport.run(["validate", "--data", study.path])
        #expect(result.status == 66, "\(result.standardError)")
        #expect(result.standardError.contains("error: adsl.csv: the path is a folder, not a regular file"), "\(result.standardError)")
    }

    @Test func aSymbolicallyLinkedStudyFileCountsWithTheSizeOfItsTarget() throws {
        let study = try ExampleStudyCopy()
        let elsewhere = try ExampleStudyCopy()
        let adlb = study.path + "/adlb.csv"
        try FileManager.default.removeItem(atPath: adlb)
        try FileManager.default.createSymbolicLink(atPath: adlb, withDestinationPath: elsewhere.path + "/adlb.csv")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: elsewhere.path + "/adlb.csv")[.size] as? Int)
        let result = try Trialreport.run(["validate", "--data", study.path], environment: ["TRIALREPORT_MAX_INPUT_BYTES": "\(size)"])
        #expect(result.status == 65, "\(result.standardError)")
        #expect(result.standardError.contains("adlb.csv \(size)"), "\(result.standardError)")
    }

    @Test func escapeSequencesInWhoLockedAndWhyArePrintedEscaped() throws {
        let study = try ExampleStudyCopy()
        let lock = try Trialreport.run(["lock", "--data", study.path, "--by", "dm\u{1B}]0;owned\u{7}", "--note", "ok\u{1B}[2J"])
        #expect(lock.status == 0, "\(lock.standardError)")
        let verify = try Trialreport.run(["verify", "--data", study.path])
        #expect(verify.status == 0, "\(verify.standardError)")
        #expect(verify.standardOutput.contains("dm\\u{1B}]0;owned\\u{7}"), "\(verify.standardOutput)")
        for output in [lock.standardOutput, lock.standardError, verify.standardOutput, verify.standardError] {
            #expect(!output.unicodeScalars.contains("\u{1B}"), "an escape character reached the terminal: \(output)")
        }
    }

    @Test func anEscapeSequenceInACSVCellIsAnErrorAtItsCellAndNeverPrintedRaw() throws {
        let study = try ExampleStudyCopy()
        let url = URL(fileURLWithPath: study.path + "/adsl.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0] + ",SITE\u{1B}[8m"
        try Data(([header] + lines.dropFirst().map { $0.isEmpty ? $0 : $0 + ",x" }).joined(separator: "\n").utf8).write(to: url)
        let result = try Trialreport.run(["validate", "--data", study.path])
        #expect(result.status == 65, "\(result.standardError)")
        #expect(result.standardError.contains("error: adsl.csv:1:\(header.count - 3): control character U+001B"), "\(result.standardError)")
        #expect(!result.standardError.unicodeScalars.contains("\u{1B}"))
    }
}
