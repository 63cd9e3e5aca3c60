import Foundation
@testable import TrialSimulation

/// The package checkout this test file belongs to.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh, empty temporary folder; remove it with `FileManager.default.removeItem(at:)`.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("TrialSimulationTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `design` into a fresh temporary folder and hands it to `body`, then removes it.
func withSimulatedStudy<Result>(
    _ design: StudySimulation.Design, _ body: (URL, SimulationSummary) throws -> Result
) throws -> Result {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let summary = try StudySimulation(design).write(to: directory)
    return try body(directory, summary)
}

/// A CSV file as this module writes it (no quoted fields), read row by row; a test-local
/// stand-in for the study-folder reader of TrialData.
struct SimpleTable {
    var header: [String]
    var rows: [[String: String]]

    init(contentsOf url: URL) throws {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        precondition(lines.last == "", "a CSV file ends with a newline")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        self.header = header
        rows = lines.dropFirst().dropLast().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            precondition(fields.count == header.count, "ragged row: \(line)")
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }
}
