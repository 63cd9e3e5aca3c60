import Foundation
import Synchronization
import Testing
@testable import TrialReport
import TrialAnalysis
import TrialData

/// An analysis stage that returns the sample results.
struct SampleAnalysis: StudyAnalyzing {
    func analyze(dataDirectory: URL, planFile: URL?) throws(TrialReportError) -> AnalysedStudy {
        AnalysedStudy(results: DocumentSamples.results(), plan: AnalysisPlan(), planSource: "the built-in plan", warnings: [])
    }
}

/// A figures stage that returns the sample figure.
struct SampleFigures: FigureMaking {
    func figures(results: Results, plan: AnalysisPlan) -> [ReportFigure] { [DocumentSamples.figure()] }
}

/// Work that blocks (on a folder's lock) run on a thread of its own: as a task it would hold one of
/// the test pool's few threads, and two such tests at once left no thread to release the lock.
final class BlockingThread<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            result = Result(catching: body)
            done.signal()
        }
    }

    /// What `body` returned or threw, once it has.
    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}

@Suite("Render pipeline")
struct RenderPipelineTests {
    let scratch: ScratchFolder
    let data: URL
    let renderer = ReportRenderer(analysis: SampleAnalysis(), figures: SampleFigures())

    init() throws {
        scratch = try ScratchFolder()
        data = scratch.url.appendingPathComponent("study")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    }

    func options(_ output: String, templates: URL = DocumentSamples.templatesDirectory) -> RenderOptions {
        RenderOptions(dataDirectory: data, outputDirectory: scratch.url.appendingPathComponent(output),
                      templatesDirectory: templates, environment: [:])
    }

