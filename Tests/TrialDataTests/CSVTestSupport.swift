import Foundation
@testable import TrialData

/// Calls `body` with a temporary .csv file holding `bytes`, removed afterwards.
func withTemporaryFile(_ bytes: [UInt8], _ body: (URL) throws -> Void) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("contents-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url)
}

/// What reading a CSV text gives: the header, each data record's cells (missing cells as
/// `nil`, damaged records left out) and the diagnostics as a user sees them.
struct CSVReading {
    var header: [String]
    var rows: [[String?]]
    var lines: [Int]
    var problems: [String]

    init(_ bytes: [UInt8], name: String = "t.csv") {
        let file = CSVFile(name: name, bytes: bytes)
        var log = file.headerDiagnostics
        var rows: [[String?]] = []
        var lines: [Int] = []
        file.forEachRecord(&log) { record, _ in
            guard !record.isDamaged else { return }
            rows.append((0..<record.count).map(record.optionalText))
            lines.append(record.line)
        }
        header = file.header
        self.rows = rows
        self.lines = lines
        problems = log.diagnostics.map(\.description)
    }

    init(_ text: String, name: String = "t.csv") {
        self.init(Array(text.utf8), name: name)
    }
}
