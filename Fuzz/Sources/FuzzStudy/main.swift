import Foundation
import TrialAnalysis
import TrialData
import TrialReport

/// One fuzz input is a study.yaml, then (after the first NUL byte, if any) lines added to the
/// bundled example's adlb.csv: the plan is read, then the data are read and checked against it,
/// then every analysis is run and every figure of the plan laid out. Each input must end with
/// results or diagnostics — never a crash, a hang or unbounded memory — and every figure must fit
/// Cairo's 32,767-pixel limit at 300 dpi.
/// Constants as static members (initialized on first use: a fuzzer's main.swift top-level code
/// never runs, libFuzzer owns `main`).
private enum Study {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../examples/uc-msc-t1d")
    static let csvFiles = ["adsl.csv", "adlb.csv", "adae.csv", "adii.csv"].map { name in
        (name, try! Data(contentsOf: example.appendingPathComponent(name)))
    }
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-study-\(getpid())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStudy(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: count).split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    try? (parts.first.map { Data($0) } ?? Data()).write(to: Study.folder.appendingPathComponent("study.yaml"))
    for (name, contents) in Study.csvFiles {
        let added = name == "adlb.csv" && parts.count > 1 ? Data(parts[1]) : Data()
        try? (contents + added).write(to: Study.folder.appendingPathComponent(name))
    }
    do {
        let input = try StudyInput.load(from: Study.folder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        _ = results.jsonData()
        let figures = TrialFigures(results: results, plan: input.plan.plan)
        for name in figures.names {
            let pixels = figures.build(name).canvas(dpi: 300).pixelSize
            precondition(pixels.width <= 32_767 && pixels.height <= 32_767, "\(name) is \(pixels) pixels at 300 dpi")
        }
    } catch {
        _ = error.diagnostics.map(\.description)
    }
    return 0
}
