import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport verify`, run as a child process on a locked copy of the example study.
@Suite("trialreport verify")
struct VerifyCommandTests {
    static func lockedStudy() throws -> ExampleStudyCopy {
        let study = try ExampleStudyCopy()
        let lock = try Trialreport.run(["lock", "--data", study.path, "--by", "dm", "--at", "2025-06-30T12:00:00Z"])
        try #require(lock.status == 0, "\(lock.standardError)")
        return study
    }

    static func edit(_ study: ExampleStudyCopy, _ name: String, _ change: (inout [UInt8]) -> Void) throws {
        let url = URL(fileURLWithPath: study.path + "/" + name)
        var bytes = [UInt8](try Data(contentsOf: url))
        change(&bytes)
        try Data(bytes).write(to: url)
    }

    @Test func oneChangedByteInAdlbNamesTheFileAndTheParticipant() throws {
        let study = try Self.lockedStudy()
        // Line 20 of adlb.csv is P002,CPEPF,6,…: change the last digit of its value.
        try Self.edit(study, "adlb.csv") { bytes in
            let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
            let lineEnd = lineStarts[20] - 1
            let digit = lineEnd - "x,pmol/L".count
            bytes[digit] = bytes[digit] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        }
        let result = try Trialreport.run(["verify", "--data", study.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("error: adlb.csv: changed since the lock: sha256 "))
        #expect(lines[1] == "error: adlb.csv:18: rows of participant USUBJID=P002 differ from the locked ones (20 rows)")
        #expect(lines[2].hasPrefix("error: \(study.path): does not match trial.lock (locked 2025-06-30T12:00:00Z by dm, hash "))
        #expect(lines[2].hasSuffix("): 1 changed, 0 added, 0 missing"))
    }

    @Test func missingAndAddedFilesAreListed() throws {
        let study = try Self.lockedStudy()
        try FileManager.default.removeItem(atPath: study.path + "/adii.csv")
        try FileManager.default.removeItem(atPath: study.path + "/study.yaml")
        let result = try Trialreport.run(["verify", "--data", study.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines[0].hasPrefix("error: adii.csv: missing; locked with sha256 "))
        #expect(lines[1].hasPrefix("error: study.yaml: plan missing; locked with sha256 "))
        #expect(lines.last?.hasSuffix("0 changed, 0 added, 2 missing") == true)
    }

    @Test func manyChangedParticipantsAreCutAtTwentyWithACount() throws {
        let study = try Self.lockedStudy()
        let url = URL(fileURLWithPath: study.path + "/adlb.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: ",pmol/L", with: "1,pmol/L").utf8).write(to: url)
        let result = try Trialreport.run(["verify", "--data", study.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.filter { $0.contains(" differ from the locked ones") }.count == 20)
        #expect(lines.contains { $0 == "error: adlb.csv: … and 33 more participants whose rows differ" })
    }

    @Test func aFolderWithoutLockExits66() throws {
        let study = try ExampleStudyCopy()
        let result = try Trialreport.run(["verify", "--data", study.path])
        #expect(result.status == 66)
        #expect(result.standardError == "error: \(study.path)/trial.lock: the study folder is not locked; lock it with `trialreport lock`\n")
    }
}
