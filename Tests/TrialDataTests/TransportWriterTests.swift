import Foundation
import Testing
@testable import TrialData

/// `TransportWriter` and `TransportObservationBuffer`: the observations haven writes, byte for byte,
/// and files that `TransportFile` reads back as written.
@Suite("Writing SAS transport (XPT v5) files")
struct TransportWriterTests {
    /// The observation bytes of a one-dataset file: after the OBS header to the end.
    private func observationBytes(_ bytes: [UInt8]) throws -> ArraySlice<UInt8> {
        let header = Array("HEADER RECORD*******OBS     HEADER RECORD".utf8)
        let start = try #require(stride(from: 0, to: bytes.count, by: 80).first { Array(bytes[$0..<($0 + header.count)]) == header })
        return bytes[(start + 80)...]
    }

    @Test func theObservationsOfHavensFileAreWrittenByteForByte() throws {
        let dataset = try #require(TransportFixture.read("haven-values").datasets.first)
        var observations = TransportObservationBuffer()
        for row in 0..<dataset.rowCount {
            for column in dataset.columns {
                switch column.values {
                case .numbers(let numbers): observations.append(number: numbers[row])
                case .text(let codes, let levels): observations.append(text: codes[row] < 0 ? "" : levels[Int(codes[row])], length: column.length)
                }
            }
        }
        let written = observations.bytes + TransportWriter.padding(after: observations.bytes.count)
        #expect(ArraySlice(written) == (try observationBytes(TransportFixture.bytes("haven-values"))))
    }

    @Test func aWrittenFileReadsBackAsWritten() throws {
        let variables: [TransportVariable] = [
            .text("USUBJID", label: "Unique Subject Identifier", length: 6),
            .number("AVAL", label: "Analysis Value"),
            .text("PARAM", label: "Parameter (a label cut at 40 bytes: ……………)", length: 5),
        ]
        let numbers: [Double?] = [0, -0.0, 1, -2.5, 0.1, 1e-78, -7e75, 123456789.123456789, .pi, nil,
                                  SASMissingValue(tagByte: UInt8(ascii: "A"))!.value, 1e-300, 1e80]
        let texts = ["a", "", "12345", "123456", "é€é", "x"]
        var observations = TransportObservationBuffer()
        for (index, number) in numbers.enumerated() {
            observations.append(text: "P\(index)", length: 6)
            observations.append(number: number)
            observations.append(text: texts[index % texts.count], length: 5)
        }
        let bytes = TransportWriter.header(member: "ADLB", label: "Laboratory", variables: variables)
            + observations.bytes + TransportWriter.padding(after: observations.bytes.count)
        #expect(bytes.count % 80 == 0)
        let dataset = try #require(try TransportFile(contents: FileContents(bytes), name: "adlb.xpt").datasets.first)
        #expect(dataset.name == "ADLB" && dataset.label == "Laboratory" && dataset.rowCount == numbers.count)
        #expect(dataset.columns.map(\.name) == ["USUBJID", "AVAL", "PARAM"])
        #expect(dataset.columns.map(\.label) == ["Unique Subject Identifier", "Analysis Value", "Parameter (a label cut at 40 bytes: …"])
        guard case .numbers(let read) = dataset.columns[1].values, case .text(let codes, let levels) = dataset.columns[2].values else {
            Issue.record("AVAL should be numeric and PARAM text")
            return
        }
        // Every double in the IBM range reads back exactly, with its sign; beyond it, zero or missing.
        let expected: [Double?] = [0, -0.0, 1, -2.5, 0.1, 1e-78, -7e75, 123456789.123456789, .pi, nil, nil, 0, nil]
        for (value, wanted) in zip(read, expected) {
            if let wanted { #expect(value == wanted && value.sign == wanted.sign, "\(wanted)") } else { #expect(value.isNaN) }
        }
        #expect(SASMissingValue(read[10])?.description == ".A" && SASMissingValue(read[9])?.description == ".")
        #expect(codes.prefix(6).map { $0 < 0 ? "" : levels[Int($0)] } == ["a", "", "12345", "12345", "é€", "x"])
    }

    @Test func observationsReadInRunsAtOnceGiveTheColumnsOfOnePass() throws {
        let variables: [TransportVariable] = [.text("USUBJID", label: "", length: 8), .number("AVAL", label: ""),
                                              .text("AVISIT", label: "", length: 8), .text("DTYPE", label: "", length: 8)]
        let rows = 1_000
        // Ids run across the cuts; a visit is blank now and then; DTYPE's values first appear in later runs.
        let ids = (0..<rows).map { "S\($0 / 7)" }
        let values: [Double?] = (0..<rows).map { $0 % 13 == 0 ? nil : Double($0) / 4 }
        let visits = (0..<rows).map { $0 % 11 == 0 ? "" : "Week \($0 % 5)" }
        let types = (0..<rows).map { $0 < 600 ? "" : $0 % 3 == 0 ? "LOCF" : "WOCF" }
        var observations = TransportObservationBuffer()
        for row in 0..<rows {
            observations.append(text: ids[row], length: 8)
            observations.append(number: values[row])
            observations.append(text: visits[row], length: 8)
            observations.append(text: types[row], length: 8)
        }
        let bytes = TransportWriter.header(member: "ADLB", label: "", variables: variables)
            + observations.bytes + TransportWriter.padding(after: observations.bytes.count)
        func read(_ runs: TransportObservations.Runs) throws -> TransportDataset {
            try #require(try TransportFile(contents: FileContents(bytes), name: "adlb.xpt", runs: runs).datasets.first)
        }
        let onePass = try read(.init(cores: 1, minimumBytes: 1))
        func texts(_ column: TransportColumn) -> [String]? {
            guard case .text(let codes, let levels) = column.values else { return nil }
            return codes.map { $0 < 0 ? "" : levels[Int($0)] }
        }
        #expect(texts(onePass.columns[0]) == ids && texts(onePass.columns[2]) == visits && texts(onePass.columns[3]) == types)
        for cores in [2, 3, 7] {
            let runs = try read(.init(cores: cores, minimumBytes: 1))
            #expect(runs.rowCount == rows)
            for (column, expected) in zip(runs.columns, onePass.columns) {
                switch (column.values, expected.values) {
                case (.numbers(let numbers), .numbers(let wanted)):
                    #expect(numbers.map(\.bitPattern) == wanted.map(\.bitPattern), "\(column.name), \(cores) runs")
                case (.text(let codes, let levels), .text(let wantedCodes, let wantedLevels)):
                    #expect(codes == wantedCodes && levels == wantedLevels, "\(column.name), \(cores) runs")
                default:
                    Issue.record("\(column.name) changed type")
                }
            }
        }
        #expect(TransportObservations.Runs(cores: 2, minimumBytes: 1 << 23).ranges(rows, observationLength: 32) == [0..<rows])
        #expect(TransportObservations.Runs(cores: 2, minimumBytes: 100).ranges(7, observationLength: 32) == [0..<3, 3..<7])
    }

    @Test func everyDoubleInTheIBMRangeRoundTrips() {
        // Both ends of the significand and a 53-bit pattern, at every binary exponent of the range.
        let significands = [1, 1 + Double.ulpOfOne, 1.5, 2.0.nextDown, 1.2345678901234567]
        for exponent in -250...250 {
            for significand in significands {
                for sign in [FloatingPointSign.plus, .minus] {
                    let value = Double(sign: sign, exponent: exponent, significand: significand)
                    #expect(IBMFloat.double(bits: IBMFloat.bits(value)) == value, "\(value)")
                }
            }
        }
    }
}
