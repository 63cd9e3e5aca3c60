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

/// `figures --format` and `--dpi`, and the plan's `figureFormats` and `figureDpi`.
@Suite("trialreport figures: formats and resolution")
struct FiguresFormatTests {
    @Test func formatWritesTIFFAndEPSAtTheAskedResolution() throws {
        let study = try FiguresCommandTests.study()
        let output = study.path + "/out"
        let result = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--only", "remission-rates",
                                          "--format", "tiff,eps", "--dpi", "300"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/figures").sorted()
            == ["remission-rates.eps", "remission-rates.tiff"])
        let tiff = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/figures/remission-rates.tiff")))
        guard let identify = try ImageTools.run("identify", ["-format", "%x %y %[compression]", "{}"], on: tiff, fileExtension: "tiff") else {
            print("note: ImageMagick is not installed; the TIFF's resolution not checked")
            return
        }
        #expect(identify.text == "300 300 LZW", "\(identify.standardError)")
    }

    @Test func thePlansFormatsAndResolutionApplyWithoutOptions() throws {
        let study = try FiguresCommandTests.study()
        try Data("figureFormats: [png, tiff]\nfigureDpi: 96\n".utf8).write(to: URL(fileURLWithPath: study.path + "/study.yaml"))
        let output = study.path + "/out"
        let result = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--only", "consort"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/figures").sorted() == ["consort.png", "consort.tiff"])
        let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/figures/consort.png")))
        #expect(PNGInspection.pixelsPerMetre(png) == Int((96 / 0.0254).rounded()))
        // --dpi overrides the plan's.
        let again = try Trialreport.run(["figures", "--data", study.path, "--out", output, "--only", "consort", "--dpi", "72"])
        #expect(again.status == 0, "\(again.standardError)")
        let png72 = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/figures/consort.png")))
        #expect(PNGInspection.pixelsPerMetre(png72) == Int((72 / 0.0254).rounded()))
    }

    @Test func unknownOrRepeatedFormatExits64() throws {
        let study = try FiguresCommandTests.study()
        let unknown = try Trialreport.run(["figures", "--data", study.path, "--out", study.path + "/out", "--format", "pdf,gif"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("unknown figure format 'gif' in --format; the formats are: pdf, svg, png, tiff, eps"),
                "\(unknown.standardError)")
        let twice = try Trialreport.run(["figures", "--data", study.path, "--out", study.path + "/out", "--format", "tiff,tiff"])
        #expect(twice.status == 64)
        #expect(twice.standardError.contains("--format lists 'tiff' twice"), "\(twice.standardError)")
        #expect(!FileManager.default.fileExists(atPath: study.path + "/out"))
    }
}
