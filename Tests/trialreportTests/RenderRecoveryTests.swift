import Foundation
import Testing
import TrialData
import TrialReportTestSupport

/// A render stopped at any instant of writing and swapping its output: `trialreport recover` (or
/// the next render) leaves the complete old or the complete new output, and no leftover folder.
@Suite("trialreport recover")
struct RenderRecoveryTests {
    /// Where a render can be stopped, as the folders it leaves beside OUT.
    enum Death: String, CaseIterable, CustomTestStringConvertible {
        case whileWritingTheTemporaryFolder, beforeTheSwap, betweenTheTwoRenames, afterTheTwoRenames,
             afterTheExchange, whileRemovingTheOldOutput
        var testDescription: String { rawValue }
    }

    /// Two complete outputs of one study (A4 and Letter), in a fresh parent folder.
    final class Outputs {
        let parent: TemporaryStudy
        let old: [String: Data], new: [String: Data]
        var out: String { parent.path + "/out" }

        init() throws {
            let study = try FiguresCommandTests.study()
            parent = try TemporaryStudy([:])
            for (folder, paper) in [("old", "a4"), ("new", "letter")] {
                let result = try Trialreport.run(["render", "--data", study.path, "--out", parent.path + "/" + folder,
                                                  "--paper", paper, "--quiet"])
                try #require(result.status == 0, "\(result.standardError)")
            }
            old = FolderSnapshot.take(URL(fileURLWithPath: parent.path + "/old"))
            new = FolderSnapshot.take(URL(fileURLWithPath: parent.path + "/new"))
        }

        func move(_ from: String, _ to: String) throws {
            try FileManager.default.moveItem(atPath: parent.path + "/" + from, toPath: parent.path + "/" + to)
        }

        func removeSomeFiles(of folder: String) throws {
            for file in ["report.pdf", "tables", "manifest.json"] { try FileManager.default.removeItem(atPath: parent.path + "/" + folder + "/" + file) }
        }
    }

    /// Lays out the folders `death` leaves; returns the output it must recover to.
    static func stage(_ death: Death, _ outputs: Outputs) throws -> [String: Data] {
        switch death {
        case .whileWritingTheTemporaryFolder:
            try outputs.move("old", "out"); try outputs.move("new", ".out.render-99999"); try outputs.removeSomeFiles(of: ".out.render-99999")
            return outputs.old
        case .beforeTheSwap:
            try outputs.move("old", "out"); try outputs.move("new", ".out.render-99999")
            return outputs.old
        case .betweenTheTwoRenames:
            try outputs.move("old", ".out.previous-99999"); try outputs.move("new", ".out.render-99999")
            return outputs.old
        case .afterTheTwoRenames:
            try outputs.move("old", ".out.previous-99999"); try outputs.move("new", "out")
            return outputs.new
        case .afterTheExchange:
            try outputs.move("old", ".out.render-99999"); try outputs.move("new", "out")
            return outputs.new
        case .whileRemovingTheOldOutput:
            try outputs.move("old", ".out.previous-99999"); try outputs.move("new", "out"); try outputs.removeSomeFiles(of: ".out.previous-99999")
            return outputs.new
        }
    }

