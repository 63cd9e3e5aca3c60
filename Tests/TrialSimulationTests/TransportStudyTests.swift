import Foundation
import Testing
import TrialData
@testable import TrialSimulation

/// `simulate --format xpt`: the same random study as the CSV files, as CDISC ADaM datasets in
/// SAS transport files (read back with `TransportFile`), with BASE, CHG and ABLFL derived.
@Suite("Random studies as ADaM transport files")
struct TransportStudyTests {
    static let arms = try! SimulatedArms(parsing: "Placebo:0,Low:54,High:81")
    static let design = StudySimulation.Design.random(participants: 400, seed: 5, arms: arms)

    /// Each transport file's dataset and the CSV tables of the same design.
    private func written() throws -> (transport: [String: TransportDataset], csv: [String: SimpleTable]) {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try StudySimulation(Self.design, format: .xpt).write(to: directory)
        var transport: [String: TransportDataset] = [:]
        for name in ["adsl", "adlb", "adae"] {
            transport[name] = try TransportFile(url: directory.appendingPathComponent("\(name).xpt"), name: "\(name).xpt").datasets.first
        }
        let csv = try withSimulatedStudy(Self.design) { folder, _ in
            try Dictionary(uniqueKeysWithValues: ["adsl", "adlb", "adae"].map {
                ($0, try SimpleTable(contentsOf: folder.appendingPathComponent("\($0).csv")))
            })
        }
        return (transport, csv)
    }

    private func texts(_ dataset: TransportDataset?, _ name: String) -> [String] {
        guard case .text(let codes, let levels)? = dataset?.column(named: name)?.values else { return [] }
        return codes.map { $0 < 0 ? "" : levels[Int($0)] }
    }

    private func numbers(_ dataset: TransportDataset?, _ name: String) -> [Double] {
        guard case .numbers(let numbers)? = dataset?.column(named: name)?.values else { return [] }
        return numbers
    }

