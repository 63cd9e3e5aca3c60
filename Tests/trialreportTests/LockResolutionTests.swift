import Foundation
import Testing
import TrialData
import TrialReportTestSupport

/// One resolution of the plan and one date policy for `render`, `verify` and `figures`, and a
/// lock that names only files inside the study folder.
@Suite("trialreport: the plan, the date and the files of a lock")
struct LockResolutionTests {
    /// A copy of the example study whose plan is plans/sap.yaml (a title of its own) beside the
    /// original study.yaml, locked with that plan.
    static func studyLockedWithAPlanInASubfolder() throws -> ExampleStudyCopy {
        let study = try ExampleStudyCopy()
        let plan = try String(contentsOfFile: study.path + "/study.yaml", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: study.path + "/plans", withIntermediateDirectories: true)
        try Data(("title: \"Statistical analysis plan 2\"\n" + plan.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("title:") }.joined(separator: "\n")).utf8)
            .write(to: URL(fileURLWithPath: study.path + "/plans/sap.yaml"))
        let lock = try Trialreport.run(["lock", "--data", study.path, "--spec", study.path + "/plans/sap.yaml",
                                        "--by", "dm", "--at", "2025-06-30T12:00:00Z"])
        try #require(lock.status == 0, "\(lock.standardError)")
        return study
    }

    @Test func renderAndVerifyBothUseThePlanTheLockRecorded() throws {
        let study = try Self.studyLockedWithAPlanInASubfolder()
        let verify = try Trialreport.run(["verify", "--data", study.path])
        #expect(verify.status == 0, "\(verify.standardError)")
        let output = try RenderLockedTests.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let render = try Trialreport.run(["render", "--data", study.path, "--out", output, "--locked", "--quiet"])
        #expect(render.status == 0, "\(render.standardError)")
        let markdown = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(markdown.contains("# Statistical analysis plan 2"))
    }

    @Test func lockingAPlanOutsideTheStudyFolderIsRefused() throws {
        let study = try ExampleStudyCopy()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).yaml")
        try FileManager.default.copyItem(atPath: study.path + "/study.yaml", toPath: outside.path)
        defer { try? FileManager.default.removeItem(at: outside) }
        let result = try Trialreport.run(["lock", "--data", study.path, "--spec", outside.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("error: \(outside.path): the plan is outside the study folder"))
        #expect(!FileManager.default.fileExists(atPath: study.path + "/trial.lock"))
    }

    @Test(arguments: ["/etc/passwd", "../../../../../../etc/passwd"])
    func verifyRefusesALockNamingAPlanOutsideTheFolderWithoutReadingIt(_ path: String) throws {
        let study = try VerifyCommandTests.lockedStudy()
        let url = URL(fileURLWithPath: study.path + "/trial.lock")
        var lock = try TrialLock(text: String(contentsOf: url, encoding: .utf8))
        // A hand-edited lock whose hash is consistent with the files it lists.
        lock.contents.plan = LockedFile(path: path, sha256: String(repeating: "0", count: 64), byteCount: 1)
        try Data(lock.text.utf8).write(to: url)
        let result = try Trialreport.run(["verify", "--data", study.path])
        #expect(result.status == 65)
        #expect(result.standardError == "error: trial.lock: not a valid lock: plan.path \"\(path)\" is not a file inside the study folder; "
            + "a lock names only files inside it, by relative path\n")
    }

    @Test func figuresAreDatedByTheLockTime() throws {
        let study = try VerifyCommandTests.lockedStudy()
        let output = try RenderLockedTests.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--only", "remission-rates", "--dpi", "72"],
                                         environment: ["SOURCE_DATE_EPOCH": ""])
        #expect(result.status == 0, "\(result.standardError)")
        let pdf = try String(decoding: Data(contentsOf: URL(fileURLWithPath: output + "/figures/remission-rates.pdf")), as: UTF8.self)
        #expect(pdf.contains("/CreationDate (20250630120000"))
    }

    @Test(arguments: [["figures", "--only", "remission-rates", "--dpi", "72"], ["render", "--quiet"]])
    func aSourceDateEpochThatIsNotATimeExits64AndWritesNothing(_ command: [String]) throws {
        let study = try ExampleStudyCopy()
        let output = try RenderLockedTests.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run([command[0], "--data", study.path, "--out", output] + command.dropFirst(),
                                         environment: ["SOURCE_DATE_EPOCH": "1.7e9"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("error: SOURCE_DATE_EPOCH: \"1.7e9\" is not a time"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == ["manifest.json", "marker.txt"])
    }
}
