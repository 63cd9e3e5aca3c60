import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport figures`, run as a child process on a small study.
@Suite("trialreport figures")
struct FiguresCommandTests {
    /// Eight participants with C-peptide at baseline and month 12, one insulin-free episode, one adverse event.
    static func study() throws -> TemporaryStudy {
        var adsl = "USUBJID,ARM,AGE,AGEDX,SEX,MSCDOSE\n"
        var adlb = "USUBJID,PARAMCD,AVISITN,AVAL\n"
        for index in 1...8 {
            let arm = index % 2 == 0 ? "UC-MSC" : "Control"
            adsl += "P\(index),\(arm),\(20 + index),\(index < 5 ? 15 : 25),\(index % 3 == 0 ? "F" : "M"),\(arm == "UC-MSC" ? "2.0" : "")\n"
            for (code, base) in [("CPEPF", 200.0), ("CPEPP", 500.0)] {
                let value = base + Double(index * 10)
                adlb += "P\(index),\(code),0,\(value)\nP\(index),\(code),12,\(value * (arm == "UC-MSC" ? 1.2 : 0.9))\n"
            }
        }
        return try TemporaryStudy([
            "adsl.csv": adsl, "adlb.csv": adlb,
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER\nP2,Fever,General disorders,MILD,N\n",
            "adii.csv": "USUBJID,STARTMO,ENDMO\nP2,3,9\n",
        ])
    }

    @Test func onlyWritesThatFigureInEachFormat() throws {
        let study = try Self.study()
        let output = study.path + "/out"
        let result = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--only", "remission-rates", "--dpi", "72"])
        #expect(result.status == 0, "\(result.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output + "/figures").sorted()
        #expect(files == ["remission-rates.pdf", "remission-rates.png", "remission-rates.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["figures"])
    }

    @Test func withoutOnlyWritesEveryFigureOfThePlan() throws {
        let study = try Self.study()
        let output = study.path + "/out"
        let result = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--dpi", "72"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/figures").count == 27)
    }

    @Test func onlyRedrawsThatFigureAndKeepsTheOtherFigureFiles() throws {
        let study = try Self.study()
        let output = study.path + "/out"
        let all = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--dpi", "72"])
        try #require(all.status == 0, "\(all.standardError)")
        let before = FolderSnapshot.take(URL(fileURLWithPath: output))
        let one = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--dpi", "100", "--only", "consort"])
        #expect(one.status == 0, "\(one.standardError)")
        let after = FolderSnapshot.take(URL(fileURLWithPath: output))
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.filter { $0.value != before[$0.key] }.keys.sorted() == ["figures/consort.png"])
    }

    @Test func aDataFolderWhereTheFiguresFolderWouldGoIsRefusedEvenWithForce() throws {
        let study = try Self.study()
        let parent = try TemporaryStudy([:])
        try FileManager.default.moveItem(atPath: study.path, toPath: parent.path + "/figures")
        let before = FolderSnapshot.take(URL(fileURLWithPath: parent.path))
        let result = try Trialreport.run(["figures", "--data", parent.path + "/figures", "--out", parent.path, "--force"])
        #expect(result.status == 73)
        #expect(result.standardError.contains("the data folder may not be inside the output folder"), "\(result.standardError)")
        #expect(FolderSnapshot.take(URL(fileURLWithPath: parent.path)) == before)
    }

    @Test func unknownFigureExits64ListingTheNames() throws {
        let study = try Self.study()
        let result = try Trialreport.run(["figures", "--data", study.path, "--out", study.path + "/out", "--only", "forest"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("unknown figure 'forest'; the figures are: cpeptide-change, cpeptide-trajectory, "
            + "hba1c-trajectory, insulin-dose-trajectory, insulin-independence, remission-rates, remission-forest, consort, adverse-events"))
        #expect(!FileManager.default.fileExists(atPath: study.path + "/out"))
    }

    @Test func resolutionOutsideTheRangeExits64() throws {
        let study = try Self.study()
        let result = try Trialreport.run(["figures", "--data", study.path, "--dpi", "2400"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--dpi must be between 72 and 1200"))
    }

    @Test func invalidDataLeavesTheFiguresFolderAsItWas() throws {
        let study = try Self.study()
        let figures = study.path + "/out/figures"
        try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: figures + "/consort.pdf"))
        try Data("USUBJID,ARM\nP1,Nobody\n".utf8).write(to: URL(fileURLWithPath: study.path + "/adsl.csv"))
        let result = try Trialreport.run(["figures", "--data", study.path, "--out", study.path + "/out"])
        #expect(result.status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: figures) == ["consort.pdf"])
        #expect(try String(contentsOfFile: figures + "/consort.pdf", encoding: .utf8) == "old")
    }
}
