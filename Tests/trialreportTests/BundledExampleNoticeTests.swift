import Foundation
import Testing
import TrialReportTestSupport

/// A command without `--data` reads the bundled example study and says so on stderr, so that a
/// forgotten `--data` is not a silent analysis of dummy data.
@Suite("trialreport: notice when the bundled example study is used")
struct BundledExampleNoticeTests {
    @Test func withoutDataInAFolderWithoutAStudyTheNoticeNamesTheExample() throws {
        let sandbox = try TemporaryStudy(["notes.txt": "not a study\n"])
        let result = try Trialreport.run(["validate"], workingDirectory: URL(fileURLWithPath: sandbox.path))
        #expect(result.status == 0)
        #expect(result.standardError == "note: no --data given and no study in this folder: using the bundled example study "
            + ExampleStudyCopy.example.path + "\n")
        #expect(result.standardOutput.hasPrefix("ok: 53 participants"))
    }

    @Test func withoutDataInAStudyFolderTheNoticeSaysHowToReadIt() throws {
        let sandbox = try TemporaryStudy(["adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX\n"])
        let result = try Trialreport.run(["analyze", "--json", "r.json"], workingDirectory: URL(fileURLWithPath: sandbox.path))
        #expect(result.status == 0)
        #expect(result.standardError == "note: no --data given: using the bundled example study " + ExampleStudyCopy.example.path
            + ", not the study in this folder (give --data . to use it)\n")
    }

    @Test func withDataThereIsNoNotice() throws {
        let study = try ExampleStudyCopy()
        let result = try Trialreport.run(["validate", "--data", study.path])
        #expect(result.status == 0)
        #expect(result.standardError == "")
    }
}
