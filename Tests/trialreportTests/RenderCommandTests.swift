import Foundation
import Testing
import TrialData
import TrialReportTestSupport

/// `trialreport render`, run as a child process on a small study.
@Suite("trialreport render")
struct RenderCommandTests {
    @Test func rendersEverythingAndPrintsASummary() throws {
        let study = try FiguresCommandTests.study()
        let output = try TemporaryStudy([:]).path + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Wrote report.pdf ("))
        #expect(result.standardOutput.contains("\nRemission at month 12: "))
        for file in ["report.pdf", "report.html", "report.md", "report.docx", "results.json", "manifest.json", "tables/baseline.csv",
                     "figures/consort.svg", "tlf/14.2.1-primary-endpoint.rtf", "tlf/14.2.1-primary-endpoint.docx"] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + file), "\(file)")
        }
    }

    @Test func withoutArgumentsItRendersTheBundledExampleFromAnyFolder() throws {
        let temporary = try TemporaryStudy([:])
        let folder = URL(fileURLWithPath: temporary.path)
        let result = try Trialreport.run(["--quiet"], workingDirectory: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let report = folder.appendingPathComponent("output/report.pdf")
        #expect(FileManager.default.fileExists(atPath: report.path))
    }

    @Test func versionIsPrintedAndNothingRendered() throws {
        let result = try Trialreport.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == TrialReportVersion.current + "\n")
    }

    @Test func quietPrintsNothing() throws {
        let study = try FiguresCommandTests.study()
        let output = try TemporaryStudy([:]).path + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--quiet", "--paper", "letter"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "" && result.standardError == "")
    }

    @Test func templateErrorExits65WithFileAndLine() throws {
        let study = try FiguresCommandTests.study()
        let templates = try TemporaryStudy([
            "report.md.mustache": "# {{title}}\n\n{{#unclosed}}\n", "report.html.mustache": "{{{body}}}",
        ])
        let output = templates.path + "-out"
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--templates", templates.path])
        #expect(result.status == 65)
        let folder = URL(fileURLWithPath: templates.path).lastPathComponent
        #expect(result.standardError.hasPrefix("error: \(folder)/report.md.mustache:"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func outputInsideTheDataFolderExits73() throws {
        let study = try FiguresCommandTests.study()
        let result = try Trialreport.run(["render", "--data", study.path, "--out", study.path + "/output"])
        #expect(result.status == 73)
        #expect(result.standardError.contains("the output folder may not be the data folder or inside it"))
    }
}
