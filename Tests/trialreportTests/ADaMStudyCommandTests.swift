import Foundation
import Testing
import TrialReportTestSupport

/// The CDISC pilot (examples/cdisc-pilot): an ADaM study with three arms and analysis sets, read
/// from its SAS transport files by `validate`; the analyses do not cover it yet and say so.
@Suite("trialreport on the CDISC pilot")
struct ADaMStudyCommandTests {
    static let pilot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot").path

    @Test func validatePrintsTheArmsAndTheSetsByArm() throws {
        let result = try Trialreport.run(["validate", "--data", Self.pilot])
        #expect(result.status == 0)
        // The pilot's CSR (Table 14-1.01): Placebo 86, low dose 84, high dose 84; efficacy 79, 81, 74.
        #expect(result.standardOutput == """
            ok: 254 participants, 0 measurements, 1126 adverse events, 0 episodes
            arms: Placebo 86, Xanomeline Low Dose 84, Xanomeline High Dose 84
            set Safety (SAFFL, as treated): 86, 84, 84
            set Intent-to-treat (ITTFL): 86, 84, 84
            set Efficacy (EFFFL): 79, 81, 74

            """)
        #expect(result.standardError
            == "warning: data/adae.xpt:299:6: 65 events are not treatment-emergent (TRTEMFL not Y) and not analysed; this is the first\n1 warning in 1 file\n")
    }

    @Test func analyzeSaysTheAnalysesDoNotCoverItYet() throws {
        let result = try Trialreport.run(["analyze", "--data", Self.pilot])
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("data: CDISC ADaM datasets can be validated (trialreport validate) but not yet analysed"))
    }

    @Test func lockRecordsTheDatasetsThePlanNamesAndVerifyFindsAChange() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-pilot-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.pilot), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let lock = try Trialreport.run(["lock", "--data", copy.path])
        #expect(lock.status == 0)
        #expect(lock.standardOutput.hasPrefix("locked \(copy.path): 2 input files, plan study.yaml"))
        #expect(try Trialreport.run(["verify", "--data", copy.path]).status == 0)
        let events = try FileHandle(forWritingTo: copy.appendingPathComponent("data/adae.xpt"))
        try events.seekToEnd()
        try events.write(contentsOf: Data(" ".utf8))
        try events.close()
        let verify = try Trialreport.run(["verify", "--data", copy.path])
        #expect(verify.status == 65)
        #expect(verify.standardError.contains("error: data/adae.xpt: changed since the lock"))
    }
}
