import Foundation
import Testing
import TrialData
import TrialReportTestSupport

/// `render` and `figures` never lose a user's folder: the working folder and its ancestors are
/// never replaced, a folder TrialReport did not write needs `--force`, a full disk is an error
/// that leaves everything as it was, and hidden files of the previous output survive.
@Suite("trialreport render: never losing a folder")
struct OutputFolderSafetyTests {
    /// A folder like a project checkout: sources, `.git` and a build folder.
    static func checkout() throws -> TemporaryStudy {
        let checkout = try TemporaryStudy(["Package.swift": "// swift-tools-version:6.0\n", "README.md": "# My project\n"])
        for (path, text) in [("Sources/main.swift", "print(1)\n"), (".git/HEAD", "ref: refs/heads/main\n"), (".build/debug.yaml", "x\n")] {
            let url = URL(fileURLWithPath: checkout.path + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return checkout
    }

    @Test(arguments: [(".", ""), (".", "Sources"), ("..", "Sources")])
    func theWorkingFolderAndItsAncestorsAreNotReplacedEvenWithForce(out: String, workingSubfolder: String) throws {
        let study = try FiguresCommandTests.study()
        let checkout = try Self.checkout()
        let before = FolderSnapshot.take(URL(fileURLWithPath: checkout.path))
        for force in [[], ["--force"]] {
            let result = try Trialreport.run(["render", "--data", study.path, "--out", out, "--quiet"] + force,
                                             workingDirectory: URL(fileURLWithPath: checkout.path + "/" + workingSubfolder))
            #expect(result.status == 73, "\(result.standardError)")
            #expect(result.standardError.contains("the output folder may not be the working folder or hold it"), "\(result.standardError)")
            #expect(FolderSnapshot.take(URL(fileURLWithPath: checkout.path)) == before)
        }
    }

    @Test func aCheckoutGivenAsOutputIsRefusedNamingWhatItHolds() throws {
        let study = try FiguresCommandTests.study()
        let checkout = try Self.checkout()
        let before = FolderSnapshot.take(URL(fileURLWithPath: checkout.path))
        let result = try Trialreport.run(["render", "--data", study.path, "--out", checkout.path, "--quiet"])
        #expect(result.status == 73)
        #expect(result.standardError.contains(
            "error: \(checkout.path): the output folder exists and holds files TrialReport did not write (.build/, .git/, Package.swift, …)"),
                "\(result.standardError)")
        #expect(FolderSnapshot.take(URL(fileURLWithPath: checkout.path)) == before)
    }

    @Test func figuresAndRenderTakeTurnsInOneFolder() throws {
        let study = try FiguresCommandTests.study()
        let output = try TemporaryStudy([:]).path + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        for command in ["figures", "figures", "render", "figures", "render"] {
            let result = try Trialreport.run([command, "--data", study.path, "--out", output] + (command == "render" ? ["--quiet"] : []))
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        #expect(FileManager.default.fileExists(atPath: output + "/manifest.json"))
    }

    @Test func figuresIntoAFolderWithAFileOfTheUserIsRefusedUnlessForced() throws {
        let study = try FiguresCommandTests.study()
        let output = try TemporaryStudy([:])
        try FileManager.default.createDirectory(atPath: output.path + "/figures", withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: output.path + "/figures/my-plot.pdf"))
        let refused = try Trialreport.run(["figures", "--data", study.path, "--out", output.path])
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("(figures/my-plot.pdf)"), "\(refused.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path + "/figures") == ["my-plot.pdf"])
        let forced = try Trialreport.run(["figures", "--data", study.path, "--out", output.path, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try String(contentsOfFile: output.path + "/figures/my-plot.pdf", encoding: .utf8) == "mine")
    }

    /// A hidden file of the previous output too large to copy under the file size limit (as on a
    /// nearly full disk) is carried into the new output whole: it is linked, not copied.
    @Test func aLargeHiddenFileOfThePreviousOutputSurvivesAFileSizeLimit() throws {
        let study = try FiguresCommandTests.study()
        let output = URL(fileURLWithPath: try TemporaryStudy([:]).path + "-out")
        defer { try? FileManager.default.removeItem(at: output) }
        try PreviousOutputFolder.write(["marker.txt": "previous"], in: output)
        let hidden = Data((0..<(6 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try hidden.write(to: output.appendingPathComponent(".large-notes"))
        let result = try LimitedRun.run(["render", "--data", study.path, "--out", output.path, "--quiet"], fileSizeLimitBlocks: 8192)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Data(contentsOf: output.appendingPathComponent(".large-notes")) == hidden)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("report.pdf").path))
    }

    /// A render whose files cannot be written (the file size limit, as a full disk): exit 73 naming
    /// the file, the previous output byte-identical, no temporary folder left.
    @Test func aRenderThatCannotWriteItsFilesLeavesThePreviousOutput() throws {
        let study = try FiguresCommandTests.study()
        let parent = try TemporaryStudy([:])
        let output = URL(fileURLWithPath: parent.path + "/out")
        try PreviousOutputFolder.write(["marker.txt": "previous", "tables/old.csv": "a,b\n"], in: output)
        let before = FolderSnapshot.take(output)
        let result = try LimitedRun.run(["render", "--data", study.path, "--out", output.path, "--quiet"], fileSizeLimitBlocks: 4)
        #expect(result.status == 73)
        #expect(result.standardError.contains("error: \(output.path)/"), "\(result.standardError)")
        #expect(result.standardError.contains("cannot write: File too large"), "\(result.standardError)")
        #expect(FolderSnapshot.take(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
    }
}
