import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport lock`, run as a child process on a copy of the bundled example study.
@Suite("trialreport lock")
struct LockCommandTests {
    static let at = "2025-06-30T12:00:00Z"

    @Test func lockingWritesTheLockAndVerifyPasses() throws {
        let study = try ExampleStudyCopy()
        let lock = try Trialreport.run(["lock", "--data", study.path, "--by", "dm", "--note", "final", "--at", Self.at])
        #expect(lock.status == 0)
        #expect(lock.standardOutput.hasPrefix("locked \(study.path): 4 input files, plan study.yaml, "))
        let text = try String(contentsOfFile: study.path + "/trial.lock", encoding: .utf8)
        #expect(text.contains("\"lockedAt\": \"2025-06-30T12:00:00Z\",\n  \"lockedBy\": \"dm\",\n  \"note\": \"final\""))
        let verify = try Trialreport.run(["verify", "--data", study.path])
        #expect(verify.status == 0)
        #expect(verify.standardOutput.hasPrefix("ok: \(study.path) matches trial.lock (locked 2025-06-30T12:00:00Z by dm, hash "))
    }

    @Test func lockingTwiceIsRefusedWithout_force() throws {
        let study = try ExampleStudyCopy()
        #expect(try Trialreport.run(["lock", "--data", study.path, "--at", Self.at]).status == 0)
        let again = try Trialreport.run(["lock", "--data", study.path, "--at", Self.at])
        #expect(again.status == 65)
        #expect(again.standardError.contains("the study folder is already locked"))
        let forced = try Trialreport.run(["lock", "--data", study.path, "--force", "--by", "second", "--at", "2025-07-01T08:00:00+02:00"])
        #expect(forced.status == 0)
        let text = try String(contentsOfFile: study.path + "/trial.lock", encoding: .utf8)
        #expect(text.contains("\"lockedAt\": \"2025-07-01T06:00:00Z\""))
        #expect(text.components(separatedBy: "\"lockHash\"").count == 3)  // the lock and one history entry
    }

    /// trial.lock.rows is written in place into a file whose blocks are reserved first: a full
    /// disk (here the file size limit) is an error naming it, and the earlier lock stays whole.
    @Test func aLockThatCannotBeWrittenKeepsTheEarlierLock() throws {
        let study = try ExampleStudyCopy()
        #expect(try Trialreport.run(["lock", "--data", study.path, "--at", Self.at]).status == 0)
        let names = ["trial.lock", "trial.lock.rows"]
        let before = try names.map { try Data(contentsOf: URL(fileURLWithPath: study.path + "/" + $0)) }
        #expect(before[1].count > 1_024)
        let result = try LimitedRun.run(["lock", "--data", study.path, "--force", "--at", "2025-07-01T08:00:00Z"], fileSizeLimitBlocks: 2)
        #expect(result.status == 73)
        #expect(result.standardError.contains("error: \(study.path)/trial.lock.rows: cannot write: File too large"), "\(result.standardError)")
        #expect(try names.map { try Data(contentsOf: URL(fileURLWithPath: study.path + "/" + $0)) } == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: study.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func theSameStudyAndTimeGiveByteIdenticalLocks() throws {
        let one = try ExampleStudyCopy(), two = try ExampleStudyCopy()
        for study in [one, two] {
            #expect(try Trialreport.run(["lock", "--data", study.path, "--by", "dm", "--at", Self.at]).status == 0)
        }
        for name in ["trial.lock", "trial.lock.rows"] {
            #expect(FileManager.default.contentsEqual(atPath: one.path + "/" + name, andPath: two.path + "/" + name), "\(name)")
        }
    }

    @Test func aStudyThatDoesNotValidateCannotBeLocked() throws {
        let study = try ExampleStudyCopy()
        try Data("USUBJID,ARM,AGE,AGEDX,SEX\nP001,Placebo,30,20,M\n".utf8).write(to: URL(fileURLWithPath: study.path + "/adsl.csv"))
        let result = try Trialreport.run(["lock", "--data", study.path])
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: study.path + "/trial.lock"))
    }

    @Test func aBadLockTimeIsAUsageError() throws {
        let study = try ExampleStudyCopy()
        #expect(try Trialreport.run(["lock", "--data", study.path, "--at", "yesterday"]).status == 64)
    }

    @Test func templatesAreRecordedByRelativePath() throws {
        let study = try ExampleStudyCopy()
        let templates = study.path + "/templates"
        try FileManager.default.createDirectory(atPath: templates + "/partials", withIntermediateDirectories: true)
        try Data("# {{title}}\n".utf8).write(to: URL(fileURLWithPath: templates + "/report.md.mustache"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: templates + "/partials/a.mustache"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: templates + "/.hidden"))
        #expect(try Trialreport.run(["lock", "--data", study.path, "--templates", templates]).status == 0)
        let text = try String(contentsOfFile: study.path + "/trial.lock", encoding: .utf8)
        #expect(text.contains("\"path\": \"partials/a.mustache\""))
        #expect(text.contains("\"path\": \"report.md.mustache\""))
        #expect(!text.contains(".hidden"))
        try Data("changed".utf8).write(to: URL(fileURLWithPath: templates + "/partials/a.mustache"))
        let verify = try Trialreport.run(["verify", "--data", study.path, "--templates", templates])
        #expect(verify.status == 65)
        #expect(verify.standardError.hasPrefix("error: partials/a.mustache: template changed since the lock: sha256 "))
    }
}

/// A copy of the bundled example study (examples/uc-msc-t1d) in a fresh temporary folder,
/// removed when the test ends.
final class ExampleStudyCopy {
    let path: String

    static var example: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/uc-msc-t1d")
    }

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.example, to: url)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
