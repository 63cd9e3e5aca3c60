import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TrialReportTestSupport

/// The bad-input corpus (Corpus/, see `CorpusCase`): every case runs the built `trialreport` as a
/// child process and must end with its expected exit status and messages, leave the previous
/// output as it was, and never crash or write NaN.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    @Test func corpusHasAtLeastSixtyCases() throws {
        #expect(try CorpusCase.all().count >= 60)
    }

    @Test(arguments: try CorpusCase.all())
    func caseEndsAsExpected(_ corpusCase: CorpusCase) throws {
        let workspace = try CaseWorkspace(corpusCase)
        defer { workspace.remove() }
        let before = workspace.preserved.map(FolderSnapshot.take)
        let outsideBefore = try Data(contentsOf: workspace.outside)

        let run = try #require(corpusCase.value("run"), "expect.txt has no run line")
        let arguments = run.split(separator: " ").map { workspace.substituting(String($0)) }
        var environment: [String: String] = [:]
        for assignment in corpusCase.values("env") {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            environment[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let result = try Trialreport.run(arguments, environment: environment, workingDirectory: workspace.work)

        let expectedStatus = try #require(corpusCase.value("exit").flatMap { Int32($0) }, "expect.txt has no exit line")
        #expect(result.status == expectedStatus, "stderr: \(result.standardError.prefix(2_000))")
        for text in corpusCase.values("stderr") {
            #expect(result.standardError.contains(workspace.substituting(text)), "missing on stderr: \(text)\nstderr: \(result.standardError.prefix(2_000))")
        }
        for text in corpusCase.values("stderr-absent") {
            #expect(!result.standardError.contains(text), "unexpected on stderr: \(text)")
        }
        for text in corpusCase.values("stdout") {
            #expect(result.standardOutput.contains(text), "missing on stdout: \(text)\nstdout: \(result.standardOutput.prefix(2_000))")
        }
        if let limit = corpusCase.value("stderr-max-bytes").flatMap(Int.init) {
            #expect(result.standardError.utf8.count <= limit, "stderr has \(result.standardError.utf8.count) bytes")
        }
        if expectedStatus != 0 {
            // Usage errors (64) too: "error: The value '' is invalid for '--out <out>' …".
            #expect(result.standardError.contains("error: "), "a failure must say why on stderr")
        }

        switch corpusCase.value("output") {
        case "untouched":
            let preserved = try #require(workspace.preserved)
            #expect(FolderSnapshot.take(preserved) == before, "the previous output changed")
            #expect(Self.leftovers(beside: workspace.output).isEmpty, "temporary folders left: \(Self.leftovers(beside: workspace.output))")
        case "written":
            #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("report.md").path))
            #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("marker.txt").path),
                    "the old output must be replaced as a whole")
            #expect(Self.leftovers(beside: workspace.output).isEmpty, "temporary folders left: \(Self.leftovers(beside: workspace.output))")
        default:
            break
        }
        if corpusCase.value("preserved") == "untouched" {
            let preserved = try #require(workspace.preserved)
            #expect(FolderSnapshot.take(preserved) == before, "the folder the output link pointed to changed")
        }
        if corpusCase.value("outside-untouched") == "yes" {
            #expect(try Data(contentsOf: workspace.outside) == outsideBefore, "a file outside the output folder changed")
        }
        try checkOutputs(corpusCase, in: workspace.output)
    }

    /// `no-nan`, `contains`, `lacks` and `xml` checks on files under the output folder.
    private func checkOutputs(_ corpusCase: CorpusCase, in output: URL) throws {
        for file in corpusCase.values("no-nan") {
            let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            let found = NonFinite.words(in: text)
            #expect(found.isEmpty, "\(file) shows \(found.prefix(5))")
        }
        for (file, text) in corpusCase.pairs("contains") {
            let content = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            #expect(content.contains(text), "\(file) does not contain \(text)")
        }
        for (file, text) in corpusCase.pairs("lacks") {
            let content = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            #expect(!content.contains(text), "\(file) contains \(text)")
        }
        for file in corpusCase.values("xml") {
            let data = try Data(contentsOf: output.appendingPathComponent(file))
            #expect(throws: Never.self, "\(file) is not well-formed XML") { _ = try XMLDocument(data: data) }
        }
    }

    /// Dot-folders a render leaves beside its output folder (`.NAME.render-PID`, `.NAME.previous-PID`).
    static func leftovers(beside output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix("." + output.lastPathComponent + ".") }
    }
}

/// NaN and infinity as a program would print them (`nan`, `NaN`, `inf`, `-inf`, `Infinity`), as
/// whole words so that "infection" or "Infusion" do not count.
enum NonFinite {
    static let spellings: Set<String> = ["nan", "NaN", "NAN", "inf", "Inf", "INF", "infinity", "Infinity"]

    /// Each whole word of `text` that spells NaN or infinity, with a little context before it.
    static func words(in text: String) -> [String] {
        text.matches(of: /[A-Za-z]+/).compactMap { match in
            guard spellings.contains(String(match.output)) else { return nil }
            let start = text.index(match.range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
            return String(text[start..<match.range.upperBound])
        }
    }
}