    @Test func theTransportFilesHoldTheCSVStudyUnderADaMNames() throws {
        let (transport, csv) = try written()
        let adsl = transport["adsl"], adlb = transport["adlb"], adae = transport["adae"]
        let subjects = try #require(csv["adsl"]).rows
        #expect(texts(adsl, "USUBJID") == subjects.map { $0["USUBJID"]! })
        #expect(texts(adsl, "TRT01P") == subjects.map { $0["ARM"]! } && texts(adsl, "TRT01A") == texts(adsl, "TRT01P"))
        #expect(numbers(adsl, "TRT01PN") == subjects.map { Double(Self.arms.labels.firstIndex(of: $0["ARM"]!)! + 1) })
        #expect(numbers(adsl, "AGE") == subjects.map { Double($0["AGE"]!)! })
        #expect(numbers(adsl, "BMIBL") == subjects.map { Double($0["BMI"]!)! })
        #expect(Set(texts(adsl, "SAFFL") + texts(adsl, "ITTFL")) == ["Y"])

        let measurements = try #require(csv["adlb"]).rows
        // The CSV's measurements are ADLB's untimed records, in order; the timed ones are the mixed-meal tests.
        let timePoints = numbers(adlb, "ATPTN")
        let untimed = timePoints.indices.filter { timePoints[$0].isNaN }
        func untimedTexts(_ name: String) -> [String] { let all = texts(adlb, name); return untimed.map { all[$0] } }
        func untimedNumbers(_ name: String) -> [Double] { let all = numbers(adlb, name); return untimed.map { all[$0] } }
        #expect(untimedTexts("PARAMCD") == measurements.map { $0["PARAMCD"]! })
        #expect(untimedNumbers("AVISITN") == measurements.map { Double($0["AVISITN"]!)! })
        let values = untimedNumbers("AVAL")
        #expect(values.count == measurements.count)
        for (value, row) in zip(values, measurements) {
            if let expected = Double(row["AVAL"]!) { #expect(value == expected) } else { #expect(value.isNaN) }
        }
        // BASE is the participant's value of the parameter at visit 0 (flagged ABLFL = Y); CHG = AVAL − BASE after it.
        var baseline: [String: Double] = [:]
        for (index, row) in measurements.enumerated() where row["AVISITN"] == "0" {
            baseline[row["USUBJID"]! + row["PARAMCD"]!] = Double(row["AVAL"]!)
            #expect(untimedTexts("ABLFL")[index] == "Y")
        }
        let base = untimedNumbers("BASE"), change = untimedNumbers("CHG")
        var changes = 0
        for (index, row) in measurements.enumerated() {
            let expected = baseline[row["USUBJID"]! + row["PARAMCD"]!]
            if let expected { #expect(base[index] == expected) } else { #expect(base[index].isNaN) }
            if row["AVISITN"] != "0", let expected, let value = Double(row["AVAL"]!) {
                #expect(change[index] == value - expected)
                changes += 1
            } else {
                #expect(change[index].isNaN)
            }
        }
        #expect(changes > 1000)
        try expectMixedMealTests(adlb, measurements: measurements)

        let events = try #require(csv["adae"]).rows
        #expect(texts(adae, "AEDECOD") == events.map { $0["AEDECOD"]! } && texts(adae, "AREL") == events.map { $0["AEREL"]! })
        #expect(numbers(adae, "ASTDY") == events.map { Double($0["AESTDY"]!)! } && Set(texts(adae, "TRTEMFL")) == ["Y"])
    }

    /// At each visit with fasting and 2-hour C-peptide, five CPEP records at ATPTN 0…120 through
    /// those values; BASE and CHG per time point against the baseline visit's.
    private func expectMixedMealTests(_ adlb: TransportDataset?, measurements: [[String: String]]) throws {
        var cPeptide: [String: Double] = [:]
        for row in measurements where ["CPEPF", "CPEPP"].contains(row["PARAMCD"]!) {
            if let value = Double(row["AVAL"]!) { cPeptide[row["USUBJID"]! + " " + row["AVISITN"]! + " " + row["PARAMCD"]!] = value }
        }
        let codes = texts(adlb, "PARAMCD"), subjects = texts(adlb, "USUBJID"), visits = numbers(adlb, "AVISITN")
        let values = numbers(adlb, "AVAL"), times = numbers(adlb, "ATPTN"), base = numbers(adlb, "BASE")
        let timed = codes.indices.filter { codes[$0] == MixedMealSamples.code }
        #expect(timed.count % 5 == 0 && timed.count > 1000 && timed.allSatisfy { !times[$0].isNaN })
        for start in stride(from: 0, to: timed.count, by: 5) {
            let rows = Array(timed[start..<start + 5])
            let key = subjects[rows[0]] + " " + String(Int(visits[rows[0]]))
            let fasting = try #require(cPeptide[key + " CPEPF"]), twoHour = try #require(cPeptide[key + " CPEPP"])
            #expect(rows.map { times[$0] } == MixedMealSamples.minutes)
            let expected = MixedMealSamples.values(fasting: fasting, twoHour: twoHour)
            for (row, value) in zip(rows, expected) { #expect(abs(values[row] - value) <= 0.05 + 1e-9, "\(key)") }
            if let baseFasting = cPeptide[subjects[rows[0]] + " 0 CPEPF"], let baseTwoHour = cPeptide[subjects[rows[0]] + " 0 CPEPP"] {
                let expectedBase = MixedMealSamples.values(fasting: baseFasting, twoHour: baseTwoHour)
                for (row, value) in zip(rows, expectedBase) { #expect(abs(base[row] - value) <= 0.05 + 1e-9) }
            }
        }
    }

    @Test func theSameOptionsGiveTheSameBytes() throws {
        func bytes() throws -> [Data] {
            let directory = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let simulation = StudySimulation(Self.design, format: .xpt)
            _ = try simulation.write(to: directory)
            #expect(simulation.fileNames == ["adsl.xpt", "adlb.xpt", "adae.xpt", "study.yaml"])
            return try simulation.fileNames.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
        }
        let first = try bytes()
        #expect(first.prefix(3).allSatisfy { $0.count % 80 == 0 })
        #expect(try bytes() == first)
    }
}
