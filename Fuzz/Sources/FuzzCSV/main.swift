import Foundation
import TrialData

/// One fuzz input is a whole study folder: the bytes are split at lines `====` into adsl.csv,
/// adlb.csv and, when present, adae.csv and adii.csv. Each part is first read alone by `CSVFile`
/// (every field as text and as a number, every location), then the folder is written to a
/// scratch directory and loaded and validated by `StudyData.load` — every other input keeping the
/// bytes and digesting the rows for a lock as they are read. Any outcome but a crash or a
/// sanitizer report is fine: errors are the expected answer to most inputs.
/// Constants as static members (initialized on first use: a fuzzer's main.swift top-level code
/// never runs, libFuzzer owns `main`).
private enum Study {
    static let separator = Array("\n====\n".utf8)
    static let names = [StudyData.FileName.participants, StudyData.FileName.measurements,
                        StudyData.FileName.adverseEvents, StudyData.FileName.insulinIndependence]
    static let scratch = URL(fileURLWithPath: "/dev/shm").appendingPathComponent("trialreport-fuzz-csv-\(getpid())")
}

private func parts(of bytes: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0, index = 0
    while index + Study.separator.count <= bytes.count, parts.count < Study.names.count - 1 {
        if bytes[index..<index + Study.separator.count].elementsEqual(Study.separator) {
            parts.append(Array(bytes[start..<index]) + [0x0A])
            index += Study.separator.count
            start = index
        } else {
            index += 1
        }
    }
    parts.append(Array(bytes[start...]))
    return parts
}

private func readEveryField(_ file: CSVFile) {
    var log = file.headerDiagnostics
    var fields: [(line: Int, field: Int)] = []
    for section in file.sections(count: 2, minimumSectionSize: 64) {
        _ = file.forEachRecord(in: section, &log) { record, _ in
            for index in 0..<record.count {
                _ = record.isMissing(index)
                _ = record.text(index)
                _ = record.optionalText(index)
                _ = record.number(index)
                if fields.count < 64 { fields.append((record.line, index)) }
            }
        }
    }
    _ = file.locations(of: fields)
    _ = log.diagnostics.map(\.description)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let files = parts(of: Array(UnsafeBufferPointer(start: data, count: count)))
    try? FileManager.default.removeItem(at: Study.scratch)
    try? FileManager.default.createDirectory(at: Study.scratch, withIntermediateDirectories: true)
    for (name, bytes) in zip(Study.names, files) {
        readEveryField(CSVFile(name: name, bytes: bytes))
        _ = FileManager.default.createFile(atPath: Study.scratch.appendingPathComponent(name).path, contents: Data(bytes))
    }
    if files.count >= 2 {
        do {
            let study = try StudyData.load(from: Study.scratch, keepingBytes: count % 2 == 0)
            _ = study.warnings.map(\.description)
        } catch {
            _ = error.diagnostics.map(\.description)
        }
    }
    return 0
}
