import Foundation
import Testing
import TrialReportTestSupport

/// The problems of a study's plan and data end with one line counting them; a missing column
/// and the bad values of other columns come in the same run.
@Suite("trialreport: problems all at once, with a summary line")
struct ProblemSummaryTests {
    /// The errors listed per file before the rest are counted (`DiagnosticLog.defaultLimit`).
    static let errorsShownPerFile = 200

    @Test func aMissingColumnAndBadRowsAreListedTogetherThenCounted() throws {
        let folder = try TemporaryStudy([
            "adsl.csv": "USUBJID,ARM,AGE,SEX,SITE,REGION\nP1,UC-MSC,30,M,A,B\nP2,Placebo,25,F,A,B\n",
            "adlb.csv": "USUBJID,PARAMCD,AVISITN,AVAL\nP1,CPEPF,0,300\nP1,CPEPP,0,700\nP2,CPEPF,0,250\nP2,CPEPP,0,600\nP2,CPEPP,x,610\n",
        ])
        let result = try Trialreport.run(["validate", "--data", folder.path])
        #expect(result.status == 65)
        #expect(result.standardError == """
            error: adsl.csv:1: missing required column AGEDX
            warning: adsl.csv:1:21: unexpected columns "SITE" and "REGION" are kept but not used
            error: adsl.csv:3:4: ARM "Placebo" is not an arm of the analysis plan ("UC-MSC" or "Control")
            error: adlb.csv:6:10: AVISITN "x" is not a number
            3 errors and 1 warning in 2 files

            """)
    }

    @Test func aThousandBadRowsAreListedUpToTheCapThenCountedWithAMissingColumn() throws {
        let badRows = (1...1000).map { "P2,CPEPF,x\($0),250" }.joined(separator: "\n")
        let folder = try TemporaryStudy([
            "adsl.csv": "USUBJID,ARM,AGE,SEX\nP1,UC-MSC,30,M\nP2,Control,25,F\n",
            "adlb.csv": "USUBJID,PARAMCD,AVISITN,AVAL\nP1,CPEPF,0,300\nP1,XYZ,0,1\nP1,XYZ,1,1\n" + badRows + "\n",
        ])
        let result = try Trialreport.run(["validate", "--data", folder.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "error: adsl.csv:1: missing required column AGEDX")
        let badValues = lines.filter { $0.hasPrefix("error: adlb.csv:") && $0.contains("AVISITN \"x") }
        #expect(badValues.count == Self.errorsShownPerFile)
        #expect(badValues.first == "error: adlb.csv:5:10: AVISITN \"x1\" is not a number")
        #expect(lines.contains("error: adlb.csv: \(1000 - Self.errorsShownPerFile) more errors in this file not shown"))
        // The two rows of an unknown parameter are one warning at the first.
        #expect(lines.filter { $0.contains("XYZ") }.count == 1)
        #expect(lines.last?.hasPrefix("1001 errors and ") == true)
    }

    @Test func planProblemsAreCountedToo() throws {
        let folder = try TemporaryStudy([
            "adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX\nP1,UC-MSC,30,20,M\n",
            "adlb.csv": "USUBJID,PARAMCD,AVISITN,AVAL\nP1,CPEPF,0,300\nP1,CPEPP,0,700\n",
            "study.yaml": "title: x\nremission:\n  rule: some\n",
        ])
        let result = try Trialreport.run(["analyze", "--data", folder.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.first?.hasPrefix("error: study.yaml:3:") == true, "\(result.standardError)")
        #expect(lines.last == "1 error in 1 file")
    }
}
