import Foundation
import Testing
@testable import TrialData

/// `StudyData.load` without recording its inputs (`recordingInputs: false`, what `trialreport
/// validate` asks): no file hashed, `inputs` empty, and the same tables, warnings and errors as a
/// reading that records them.
@Suite("reading a study without recording its inputs")
struct UnrecordedInputsTests {
    @Test func theSeedLayoutGivesTheSameTablesAndNoInputs() throws {
        let folder = try LockValidatedBytesTests.largeStudy()
        defer { folder.remove() }
        let recorded = try StudyData.load(from: folder.url)
        let checked = try StudyData.load(from: folder.url, recordingInputs: false)
        #expect(recorded.inputs.map(\.sha256) == ["adsl.csv", "adlb.csv"].map { name in
            Checksum.sha256(Array(try! Data(contentsOf: folder.url.appendingPathComponent(name))))
        })
        #expect(checked.inputs.isEmpty)
        #expect(checked.participants.ids == recorded.participants.ids)
        #expect(checked.participants.arm == recorded.participants.arm)
        #expect(checked.measurements.value == recorded.measurements.value)
        #expect(checked.measurements.participant == recorded.measurements.participant)
        #expect(checked.warnings == recorded.warnings)
    }

    @Test func keepingTheBytesForALockRecordsTheInputsAnyway() throws {
        let folder = try LockValidatedBytesTests.largeStudy()
        defer { folder.remove() }
        let kept = try StudyData.load(from: folder.url, keepingBytes: true, recordingInputs: false)
        #expect(kept.inputs == (try StudyData.load(from: folder.url)).inputs)
        #expect(kept.validatedBytes?.files.map(\.input) == kept.inputs)
    }

    @Test func anADaMStudyGivesTheSameTablesAndNoInputs() throws {
        let folder = CDISCPilotTransportTests.folder.deletingLastPathComponent()
        let layout = AdamLayout(subjects: "data/adsl.xpt", events: "data/adae.xpt", flags: ["SAFFL", "ITTFL", "EFFFL"],
                                relatedValues: ["POSSIBLE", "PROBABLE"], unrelatedValues: ["NONE", "REMOTE"])
        let expectations = ADaMStudyTests.expectations(layout, arms: ADaMStudyTests.pilotArms)
        let recorded = try StudyData.load(from: folder, expecting: expectations)
        let checked = try StudyData.load(from: folder, expecting: expectations, recordingInputs: false)
        #expect(recorded.inputs.map(\.file) == ["data/adsl.xpt", "data/adae.xpt"])
        #expect(checked.inputs.isEmpty)
        #expect(checked.participants.ids == recorded.participants.ids)
        #expect(checked.participants.arm == recorded.participants.arm)
        #expect(checked.adverseEvents.count == recorded.adverseEvents.count)
        #expect(checked.warnings == recorded.warnings)
    }

    @Test func invalidDataGiveTheSameProblems() throws {
        let folder = try StudyFolder([
            "adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX\nP1,UC-MSC,30,20,F\nP2,Control,31,21,M\n",
            "adlb.csv": "USUBJID,PARAMCD,AVISITN,AVAL,AVALU\nP1,CPEPF,0,abc,pmol/L\nP9,CPEPF,0,300,pmol/L\n",
        ])
        defer { folder.remove() }
        let problems = { (recording: Bool) -> [Diagnostic] in
            do throws(TrialReportError) {
                _ = try StudyData.load(from: folder.url, recordingInputs: recording)
                return []
            } catch {
                return error.diagnostics
            }
        }
        let recorded = problems(true)
        #expect(recorded.count >= 2)
        #expect(problems(false) == recorded)
    }
}
