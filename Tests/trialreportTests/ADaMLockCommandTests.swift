import Foundation
import Testing
import TrialReportTestSupport

/// `lock` and `verify` of the CDISC pilot (examples/cdisc-pilot), whose datasets are SAS
/// transport files in data/: a changed record is named by its participant and record.
@Suite("trialreport lock and verify of an ADaM study")
struct ADaMLockCommandTests {
    @Test func aChangedRecordOfATransportFileNamesItsParticipant() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-pilot-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: ADaMStudyCommandTests.pilot, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try Trialreport.run(["lock", "--data", folder.path, "--by", "dm", "--at", "2025-06-30T12:00:00Z"])
        try #require(lock.status == 0, "\(lock.standardError)")
        let rows = try String(contentsOf: folder.appendingPathComponent("trial.lock.rows"), encoding: .utf8)
        for file in ["data/adsl.xpt", "data/adae.xpt", "data/adlbc.xpt", "data/adadas.xpt"] {
            #expect(rows.contains("file\t\(file)\tUSUBJID\n"), "\(file)")
        }
        #expect(try Trialreport.run(["verify", "--data", folder.path]).status == 0)

        // In adsl.xpt, USUBJID 01-701-1015 starts at byte 7612 (record 96), SUBJID 1015 follows it.
        let adsl = folder.appendingPathComponent("data/adsl.xpt")
        var bytes = [UInt8](try Data(contentsOf: adsl))
        let id = Array("01-701-10151015".utf8)
        try #require(Array(bytes[7612..<(7612 + id.count)]) == id)
        bytes[7612 + id.count - 1] = UInt8(ascii: "6")
        try Data(bytes).write(to: adsl)
        let result = try Trialreport.run(["verify", "--data", folder.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("error: data/adsl.xpt: changed since the lock: sha256 "))
        #expect(lines[1] == "error: data/adsl.xpt:96: rows of participant USUBJID=01-701-1015 differ from the locked ones (1 row)")
        #expect(lines[2].hasSuffix("): 1 changed, 0 added, 0 missing"))
    }
}
