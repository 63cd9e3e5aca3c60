import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport simulate --out DIR` writes only into a new or empty folder or a previous simulate
/// output (the files it writes, and hidden files), as render judges its output folder.
@Suite("trialreport simulate: the output folder")
struct SimulateCommandTests {
    @Test func aFolderHoldingOtherFilesIsRefusedAndLeftAsItWas() throws {
        let folder = try TemporaryStudy(["adsl.csv": "USUBJID\nreal\n", "notes.txt": "mine\n"])
        let before = FolderSnapshot.take(URL(fileURLWithPath: folder.path))
        let result = try Trialreport.run(["simulate", "--participants", "5", "--out", folder.path])
        #expect(result.status == 73)
        #expect(result.standardError == "error: \(folder.path): the output folder exists and holds files TrialReport did not write "
                + "(notes.txt); the new files would be written among them: choose a new or empty folder, or give --force to write there\n")
        #expect(FolderSnapshot.take(URL(fileURLWithPath: folder.path)) == before)
    }

    @Test func aNewFolderAnEmptyOneOrAPreviousSimulateOutputIsWritten() throws {
        let parent = try TemporaryStudy([:])
        let folder = parent.path + "/study"
        for arguments in [["--participants", "5"], ["--participants", "7", "--seed", "2"], ["--example"]] {
            let result = try Trialreport.run(["simulate", "--out", folder] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == ["adae.csv", "adii.csv", "adlb.csv", "adsl.csv", "study.yaml"])
    }

    @Test func forceWritesBesideTheOtherFiles() throws {
        let folder = try TemporaryStudy(["notes.txt": "mine\n"])
        let result = try Trialreport.run(["simulate", "--participants", "5", "--out", folder.path, "--force"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: folder.path + "/notes.txt", encoding: .utf8) == "mine\n")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/adlb.csv"))
    }

    @Test func armsGiveAStudyThatValidatesWithItsPlan() throws {
        let parent = try TemporaryStudy([:])
        let folder = parent.path + "/three"
        let written = try Trialreport.run(["simulate", "--participants", "60", "--arms", "Placebo:0,Low:54,High:81", "--out", folder])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == ["adae.csv", "adii.csv", "adlb.csv", "adsl.csv", "study.yaml"])
        let validated = try Trialreport.run(["validate", "--data", folder])
        #expect(validated.status == 0, "\(validated.standardError)")
        #expect(validated.standardOutput.contains("arms: Placebo "))
    }

    @Test func transportFilesGiveAnADaMStudyThatValidatesAndRenders() throws {
        let parent = try TemporaryStudy([:])
        let folder = parent.path + "/adam"
        let written = try Trialreport.run(["simulate", "--participants", "120", "--arms", "Placebo:0,Low:54,High:81",
                                           "--format", "xpt", "--out", folder])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.hasPrefix("wrote 120 participants, ") && !written.standardOutput.contains("episodes"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["adae.xpt", "adlb.xpt", "adsl.xpt", "study.yaml"])
        let validated = try Trialreport.run(["validate", "--data", folder])
        #expect(validated.status == 0, "\(validated.standardError)")
        #expect(validated.standardOutput.contains("set Intent-to-treat (ITTFL): "))
        let rendered = try Trialreport.run(["render", "--data", folder, "--out", parent.path + "/report", "--quiet"])
        #expect(rendered.status == 0, "\(rendered.standardError)")
        let report = try String(contentsOfFile: parent.path + "/report/report.md", encoding: .utf8)
        #expect(report.contains("HbA1c change from baseline to month 12") && report.contains("| Responders, n (%) |"))
        // A folder of CSV files from simulate may be rewritten as transport files.
        #expect(try Trialreport.run(["simulate", "--participants", "5", "--out", folder + "-csv"]).status == 0)
        #expect(try Trialreport.run(["simulate", "--participants", "5", "--format", "xpt", "--out", folder + "-csv"]).status == 0)
        let example = try Trialreport.run(["simulate", "--example", "--format", "xpt", "--out", parent.path + "/y"])
        #expect(example.status == 64 && example.standardError.contains("--example is written as CSV files"))
    }

    @Test func badArmsAreAUsageError() throws {
        let parent = try TemporaryStudy([:])
        let result = try Trialreport.run(["simulate", "--participants", "5", "--arms", "Placebo:0,Low", "--out", parent.path + "/x"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--arms: give a dose to every arm or to none."))
        let example = try Trialreport.run(["simulate", "--example", "--arms", "A,B", "--out", parent.path + "/y"])
        #expect(example.status == 64)
    }
}
