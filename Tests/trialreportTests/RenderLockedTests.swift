import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport render` against the data lock (SPEC.md §6): `--locked` refuses a folder that is
/// not locked or no longer matches its lock; an unlocked render of changed data warns and
/// watermarks every page; a matching lock puts its hash and time into the outputs.
@Suite("trialreport render and the data lock")
struct RenderLockedTests {
    /// Changes one digit of line 20 of adlb.csv (P002, CPEPF, month 6).
    static func changeOneValue(in study: ExampleStudyCopy) throws {
        try VerifyCommandTests.edit(study, "adlb.csv") { bytes in
            let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
            let digit = lineStarts[20] - 1 - "x,pmol/L".count
            bytes[digit] = bytes[digit] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        }
    }

    /// A previous output folder holding one marker file and the manifest listing it.
    static func previousOutput() throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-out-\(UUID().uuidString)")
        try PreviousOutputFolder.write(["marker.txt": "previous"], in: output)
        return output.path
    }

    @Test func lockedRenderOfAMatchingFolderCarriesTheLockHashAndTime() throws {
        let study = try VerifyCommandTests.lockedStudy()
        let output = try Self.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--locked", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let lock = try String(contentsOfFile: study.path + "/trial.lock", encoding: .utf8)
        let hash = try #require(lock.firstMatch(of: /"lockHash": "([0-9a-f]{64})"/)?.1)
        let manifest = try String(contentsOfFile: output + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"lockHash\": \"\(hash)\""))
        let markdown = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(markdown.contains("**Data lock:** \(hash)"))
        #expect(markdown.contains("**Report date:** 2025-06-30"))
        #expect(!markdown.contains("DATA CHANGED SINCE LOCK"))
    }

    @Test func lockedRenderOfAChangedFolderExits65NamingTheParticipantAndKeepsThePreviousOutput() throws {
        let study = try VerifyCommandTests.lockedStudy()
        try Self.changeOneValue(in: study)
        let output = try Self.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--locked"])
        #expect(result.status == 65)
        #expect(result.standardError.contains("error: adlb.csv: changed since the lock: sha256 "))
        #expect(result.standardError.contains("error: adlb.csv:18: rows of participant USUBJID=P002 differ from the locked ones (20 rows)"))
        #expect(result.standardError.contains("--locked: the study folder does not match its lock"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == ["manifest.json", "marker.txt"])
    }

    @Test func lockedRenderOfAnUnlockedFolderExits65() throws {
        let study = try ExampleStudyCopy()
        let output = try Self.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--locked"])
        #expect(result.status == 65)
        #expect(result.standardError.contains("--locked: the study folder is not locked; lock it with `trialreport lock`"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == ["manifest.json", "marker.txt"])
    }

    @Test func unlockedRenderOfChangedDataWarnsAndWatermarksEveryPage() throws {
        let study = try VerifyCommandTests.lockedStudy()
        try Self.changeOneValue(in: study)
        let output = try Self.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("warning: adlb.csv:18: rows of participant USUBJID=P002 differ from the locked ones (20 rows)"))
        #expect(result.standardError.contains("DATA CHANGED SINCE LOCK"))
        let html = try String(contentsOfFile: output + "/report.html", encoding: .utf8)
        #expect(html.contains("<p class=\"lock-warning\" role=\"alert\"><strong>DATA CHANGED SINCE LOCK</strong>"))
        let markdown = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(markdown.contains("**DATA CHANGED SINCE LOCK:**"))
        let pages = try PDFTextPages.extract(output + "/report.pdf")
        #expect(pages.count > 3)
        // The footer of every page says so (the diagonal watermark's letters are not extracted in order).
        for page in pages { #expect(page.contains("(changed since lock)")) }
    }
}

/// The text of each page of a PDF, by `pdftotext` (poppler-utils, which `make test` installs).
enum PDFTextPages {
    static func extract(_ path: String) throws -> [Substring] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: true)
    }
}

/// Exact regeneration after the data lock (issue: data lock), and a render killed mid-way.
@Suite("trialreport render: regeneration and interruption")
struct RenderRegenerationTests {
    @Test func aLockedStudyRenderedTwiceIntoTwoFoldersGivesIdenticalManifests() throws {
        let study = try VerifyCommandTests.lockedStudy()
        let outputs = try (0..<2).map { _ in try RenderLockedTests.previousOutput() }
        defer { for output in outputs { try? FileManager.default.removeItem(atPath: output) } }
        for output in outputs {
            let result = try Trialreport.run(["render", "--data", study.path, "--out", output, "--locked", "--quiet"])
            try #require(result.status == 0, "\(result.standardError)")
        }
        let manifests = try outputs.map { try Data(contentsOf: URL(fileURLWithPath: $0 + "/manifest.json")) }
        #expect(manifests[0] == manifests[1])
        #expect(String(decoding: manifests[0], as: UTF8.self).contains("\"file\": \"report.pdf\""))
    }

    @Test(arguments: [0.3, 0.8, 1.3])
    func aRenderKilledMidwayLeavesThePreviousOutputAndTheNextRenderCleansUp(afterSeconds delay: Double) throws {
        let study = try ExampleStudyCopy()
        let output = try RenderLockedTests.previousOutput()
        let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: output).lastPathComponent
        defer { try? FileManager.default.removeItem(atPath: output) }
        let render = Process()
        render.executableURL = Trialreport.executable
        render.arguments = ["render", "--data", study.path, "--out", output, "--quiet"]
        try render.run()
        Thread.sleep(forTimeInterval: delay)
        kill(render.processIdentifier, SIGKILL)
        render.waitUntilExit()
        // Killed before the swap: the previous output; after it: a complete new one. Never a mix.
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(files.sorted() == ["manifest.json", "marker.txt"] || files.contains("report.pdf"), "\(files)")
        let again = try Trialreport.run(["render", "--data", study.path, "--out", output, "--quiet"])
        #expect(again.status == 0, "\(again.standardError)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix("." + name) }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