    func files(in folder: URL) throws -> [String: Data] {
        let manager = FileManager.default
        var result: [String: Data] = [:]
        for case let path as String in manager.enumerator(atPath: folder.path)! {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    @Test func writesEveryOutputFile() throws {
        let summary = try renderer.render(options("out"))
        #expect(summary.files.contains("report.pdf") && summary.files.contains("report.html") && summary.files.contains("report.md"))
        #expect(summary.files.contains("results.json") && summary.files.contains("manifest.json") && summary.files.contains("ard.csv"))
        #expect(summary.files.contains("tables/primary-endpoint.csv") && summary.files.contains("figures/remission-rates.svg"))
        #expect(try Set(files(in: scratch.url.appendingPathComponent("out")).keys) == Set(summary.files))
    }

    @Test func twoRendersIntoTwoFoldersAreByteIdentical() throws {
        _ = try renderer.render(options("first"))
        _ = try renderer.render(options("second"))
        #expect(try files(in: scratch.url.appendingPathComponent("first")) == files(in: scratch.url.appendingPathComponent("second")))
    }

    @Test func sourceDateEpochSetsTheDate() throws {
        var options = options("dated")
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        _ = try renderer.render(options)
        let markdown = try String(contentsOf: options.outputDirectory.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("**Report date:** 2023-11-14"))
    }

    @Test func anUnlockedRenderIsADraftDatedTheDayOfTheRenderAtMidnightUTC() throws {
        let options = options("today")
        let before = Date()
        _ = try renderer.render(options)
        let days = Set([before, Date()].map { ReportDate(secondsSince1970: Int64($0.timeIntervalSince1970)).day })
        let markdown = try String(contentsOf: options.outputDirectory.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(days.contains { markdown.contains("**Report date:** \($0)") }, "\(days)")
        #expect(markdown.contains("**Data lock:** draft — data not locked"))
        let pdf = try String(decoding: Data(contentsOf: options.outputDirectory.appendingPathComponent("report.pdf")), as: UTF8.self)
        #expect(days.contains { pdf.contains("/CreationDate (\($0.replacingOccurrences(of: "-", with: ""))000000") }, "\(days)")
        #expect(try PDFText.extract(Array(Data(contentsOf: options.outputDirectory.appendingPathComponent("report.pdf"))))
            .contains("Data lock: draft — data not locked"))
    }

    @Test func tlfCellsLaidOutByTwoThreadsGiveTheSameFiles() throws {
        var alone = options("alone"), shared = options("shared")
        alone.environment = ["SOURCE_DATE_EPOCH": "946684800"]
        shared.environment = alone.environment
        _ = try renderer.render(alone)
        var sharing = renderer
        sharing.tlfCellsSharedFrom = 0
        _ = try sharing.render(shared)
        let files = try [alone, shared].map { try self.files(in: $0.outputDirectory) }
        #expect(files[0].keys.sorted() == files[1].keys.sorted())
        try #require(files[0]["tlf.pdf"] != nil)
        for (path, bytes) in files[0] {
            #expect(bytes == files[1][path], "\(path)")
        }
    }

    /// The free memory is handed back once, by the writing thread while it waits for the PDFs:
    /// before the render returns, not on the render's own thread, and the files are the same.
    @Test func freeMemoryIsReleasedOnceByTheWritingThread() throws {
        var plain = options("plain"), releasing = options("releasing")
        plain.environment = ["SOURCE_DATE_EPOCH": "946684800"]
        releasing.environment = plain.environment
        _ = try renderer.render(plain)
        let callers = Mutex<[pthread_t]>([])
        var releaser = renderer
        releaser.releaseFreeMemory = { callers.withLock { $0.append(pthread_self()) } }
        _ = try releaser.render(releasing)
        let seen = callers.withLock { $0 }
        #expect(seen.count == 1 && seen.first != pthread_self())
        let files = try [plain, releasing].map { try self.files(in: $0.outputDirectory) }
        #expect(files[0] == files[1])
    }

    @Test func sourceDateEpochChangesOnlyTheDates() throws {
        var first = options("fixed")
        first.environment = ["SOURCE_DATE_EPOCH": "946684800"]  // 2000-01-01T00:00:00Z
        _ = try renderer.render(first)
        var dated = options("dated")
        dated.environment = ["SOURCE_DATE_EPOCH": "1700000000"]  // 2023-11-14T22:13:20Z
        _ = try renderer.render(dated)
        let fixed = try files(in: scratch.url.appendingPathComponent("fixed"))
        let other = try files(in: dated.outputDirectory)
        #expect(fixed.keys.sorted() == other.keys.sorted())
        /// The bytes with every form of the date (PDF metadata, report text) turned into the fixed one.
        func undated(_ data: Data) -> String {
            String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: "20231114221320", with: "20000101000000")
                .replacingOccurrences(of: "2023-11-14", with: "2000-01-01")
        }
        let documents = ["report.pdf", "tlf.pdf"]  // dates typeset in their text: compared as text below
        for (path, bytes) in fixed where !documents.contains(path) && path != "manifest.json" && !path.hasSuffix(".docx") {
            #expect(undated(bytes) == undated(other[path] ?? Data()), "\(path)")
        }
        // A Word document's XML is deflated: compare what its entries hold.
        for path in fixed.keys where path.hasSuffix(".docx") {
            let entries = try [scratch.url.appendingPathComponent("fixed"), dated.outputDirectory].map { folder in
                try TLFDOCXTests.run("/usr/bin/unzip", ["-p", folder.appendingPathComponent(path).path])
                    .replacingOccurrences(of: "2023-11-14T22:13:20", with: "2000-01-01T00:00:00")  // document properties
            }
            #expect(undated(Data(entries[0].utf8)) == undated(Data(entries[1].utf8)), "\(path)")
        }
        for document in documents {
            let pages = try [fixed, other].map { try PDFText.extract(Array($0[document] ?? Data())) }
            #expect(undated(Data(pages[0].utf8)) == undated(Data(pages[1].utf8)), "\(document)")
            #expect(pages[0] != pages[1], "\(document)")
        }
    }

    @Test func headlineNumbersAgreeInResultsJSONAndAllThreeFormats() throws {
        let options = options("out")
        _ = try renderer.render(options)
        let folder = options.outputDirectory
        let results = try Results(jsonData: Data(contentsOf: folder.appendingPathComponent("results.json")))
        let treatment = try #require(results.remission?.overall.byArm[0])
        let headline = "\(treatment.responders)/\(treatment.n) (\(Display.percentage(treatment.rate)))"
        let p = try #require(Display.pValue(results.remission?.overall.pValue))
        let pdf = try PDFText.extract(Array(Data(contentsOf: folder.appendingPathComponent("report.pdf"))))
        for text in [try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8),
                     try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8), pdf] {
            #expect(text.contains(headline))
            #expect(text.contains("p = " + p))
        }
        for section in ["Summary", "Methods", "Participant flow", "Baseline characteristics", "Primary endpoint",
                        "Secondary endpoints", "Insulin independence", "Predictors of remission", "Safety", "Appendix"] {
            #expect(pdf.contains(section), "\(section)")
        }
    }

    @Test func badTemplateLeavesThePreviousOutputUntouchedAndNoTemporaryFolder() throws {
        _ = try renderer.render(options("out"))
        let before = try files(in: scratch.url.appendingPathComponent("out"))
        let templates = try scratch.templatesCopy()
        try "{{#unclosed}}\n".write(to: templates.appendingPathComponent("partials/safety.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: TrialReportError.self) { _ = try renderer.render(options("out", templates: templates)) }
        #expect(try files(in: scratch.url.appendingPathComponent("out")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }

    @Test func unknownTableInATemplateFailsWithoutTouchingTheOutput() throws {
        let templates = try scratch.templatesCopy()
        try "## Extra\n\n[[table:no-such-table]]\n".write(to: templates.appendingPathComponent("partials/safety.mustache"),
                                                       atomically: true, encoding: .utf8)
        #expect {
            _ = try renderer.render(options("out", templates: templates))
        } throws: { error in
            (error as? TrialReportError)?.diagnostics.first?.message == "no table named 'no-such-table'"
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
    }

    @Test func outputInsideTheDataFolderIsRefused() throws {
        var options = options("unused")
        options.outputDirectory = data.appendingPathComponent("output")
        #expect {
            _ = try renderer.render(options)
        } throws: { error in
            (error as? TrialReportError)?.kind == .cannotWrite
        }
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory.path))
    }

    @Test func previousOutputLeftAsideByAKilledRenderIsRestored() throws {
        _ = try renderer.render(options("out"))
        let out = scratch.url.appendingPathComponent("out")
        let aside = scratch.url.appendingPathComponent(".out.previous-99999")
        try FileManager.default.moveItem(at: out, to: aside)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent(".out.render-99999"), withIntermediateDirectories: false)
        _ = try OutputFolder(destination: out).discard()
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func aSecondRenderWaitsUntilTheFirstHasReplacedTheOutput() async throws {
        let out = scratch.url.appendingPathComponent("out")
        var first: OutputFolder? = try OutputFolder(destination: out)
        try first?.write(Array("first".utf8), to: "who.txt")
        let second = BlockingThread { () throws -> String in
            let folder = try OutputFolder(destination: out)  // blocks while `first` holds the lock
            let previous = try String(contentsOf: out.appendingPathComponent("who.txt"), encoding: .utf8)
            folder.discard()
            return previous
        }
        try await Task.sleep(for: .milliseconds(300))
        try first?.commit()
        first = nil  // releases the lock
        #expect(try second.value() == "first")
    }

    @Test func aFiguresRunIntoAnOutputWaitsForARenderIntoItAndWritesIntoItsNewOutput() async throws {
        let out = scratch.url.appendingPathComponent("out")
        var render: OutputFolder? = try OutputFolder(destination: out)
        try render?.write(Array("render".utf8), to: "who.txt")
        let figures = BlockingThread { () throws -> [String] in
            // The figures folder inside `out`: blocks while `render` holds the lock on out's parent.
            try OutputFolder(destination: out.appendingPathComponent("figures"), in: out, carrying: .everyFile)
                .replace(with: [("consort.pdf", Array("figure".utf8))])
            return try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        }
        try await Task.sleep(for: .milliseconds(300))
        try render?.commit()
        render = nil  // releases the lock
        #expect(try figures.value() == ["figures", "who.txt"])
        #expect(try String(contentsOf: out.appendingPathComponent("figures/consort.pdf"), encoding: .utf8) == "figure")
    }

    @Test func aFiguresFolderReplacedKeepsTheFilesNotWrittenAgainAndLeavesNoLeftovers() throws {
        let out = scratch.url.appendingPathComponent("out"), figures = out.appendingPathComponent("figures")
        try OutputFolder(destination: figures, in: out, carrying: .everyFile)
            .replace(with: [("consort.pdf", Array("old".utf8)), ("consort.png", Array("old".utf8))])
        try OutputFolder(destination: figures, in: out, carrying: .everyFile).replace(with: [("consort.png", Array("new".utf8))])
        #expect(try files(in: figures) == ["consort.pdf": Data("old".utf8), "consort.png": Data("new".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["figures"])
    }

    @Test func aStagedReplaceWritesEachStageAfterTheOnesBeforeAndAFailingStageLeavesTheOutputAsItWas() throws {
        let out = scratch.url.appendingPathComponent("out")
        // Each stage runs once the files before it are in the temporary folder beside `out`.
        let staging = { (path: String) in
            (try? FileManager.default.contentsOfDirectory(atPath: self.scratch.url.path))?.contains { name in
                name != "out" && FileManager.default.fileExists(atPath: self.scratch.url.appendingPathComponent(name)
                    .appendingPathComponent(path).path)
            } ?? false
        }
        var seen: [Bool] = []
        let second: () throws(TrialReportError) -> [(String, [UInt8])] = {
            seen.append(staging("a.txt"))
            return [("b/b.txt", Array("b".utf8))]
        }
        let third: () throws(TrialReportError) -> [(String, [UInt8])] = {
            seen.append(staging("b/b.txt"))
            return [("c.txt", Array("c".utf8))]
        }
        // (An output folder holds its lock until it is released: used once, each in one statement.)
        try OutputFolder(destination: out).replace(with: [("a.txt", Array("a".utf8))], then: [second, third])
        #expect(seen == [true, true])
        let written = ["a.txt": Data("a".utf8), "b/b.txt": Data("b".utf8), "c.txt": Data("c".utf8)]
        #expect(try files(in: out) == written)

        let more: () throws(TrialReportError) -> [(String, [UInt8])] = { [("d.txt", Array("d".utf8))] }
        let stopped = TrialReportError(.other, at: SourceLocation(file: "d.txt"), "stopped")
        let failing = { () throws(TrialReportError) -> [(String, [UInt8])] in throw stopped }
        #expect(throws: TrialReportError.self) {
            try OutputFolder(destination: out).replace(with: [("a.txt", Array("new".utf8))], then: [more, failing])
        }
        #expect(try files(in: out) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func manifestListsEveryOtherFileWithItsHash() throws {
        let summary = try renderer.render(options("out"))
        let manifest = try String(contentsOf: scratch.url.appendingPathComponent("out/manifest.json"), encoding: .utf8)
        for file in summary.files where file != "manifest.json" { #expect(manifest.contains("\"file\": \"\(file)\"")) }
        #expect(manifest.contains("\"lockHash\": null"))
        #expect(manifest.contains("\"file\": \"ard.csv\""))
    }
}
