import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport analyze`, run as a child process: files written, messages and exit codes.
@Suite("trialreport analyze")
struct AnalyzeCommandTests {
    static let adsl = "USUBJID,ARM,AGE,AGEDX,SEX,MSCDOSE\nP1,UC-MSC,30,20,M,2.5\nP2,Control,25,16,F,\nP3,UC-MSC,22,12,F,3\n"
    static let adlb = "USUBJID,PARAMCD,AVISITN,AVAL\nP1,CPEPF,0,300\nP1,CPEPP,0,700\nP1,CPEPF,12,350\n"
        + "P2,CPEPF,0,250\nP2,CPEPP,0,600\nP3,CPEPF,0,200\nP3,CPEPP,0,500\nP3,CPEPP,12,520\n"

    @Test func jsonFileHoldsTheBytesPrintedOnStandardOutput() throws {
        let folder = try TemporaryStudy(["adsl.csv": Self.adsl, "adlb.csv": Self.adlb])
        let file = URL(fileURLWithPath: folder.path).appendingPathComponent("results.json")
        let printed = try Trialreport.run(["analyze", "--data", folder.path])
        let written = try Trialreport.run(["analyze", "--data", folder.path, "--json", file.path])
        #expect(printed.status == 0 && written.status == 0)
        #expect(written.standardOutput == "")
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.standardOutput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["adlb.csv", "adsl.csv", "results.json"])
    }

    @Test func covariateWrittenInThePlanButAbsentFromTheDataExits65AtItsLine() throws {
        let folder = try TemporaryStudy(["adsl.csv": Self.adsl, "adlb.csv": Self.adlb,
                                         "study.yaml": "logistic:\n  covariates: [CPEPF.BASE, BMI]\n"])
        let result = try Trialreport.run(["analyze", "--data", folder.path])
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasPrefix("error: study.yaml:2:28: logistic.covariates[1]: covariate 'BMI' is neither a column of adsl.csv"))
    }

    @Test func missingPlanFileExits66() throws {
        let folder = try TemporaryStudy(["adsl.csv": Self.adsl, "adlb.csv": Self.adlb])
        let result = try Trialreport.run(["analyze", "--data", folder.path, "--spec", folder.path + "/nowhere.yaml"])
        #expect(result.status == 66)
        #expect(result.standardError == "error: \(folder.path)/nowhere.yaml: the analysis plan does not exist\n")
    }

    @Test func unwritableJSONFileExits73() throws {
        let folder = try TemporaryStudy(["adsl.csv": Self.adsl, "adlb.csv": Self.adlb])
        let result = try Trialreport.run(["analyze", "--data", folder.path, "--json", folder.path + "/no/such/folder/results.json"])
        #expect(result.status == 73)
        #expect(result.standardError.hasPrefix("error: \(folder.path)/no/such/folder/results.json: cannot write"))
    }
}
