import Foundation
import Testing
@testable import TrialData

/// `TransportFile` against files written by haven (R), pyreadstat (Python) and by hand
/// (Fixtures/Transport/make-fixtures.R and make-fixtures.py, which also write the values each
/// file should read as).
@Suite("Reading SAS transport (XPT v5) files")
struct TransportFileTests {
    @Test(arguments: ["haven-values", "pyreadstat-values", "short-numerics", "two-members"])
    func everyValueReadsAsTheWriterWroteIt(_ fixture: String) throws {
        let datasets = try TransportFixture.read(fixture).datasets
        let expected = try TransportFixture.expectations(fixture)
        #expect(datasets.map(\.name) == expected.map(\.name))
        for (dataset, expectedDataset) in zip(datasets, expected) {
            #expect(dataset.label == expectedDataset.label)
            #expect(dataset.columns.map(\.name) == expectedDataset.variables.map(\.name))
            for (column, variable) in zip(dataset.columns, expectedDataset.variables) {
                #expect(column.label == variable.label, "\(column.name)")
                if let format = variable.format { #expect(column.format == format, "\(column.name)") }
                switch column.values {
                case .numbers(let numbers):
                    let wanted = try #require(variable.numbers, "\(column.name) should be text")
                    #expect(numbers.count == dataset.rowCount)
                    #expect(numbers.map(TransportFixture.describe) == wanted.map(\.description), "\(column.name)")
                case .text(let codes, let levels):
                    let wanted = try #require(variable.texts, "\(column.name) should be numeric")
                    #expect(codes.count == dataset.rowCount)
                    #expect(codes.map { $0 < 0 ? nil : levels[Int($0)] } == wanted, "\(column.name)")
                }
            }
        }
    }

    @Test func aDatasetWithoutObservationsHasItsVariablesAndNoRows() throws {
        let dataset = try #require(TransportFixture.read("haven-empty").datasets.first)
        #expect(dataset.name == "EMPTY")
        #expect(dataset.rowCount == 0)
        #expect(dataset.columns.map(\.name) == ["AGE", "ARM"])
        guard case .numbers(let ages) = dataset.columns[0].values, case .text(let codes, _) = dataset.columns[1].values else {
            Issue.record("AGE should be numeric and ARM text")
            return
        }
        #expect(ages.isEmpty && codes.isEmpty)
    }

    @Test func specialMissingValuesKeepTheirLetter() throws {
        let dataset = try #require(TransportFixture.read("haven-values").datasets.first)
        guard case .numbers(let numbers) = try #require(dataset.column(named: "NUM")).values else {
            Issue.record("NUM should be numeric")
            return
        }
        let missing = numbers.suffix(4)
        #expect(missing.allSatisfy { $0.isNaN })
        #expect(missing.map { SASMissingValue($0)?.description } == [".", ".A", ".Z", "._"])
        #expect(SASMissingValue(Double.nan) == nil)
        #expect(SASMissingValue(1.5) == nil)
    }

    @Test func aValuesLocationIsItsRecordAndByte() throws {
        // haven-values: 8 header records, 6 of NAMESTRs (3 × 140 bytes), the OBS header; then
        // observations of NUM (8 bytes), COUNT (8) and TEXT (200) from byte 1200 (record 16).
        let dataset = try #require(TransportFixture.read("haven-values").datasets.first)
        #expect(dataset.location(row: 0, column: 0) == SourceLocation(file: "haven-values.xpt", line: 16, column: 1))
        // Row 2, TEXT: 1200 + 2 × 216 + 16 = 1648 = record 21 (from byte 1600), byte 49.
        #expect(dataset.location(row: 2, column: 2) == SourceLocation(file: "haven-values.xpt", line: 21, column: 49))
    }

    @Test func textThatIsNotUTF8IsReadAsWindows1252() throws {
        var bytes = try TransportFixture.bytes("haven-values")
        // "µmol/L" in UTF-8 (C2 B5) becomes Windows-1252 (B5), then "’" (0x92) and a blank.
        let utf8 = Array("\u{b5}mol/L".utf8)
        let start = try #require(TransportFixture.firstIndex(of: utf8, in: bytes))
        bytes.replaceSubrange(start..<(start + utf8.count), with: [0xB5] + Array("mol/L".utf8) + [0x92])
        let dataset = try #require(TransportFile(contents: FileContents(bytes), name: "t.xpt").datasets.first)
        guard case .text(let codes, let levels) = try #require(dataset.column(named: "TEXT")).values else {
            Issue.record("TEXT should be text")
            return
        }
        #expect(levels[Int(codes[6])] == "\u{b5}mol/L\u{2019}")
    }
}

/// Fixture files and their expectations.
enum TransportFixture {
    struct Dataset: Decodable {
        let name: String
        let label: String
        let variables: [Variable]
    }

    struct Variable: Decodable {
        let name: String
        let label: String
        let format: String?
        let numbers: [Number]?
        let texts: [String?]?
    }

    /// A hexadecimal float, or a missing value by its tag.
    enum Number: Decodable, CustomStringConvertible {
        case value(String)
        case missing(String)

        private enum Keys: String, CodingKey { case missing }

        init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = .value(text)
            } else {
                self = .missing(try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .missing))
            }
        }

        /// The number's exact bits, or the missing value as SAS writes it.
        var description: String {
            switch self {
            case .value(let text): "bits " + String(Double(text)!.bitPattern, radix: 16)
            case .missing(let tag): tag == "." ? "." : "." + tag
            }
        }
    }

    static func url(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/Transport"))
    }

    static func read(_ name: String) throws -> TransportFile {
        try TransportFile(url: url(name, "xpt"), name: "\(name).xpt")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: url(name, "xpt")))
    }

    static func expectations(_ name: String) throws -> [Dataset] {
        let data = try Data(contentsOf: url(name, "json"))
        if let several = try? JSONDecoder().decode([Dataset].self, from: data) { return several }
        return [try JSONDecoder().decode(Dataset.self, from: data)]
    }

    /// A number read as its exact bits, a missing value as SAS writes it.
    static func describe(_ number: Double) -> String {
        if let missing = SASMissingValue(number) { return missing.description }
        return "bits " + String(number.bitPattern, radix: 16)
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
