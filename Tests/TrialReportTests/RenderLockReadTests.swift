import Foundation
import Testing
import TrialAnalysis
import TrialData
@testable import TrialReport

/// A locked copy of the bundled example study, with a copy of its adlb.csv in which one value
/// differs (line 20: P002, CPEPF, month 6), removed when released.
final class LockedExampleStudy {
    let scratch: ScratchFolder
    let data: URL
    let lockedAdlb: Data
    let changedAdlb: Data
    let lock: TrialLock

    static var example: URL {
        DocumentSamples.templatesDirectory.deletingLastPathComponent().appendingPathComponent("examples/uc-msc-t1d")
    }

    init() throws {
        scratch = try ScratchFolder()
        data = scratch.url.appendingPathComponent("study")
        try FileManager.default.copyItem(at: Self.example, to: data)
        lock = try TrialLock.write(dataDirectory: data, planFile: data.appendingPathComponent("study.yaml"),
                                   templatesDirectory: DocumentSamples.templatesDirectory,
                                   lockedAt: Date(timeIntervalSince1970: 1_751_284_800), lockedBy: "dm", note: nil,
                                   replacing: false, validated: [])
        lockedAdlb = try Data(contentsOf: data.appendingPathComponent("adlb.csv"))
        var bytes = [UInt8](lockedAdlb)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        let digit = lineStarts[20] - 1 - "x,pmol/L".count
        bytes[digit] = bytes[digit] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        changedAdlb = Data(bytes)
    }

    var adlb: URL { data.appendingPathComponent("adlb.csv") }

    func options(output: String, requireLock: Bool = true) -> RenderOptions {
        RenderOptions(dataDirectory: data, outputDirectory: scratch.url.appendingPathComponent(output),
                      templatesDirectory: DocumentSamples.templatesDirectory, requireLock: requireLock, environment: [:])
    }
}

/// The real analysis stage, with adlb.csv replaced by another program just before it reads the
/// folder and, when `restore`, put back once it has read it: a file changed between a lock check
/// made on its own read and the analysis.
struct ReplacingAnalysis: StudyAnalyzing {
    let adlb: URL
    let changed: Data
    /// The bytes to put back once read, if any.
    let restored: Data?

    init(_ study: LockedExampleStudy, restore: Bool) {
        (adlb, changed, restored) = (study.adlb, study.changedAdlb, restore ? study.lockedAdlb : nil)
    }

    func analyze(dataDirectory: URL, planFile: URL?) throws(TrialReportError) -> AnalysedStudy {
        try? changed.write(to: adlb)
        let analysed = try StudyFolderAnalysis().analyze(dataDirectory: dataDirectory, planFile: planFile)
        if let restored { try? restored.write(to: adlb) }
        return analysed
    }
}

@Suite("render: the lock is checked against the bytes analysed")
struct RenderLockReadTests {
    @Test(arguments: [false, true])
    func aFileReplacedBeforeTheAnalysisReadsItIsRefusedByALockedRender(restoredAfterwards: Bool) throws {
        let study = try LockedExampleStudy()
        let renderer = ReportRenderer(analysis: ReplacingAnalysis(study, restore: restoredAfterwards), figures: nil)
        let error = #expect(throws: TrialReportError.self) { _ = try renderer.render(study.options(output: "out")) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.diagnostics.first?.description.hasPrefix("error: adlb.csv: changed since the lock: sha256 ") == true)
        #expect(!FileManager.default.fileExists(atPath: study.scratch.url.appendingPathComponent("out").path))
    }

    @Test func anUnlockedRenderOfBytesReplacedBeforeTheAnalysisIsWatermarked() throws {
        let study = try LockedExampleStudy()
        let renderer = ReportRenderer(analysis: ReplacingAnalysis(study, restore: true), figures: nil)
        let summary = try renderer.render(study.options(output: "out", requireLock: false))
        #expect(summary.warnings.contains { $0.message.contains(ReportProvenance.changedWarning) })
        let results = try Results(jsonData: Data(contentsOf: summary.outputDirectory.appendingPathComponent("results.json")))
        #expect(results.inputs.first { $0.file == "adlb.csv" }?.sha256 == Checksum.sha256([UInt8](study.changedAdlb)))
    }

    @Test func aLockedRenderReportsTheLockedBytesItAnalysed() throws {
        let study = try LockedExampleStudy()
        let summary = try ReportRenderer(analysis: StudyFolderAnalysis(), figures: nil).render(study.options(output: "out"))
        let results = try Results(jsonData: Data(contentsOf: summary.outputDirectory.appendingPathComponent("results.json")))
        #expect(results.inputs.map { LockedFile(path: $0.file, sha256: $0.sha256, byteCount: $0.bytes) } == study.lock.contents.inputs)
    }
}
