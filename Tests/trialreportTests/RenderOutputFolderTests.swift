import Foundation
import Testing
import TrialReportTestSupport

/// The output folder of `trialreport render` as a whole: hidden files such as `.gitkeep` survive a
/// render, and two renders into one folder at once end with one complete, consistent output.
@Suite("trialreport render: the output folder")
struct RenderOutputFolderTests {
    @Test func hiddenFilesOfThePreviousOutputAreKept() throws {
        let study = try FiguresCommandTests.study()
        let output = try RenderLockedTests.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try Data().write(to: URL(fileURLWithPath: output + "/.gitkeep"))
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: output + "/.gitkeep"))
        #expect(!FileManager.default.fileExists(atPath: output + "/marker.txt"))
    }

    @Test func twoRendersAtOnceLeaveOneCompleteOutput() throws {
        let study = try FiguresCommandTests.study()
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-concurrent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("out").path
        let renders = (0..<2).map { _ in
            let process = Process()
            process.executableURL = Trialreport.executable
            process.arguments = ["render", "--data", study.path, "--out", output, "--quiet"]
            return process
        }
        for render in renders { try render.run() }
        for render in renders { render.waitUntilExit() }
        #expect(renders.allSatisfy { $0.terminationStatus == 0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json")))
        let files = try #require((manifest as? [String: Any])?["files"] as? [[String: Any]])
        #expect(files.count > 30)
        for entry in files {
            let path = try #require(entry["file"] as? String)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: output + "/" + path))
            #expect(bytes.count == entry["bytes"] as? Int, "\(path)")
        }
    }
}
