import ArgumentParser
import Foundation
import TrialData

/// Reading one table into columns, to compare the SAS transport reader with the CSV reader on
/// the same data (Guides/TransportFiles.md, "Speed"). Prints the row count, then each timed
/// run's seconds and CPU seconds.
///
/// - `.xpt`: `TransportFile` (every variable into a column).
/// - `.csv`: `CSVFile` on one thread, every field into a column as the transport reader does:
///   the `--numeric` columns parsed as numbers, the others added to a `StringTable` per column.
/// - a study folder: `StudyData.load`, as `trialreport validate` reads it (two threads, checks).
struct TableReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "table", abstract: "Time reading one .xpt or .csv table, or a study folder.")

    @Argument(help: "An .xpt or .csv file, or a study folder.")
    var path: String

    @Option(help: "The CSV columns read as numbers, comma-separated.")
    var numeric = "AVISITN,AVAL"

    @Option var warmups = 1
    @Option var repetitions = 5

    func run() throws {
        let url = URL(fileURLWithPath: path)
        let read: () throws -> Int
        switch url.pathExtension {
        case "xpt": read = { try TransportFile(url: url, name: url.lastPathComponent).datasets.reduce(0) { $0 + $1.rowCount } }
        case "csv": read = { try Self.readCSV(url, numeric: Set(numeric.split(separator: ",").map(String.init))) }
        default: read = { try StudyData.load(from: url).measurements.count }
        }
        print("rows", try read())
        try printTimes(of: { _ = try read() }, warmups: warmups, repetitions: repetitions)
    }

    /// Every record of a CSV file read into columns; returns the number of records.
    private static func readCSV(_ url: URL, numeric: Set<String>) throws -> Int {
        let file = CSVFile(name: url.lastPathComponent, contents: try FileContents.reading(url, name: url.lastPathComponent))
        let isNumeric = file.header.map(numeric.contains)
        var numbers = isNumeric.map { _ in [Double]() }
        var codes = isNumeric.map { _ in [Int32]() }
        var levels = isNumeric.map { _ in StringTable() }
        var log = file.headerDiagnostics
        return file.forEachRecord(&log) { record, _ in
            for column in 0..<min(record.count, isNumeric.count) {
                if isNumeric[column] {
                    if case .number(let value) = record.number(column) { numbers[column].append(value) } else { numbers[column].append(.nan) }
                } else if record.isMissing(column) {
                    codes[column].append(-1)
                } else {
                    codes[column].append(Int32(record.withValueBytes(column) { levels[column].insert(bytes: $0).index }))
                }
            }
        }
    }
}
