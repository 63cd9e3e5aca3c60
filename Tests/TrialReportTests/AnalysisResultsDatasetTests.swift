import Foundation
import Testing
import TrialAnalysis
import TrialData
@testable import TrialReport

/// `ard.csv` of both bundled examples (the seed study and the CDISC pilot): every number a table
/// shows is traced, with the same text, to a statistic whose unrounded value is the one in
/// `results.json`.
@Suite("Analysis-results dataset (ard.csv)")
struct AnalysisResultsDatasetTests {
    static let examples = ["uc-msc-t1d", "cdisc-pilot"]

    /// The tables and results of a bundled example, analysed as `render` does.
    static func example(_ name: String) throws -> (tables: [ReportTable], results: Results) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/" + name)
        let input = try StudyInput.load(from: folder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        return (ReportTables(results: results, plan: input.plan.plan).all(), results)
    }

    /// The records of RFC 4180 CSV text (quoted fields, doubled quotes, CRLF).
    static func records(_ csv: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = csv.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    quoted = false
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                if !field.isEmpty { field.append("\"") }   // a doubled quote inside a quoted field
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return records
    }

    /// The numbers of a displayed text as written ("11/27 (40.7%)" → 11, 27, 40.7%).
    static func numbers(_ text: String) -> [String] {
        text.matches(of: /[<>]?-?[0-9][0-9,]*(\.[0-9]+)?%?/).map { String($0.output.0) }
    }

    @Test(arguments: examples)
    func everyNumberOfEveryTableIsInTheDatasetWithItsDisplayedText(example: String) throws {
        let (tables, _) = try Self.example(example)
        let dataset = Self.records(String(decoding: AnalysisResultsDataset.csv(tables), as: UTF8.self))
        #expect(dataset.first == AnalysisResultsDataset.columns)
        var shown: [String: [String]] = [:]
        for record in dataset.dropFirst() {
            shown[record[1] + "|" + record[2] + "|" + record[4], default: []] += Self.numbers(record[11])
        }
        var checked = 0
        for table in tables {
            let csv = Self.records(table.csv())
            let header = try #require(csv.first)
            // A header shows each arm's N: "UC-MSC (N = 27), n (%)".
            let headerNumbers = dataset.dropFirst().filter { $0[1] == table.name && $0[2] == "0" }.map { $0[11] }
            for text in header {
                for match in text.matches(of: /\(N = ([0-9,]+)\)/) {
                    #expect(headerNumbers.contains(String(match.output.1)), "\(table.name) header '\(text)'")
                    checked += 1
                }
            }
            for (index, (row, line)) in zip(table.rows, csv.dropFirst()).enumerated() {
                for (column, cell) in row.cells.enumerated() where cell.alignment == .decimal {
                    let traced = shown[table.name + "|" + String(index + 1) + "|" + header[column], default: []]
                    for number in Self.numbers(line[column]) {
                        #expect(traced.contains(number), "\(table.name) row \(index + 1) \(header[column]): \(number) of '\(line[column])'")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: examples)
    func everyUnroundedValueIsInResultsJSON(example: String) throws {
        let (tables, results) = try Self.example(example)
        // The numbers of results.json as written (the shortest text that reads back as the same double).
        let json = String(decoding: results.jsonData(), as: UTF8.self)
        let values = Set(json.matches(of: /[:\[,]\s*(-?[0-9][0-9.eE+-]*)/).map { String($0.output.1) })
        let dataset = Self.records(String(decoding: AnalysisResultsDataset.csv(tables), as: UTF8.self)).dropFirst()
        #expect(dataset.count > 100)
        for record in dataset where !record[10].isEmpty && record[9] != "pct" {
            #expect(values.contains(record[10]), "\(record)")
        }
        // A percentage of a count is the count over the column's N, computed for display.
        #expect(dataset.contains { $0[9] == "pct" })
    }

    @Test func aStatisticIsWrittenWithWhatItIsAbout() throws {
        let (tables, _) = try Self.example("uc-msc-t1d")
        let dataset = Self.records(String(decoding: AnalysisResultsDataset.csv(tables), as: UTF8.self))
        let remission = try #require(dataset.first { $0[1] == "primary-endpoint" && $0[9] == "pct" })
        #expect(Array(remission[3...11]) == ["All participants", "UC-MSC (N = 27), n/N (%)", "All participants", "Remission",
                                             "Month 12", "UC-MSC", "pct", String(11.0 / 27.0), "40.7%"])
        let pValue = try #require(dataset.first { $0[1] == "primary-endpoint" && $0[9] == "p" })
        #expect(pValue[8] == "UC-MSC vs Control" && pValue[11] == "0.009")
        let secondary = try #require(dataset.first { $0[1] == "secondary-hba1c" && $0[9] == "p_between" })
        #expect(secondary[5...8] == ["All participants", "HbA1c (%)", "Month 3", "UC-MSC - Control"])
    }

    /// Rows of one table are about different sets, parameters and visits (an endpoint's months):
    /// each line carries its own row's.
    @Test(arguments: examples)
    func eachLineCarriesItsRowsSetParameterAndVisit(example: String) throws {
        let (tables, _) = try Self.example(example)
        let dataset = Self.records(String(decoding: AnalysisResultsDataset.csv(tables), as: UTF8.self)).dropFirst()
        let byRow = Dictionary(grouping: dataset) { $0[1] + "|" + $0[2] }
        var checked = 0
        var visits: Set<String> = []
        for table in tables {
            for (index, row) in table.eachRow.enumerated() {
                let about = row.context.over(table.context)
                for record in byRow[table.name + "|" + String(index + 1), default: []] {
                    #expect(Array(record[5...7]) == [about.set ?? "", about.parameter ?? "", about.visit ?? ""], "\(record)")
                    visits.insert(record[7])
                    checked += 1
                }
            }
        }
        #expect(checked > 100 && visits.count > 2, "\(checked) \(visits)")
    }

    @Test func valuesAreWrittenInTheShortestTextThatReadsBackAsTheSameNumber() {
        #expect(AnalysisResultsDataset.valueText(0.1) == "0.1")
        #expect(AnalysisResultsDataset.valueText(27) == "27")
        #expect(AnalysisResultsDataset.valueText(11.0 / 27.0) == "0.4074074074074074")
        #expect(AnalysisResultsDataset.valueText(nil) == "" && AnalysisResultsDataset.valueText(.infinity) == "")
    }
}