    @Test(arguments: Death.allCases)
    func recoverLeavesACompleteOutputWhereverTheRenderStopped(_ death: Death) throws {
        let outputs = try Outputs()
        let expected = try Self.stage(death, outputs)
        let result = try Trialreport.run(["recover", "--out", outputs.out])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(death == .betweenTheTwoRenames ? "restored \(outputs.out) from .out.previous-99999" : "removed "),
                "\(result.standardOutput)")
        #expect(FolderSnapshot.take(URL(fileURLWithPath: outputs.out)) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs.parent.path) == ["out"])
    }

    @Test func recoverWithNothingToDoSaysSo() throws {
        let outputs = try Outputs()
        try outputs.move("old", "out")
        let result = try Trialreport.run(["recover", "--out", outputs.out])
        #expect(result.status == 0)
        #expect(result.standardOutput == "nothing to recover: \(outputs.out) has no leftovers of a stopped render\n")
        #expect(FolderSnapshot.take(URL(fileURLWithPath: outputs.out)) == outputs.old)
    }

    @Test func recoverRemovesTheTemporaryFolderOfAStoppedFiguresRun() throws {
        let outputs = try Outputs()
        try outputs.move("old", "out")
        try outputs.move("new/figures", "out/.figures.render-99999")
        let result = try Trialreport.run(["recover", "--out", outputs.out])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: outputs.out + "/.figures.render-99999"))
    }

    @Test func aFolderOfTheUserThatMerelyLooksLikeALeftoverIsLeftAlone() throws {
        let outputs = try Outputs()
        try outputs.move("old", "out")
        try FileManager.default.createDirectory(atPath: outputs.parent.path + "/.out.render-notes", withIntermediateDirectories: false)
        let result = try Trialreport.run(["recover", "--out", outputs.out])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: outputs.parent.path + "/.out.render-notes"))
    }

    /// A real kill at several moments of a render over a previous output, then `recover`: the old
    /// output byte-identical, or a complete new one (every file its manifest lists, whole).
    @Test(arguments: [0.2, 0.5, 0.9, 1.4, 2.0])
    func aRenderKilledAtAnyMomentIsRecoveredToACompleteOutput(afterSeconds delay: Double) throws {
        let study = try ExampleStudyCopy()
        let outputs = try Outputs()
        try outputs.move("old", "out")
        let render = Process()
        render.executableURL = Trialreport.executable
        render.arguments = ["render", "--data", study.path, "--out", outputs.out, "--quiet"]
        try render.run()
        Thread.sleep(forTimeInterval: delay)
        kill(render.processIdentifier, SIGKILL)
        render.waitUntilExit()
        let result = try Trialreport.run(["recover", "--out", outputs.out])
        #expect(result.status == 0, "\(result.standardError)")
        let recovered = FolderSnapshot.take(URL(fileURLWithPath: outputs.out))
        #expect(recovered == outputs.old || Self.isComplete(recovered), "\(recovered.keys.sorted())")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs.parent.path).sorted() == ["new", "out"])
    }

    /// A real kill at several moments of a `figures` run over previous figures, then `recover`:
    /// OUT/figures is the old set byte-identical or the complete new set, with no leftovers.
    @Test(arguments: [0.2, 0.6, 1.0, 1.5, 2.2])
    func aFiguresRunKilledAtAnyMomentLeavesTheOldOrTheNewSetComplete(afterSeconds delay: Double) throws {
        let study = try ExampleStudyCopy()
        let parent = try TemporaryStudy([:])
        let environment = ["SOURCE_DATE_EPOCH": "1751284800"]
        for (folder, dpi) in [("out", "72"), ("new", "96")] {
            let figures = try Trialreport.run(["figures", "--data", study.path, "--out", parent.path + "/" + folder, "--dpi", dpi],
                                              environment: environment)
            try #require(figures.status == 0, "\(figures.standardError)")
        }
        let old = FolderSnapshot.take(URL(fileURLWithPath: parent.path + "/out/figures"))
        let new = FolderSnapshot.take(URL(fileURLWithPath: parent.path + "/new/figures"))
        try #require(old != new && old.keys == new.keys)
        let figures = Process()
        figures.executableURL = Trialreport.executable
        figures.arguments = ["figures", "--data", study.path, "--out", parent.path + "/out", "--dpi", "96"]
        figures.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        try figures.run()
        Thread.sleep(forTimeInterval: delay)
        kill(figures.processIdentifier, SIGKILL)
        figures.waitUntilExit()
        let result = try Trialreport.run(["recover", "--out", parent.path + "/out"])
        #expect(result.status == 0, "\(result.standardError)")
        let recovered = FolderSnapshot.take(URL(fileURLWithPath: parent.path + "/out/figures"))
        #expect(recovered == old || recovered == new, "\(recovered.keys.sorted())")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path + "/out") == ["figures"])
    }

    /// Every file the manifest lists is there with its size and SHA-256.
    static func isComplete(_ output: [String: Data]) -> Bool {
        guard let manifest = output["manifest.json"],
              let object = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
              let files = object["files"] as? [[String: Any]], !files.isEmpty else { return false }
        return files.allSatisfy { entry in
            guard let path = entry["file"] as? String, let bytes = output[path] else { return false }
            return entry["bytes"] as? Int == bytes.count && entry["sha256"] as? String == Checksum.sha256(Array(bytes))
        }
    }
}
