import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport init`: a first study.yaml drafted from a folder's data files, which validates and
/// renders as it is.
@Suite("trialreport init")
struct InitCommandTests {
    @Test func thePilotsDatasetsGiveAPlanThatValidatesAndRenders() throws {
        let folder = try TemporaryStudy([:])
        try FileManager.default.copyItem(atPath: ADaMStudyCommandTests.pilot + "/data", toPath: folder.path + "/data")
        let result = try Trialreport.run(["init", "--data", folder.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("data/adsl.xpt: subject-level, 254 participants; arms from TRT01P: "
            + "\"Placebo\", \"Xanomeline Low Dose\", \"Xanomeline High Dose\""))
        #expect(result.standardOutput.contains("the reference arm is \"Placebo\" (its label names a placebo or control)"))
        #expect(result.standardOutput.contains("data/adadas.xpt: measurements, 12463 records; parameters ACITM01"))
        #expect(result.standardOutput.contains("AEREL values counted as related: \"POSSIBLE\", \"PROBABLE\"; not related: \"NONE\", \"REMOTE\""))
        #expect(result.standardOutput.contains("the primary endpoint (and any other): add 'endpoints:'"))
        #expect(result.standardOutput.contains("the disposition table from EOSSTT with the reasons of DCSREAS in the Intent-to-treat set"))
        let plan = try String(contentsOfFile: folder.path + "/study.yaml", encoding: .utf8)
        #expect(plan.hasPrefix("# study.yaml drafted by `trialreport init`"))
        #expect(plan.contains("subjects: \"data/adsl.xpt\"") && plan.contains("measurements: [\"data/adadas.xpt\", \"data/adlbc.xpt\"]"))

        let validate = try Trialreport.run(["validate", "--data", folder.path])
        #expect(validate.status == 0, "\(validate.standardError)")
        // The sets as the pilot's own study.yaml gives them (CSR Table 14-1.01).
        #expect(validate.standardOutput.contains("""
            arms: Placebo 86, Xanomeline Low Dose 84, Xanomeline High Dose 84
            set Safety (SAFFL, as treated): 86, 84, 84
            set Intent-to-treat (ITTFL): 86, 84, 84
            set Efficacy (EFFFL): 79, 81, 74
            """))
        let output = try TemporaryStudy([:])
        let render = try Trialreport.run(["render", "--data", folder.path, "--out", output.path + "/report", "--quiet"])
        #expect(render.status == 0, "\(render.standardError)")
        #expect(FileManager.default.fileExists(atPath: output.path + "/report/report.pdf"))
        // The disposition the draft asks for is the one 'disposition: {set: Intent-to-treat}' gives (EOSSTT, DCSREAS).
        let results = try String(contentsOfFile: output.path + "/report/results.json", encoding: .utf8)
        #expect(results.contains("\"statusVariable\": \"EOSSTT\"") && results.contains("\"reasonVariable\": \"DCSREAS\""))
        #expect(FileManager.default.fileExists(atPath: output.path + "/report/figures/disposition-flow.pdf"))
    }

    @Test func aSimulatedStudyGetsTheBuiltInPlanWrittenOut() throws {
        let folder = try TemporaryStudy([:])
        let study = folder.path + "/study"
        #expect(try Trialreport.run(["simulate", "--participants", "60", "--seed", "3", "--out", study]).status == 0)
        let result = try Trialreport.run(["init", "--data", study])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("the reference arm is \"Control\""))
        #expect(try Trialreport.run(["validate", "--data", study]).status == 0)
        let render = try Trialreport.run(["render", "--data", study, "--out", folder.path + "/output", "--quiet"])
        #expect(render.status == 0, "\(render.standardError)")
    }

    @Test func aFolderWithNothingRecognisedSaysWhatWasExpected() throws {
        let folder = try TemporaryStudy(["notes.txt": "hello\n", "labs.csv": "ID,VALUE\n1,2\n"])
        let result = try Trialreport.run(["init", "--data", folder.path])
        #expect(result.status == 66)
        #expect(result.standardError.contains("no subject-level dataset found: init expects CDISC ADaM datasets as CSV or SAS transport "
            + "(.xpt) files in the folder or a subfolder, at least ADSL with USUBJID and TRT01P; found labs.csv: none of the datasets recognised"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/study.yaml"))
    }

    @Test func anExistingPlanIsKeptUnlessForced() throws {
        let folder = try TemporaryStudy(["study.yaml": "title: mine\n", "adsl.csv": "USUBJID,TRT01P\nP1,Placebo\nP2,Active\n"])
        let kept = try Trialreport.run(["init", "--data", folder.path])
        #expect(kept.status == 73)
        #expect(try String(contentsOfFile: folder.path + "/study.yaml", encoding: .utf8) == "title: mine\n")
        let forced = try Trialreport.run(["init", "--data", folder.path, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try String(contentsOfFile: folder.path + "/study.yaml", encoding: .utf8).contains("{label: \"Placebo\", reference: true}"))
    }
}
