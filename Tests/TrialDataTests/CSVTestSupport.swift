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

/// The records of `text` as the scanner reads them one at a time (`CSVScanner.nextPlainRecord`, else
/// `nextRecord`): whether each was plain, and its fields as written.
func scannedRecords(_ text: [UInt8]) -> [(plain: Bool, fields: [[UInt8]])] {
    var records: [(plain: Bool, fields: [[UInt8]])] = []
    var log = DiagnosticLog(file: "t.csv", limit: 0)
    text.withUnsafeBufferPointer { bytes in
        CSVFile.withScanner(bytes, "t.csv", from: 0, line: 1, lineStart: 0) { scanner in
            while true {
                let plain = scanner.nextPlainRecord()
                guard plain || scanner.nextRecord(&log) else { break }
                records.append((plain, scanner.fields.map { Array(bytes[$0.start..<$0.end]) }))
            }
        }
    }
    return records
}
