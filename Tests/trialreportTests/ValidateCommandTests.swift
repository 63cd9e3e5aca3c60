import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport validate`, run as a child process: what a user sees and the exit code.
@Suite("trialreport validate")
struct ValidateCommandTests {
    @Test func cleanStudyPrintsTheCounts() throws {
        let folder = try TemporaryStudy([
            "adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX\nP1,UC-MSC,30,20,M\nP2,Control,25,16,F\n",
            "adlb.csv": "USUBJID,PARAMCD,AVISITN,AVAL\nP1,CPEPF,0,300\nP1,CPEPP,0,700\nP2,CPEPF,0,250\nP2,CPEPP,0,600\n",
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER\nP1,Fever,General disorders,MILD,N\n",
            "adii.csv": "USUBJID,STARTMO,ENDMO\nP1,3,9\n",
        ])
        let result = try Trialreport.run(["validate", "--data", folder.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "ok: 2 participants, 4 measurements, 1 adverse events, 1 episodes\n")
        #expect(result.standardError == "")
    }

    @Test func folderWithTenMistakesListsAllTenAndExits65() throws {
        let folder = try TemporaryStudy([
            "adsl.csv": """
                USUBJID,ARM,AGE,AGEDX,SEX
                P1,UC-MSC,30,20,M
                P2,Placebo,25,16,F
                P3,Control,40,22,male
                P4,Control,thirty,22,F
                P1,Control,41,23,F
                P5,UC-MSC,19,21,M

                """,
            "adlb.csv": """
                USUBJID,PARAMCD,AVISITN,AVAL,AVALU
                P1,CPEPF,0,300,pmol/L
                P1,CPEPP,0,700,pmol/L
                P2,CPEPF,0,250,pmol/L
                P2,CPEPP,0,0.6,nmol/L
                P3,CPEPF,0,-20,pmol/L
                P3,CPEPP,0,650,pmol/L
                P4,CPEPF,0,260,pmol/L
                P4,CPEPP,0,610,pmol/L
                P4,CPEPP,0,615,pmol/L
                P5,CPEPF,0,200,pmol/L
                P5,CPEPP,0,500,pmol/L
                P6,CPEPF,0,200,pmol/L

                """,
            "adii.csv": "USUBJID,STARTMO,ENDMO\nP1,6,3\n",
        ])
        let result = try Trialreport.run(["validate", "--data", folder.path])
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            error: adsl.csv:3:4: ARM "Placebo" is not an arm of the analysis plan ("UC-MSC" or "Control")
            error: adsl.csv:4:18: SEX "male" must be "M" or "F"
            error: adsl.csv:5:12: AGE "thirty" is not a number
            error: adsl.csv:6:1: duplicate USUBJID "P1" (first on line 2)
            error: adsl.csv:7:14: AGEDX 21 is greater than AGE 19
            error: adlb.csv:5:16: AVALU "nmol/L" is not the unit of CPEPP in the analysis plan ("pmol/L")
            error: adlb.csv:6:12: AVAL -20 is negative; CPEPF cannot be negative
            error: adlb.csv:10:1: duplicate CPEPP at AVISITN 0 for USUBJID "P4" (first on line 9)
            error: adlb.csv:13:1: unknown USUBJID "P6" (not in adsl.csv)
            error: adii.csv:2:6: ENDMO 3 is before STARTMO 6
            10 errors in 3 files

            """)
    }

    @Test func missingParticipantFileExits66() throws {
        let folder = try TemporaryStudy(["adlb.csv": "USUBJID,PARAMCD,AVISITN,AVAL\n"])
        let result = try Trialreport.run(["validate", "--data", folder.path])
        #expect(result.status == 66)
        #expect(result.standardError == "error: adsl.csv: required file not found in \(folder.path)\n")
    }

    @Test func missingStudyFolderExits66() throws {
        let result = try Trialreport.run(["validate", "--data", "/nonexistent/study"])
        #expect(result.status == 66)
        #expect(result.standardError == "error: /nonexistent/study: study folder not found: /nonexistent/study\n")
    }

    @Test func warningsAreShownAndTheStudyStillValidates() throws {
        let folder = try TemporaryStudy([
            "adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX,SITE\nP1,UC-MSC,30,20,M,A\n",
            "adlb.csv": "USUBJID,PARAMCD,AVISITN,AVAL\nP1,CPEPF,0,300\nP1,CPEPP,0,700\n",
        ])
        let result = try Trialreport.run(["validate", "--data", folder.path])
        #expect(result.status == 0)
        #expect(result.standardError == "warning: adsl.csv:1:27: unexpected column \"SITE\" is kept but not used\n1 warning in 1 file\n")
        #expect(result.standardOutput == "ok: 1 participants, 2 measurements, 0 adverse events, 0 episodes\n")
    }
}

/// A study folder in a fresh temporary directory, removed when the test ends.
final class TemporaryStudy {
    let path: String

    init(_ files: [String: String]) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
