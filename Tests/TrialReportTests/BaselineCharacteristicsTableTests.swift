import Foundation
import Testing
import TrialAnalysis
import TrialData
@testable import TrialReport

/// The baseline characteristics table of the plan's `baseline` key, on the CDISC pilot: the layout
/// of its CSR Table 14-2.01 (arms, Total, p) and the numbers as the CSR shows them.
@Suite struct BaselineCharacteristicsTableTests {
    static let pilot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot")

    static func table(_ change: (inout AnalysisPlan) -> Void = { _ in }) throws -> ReportTable {
        let input = try StudyInput.load(from: pilot)
        var plan = input.plan.plan
        change(&plan)
        var results = DocumentSamples.results()
        results.baselineCharacteristics = BaselineCharacteristicsTable.analyse(plan, participants: input.data.participants).table
        return try #require(ReportTables(results: results, plan: plan).baselineCharacteristics())
    }

    /// The cells of the row whose first cell is `label`, after the row labelled `variable`.
    static func cells(_ table: ReportTable, _ variable: String, _ label: String) -> [String] {
        let rows = table.rows.map { $0.cells.map(\.text) }
        guard let start = rows.firstIndex(where: { $0.first == variable }),
              let row = rows[start...].first(where: { $0.first == label }) else { return [] }
        return Array(row.dropFirst())
    }

    @Test func headersNameTheSetTheArmsAndTheirN() throws {
        let table = try Self.table()
        #expect(table.name == "baseline-characteristics")
        #expect(table.caption == "Baseline characteristics by arm, Intent-to-treat set (N = 254)")
        #expect(table.headerRows.map { $0.map(\.text) } == [["Characteristic", "Placebo (N = 86)", "Xanomeline Low Dose (N = 84)",
                                                             "Xanomeline High Dose (N = 84)", "Total (N = 254)", "p"]])
        #expect(table.groups.count == 12)
    }

    /// The pilot's CSR Table 14-2.01 shows these means (SD) (one more decimal for the SD), as do
    /// the public replications of it in R; its p-values come from ANOVA and Pearson's chi-square.
    @Test func numbersAreThePublishedOnes() throws {
        let table = try Self.table()
        #expect(Self.cells(table, "Age (y)", "n") == ["86", "84", "84", "254", ""])
        #expect(Self.cells(table, "Age (y)", "Mean (SD)") == ["75.2 (8.59)", "75.7 (8.29)", "74.4 (7.89)", "75.1 (8.25)", ""])
        #expect(Self.cells(table, "Age (y)", "Min to max") == ["52.0 to 89.0", "51.0 to 88.0", "56.0 to 88.0", "51.0 to 89.0", ""])
        #expect(table.rows.first { $0.cells.first?.text == "Age (y)" }?.cells.last?.text == "0.593")
        #expect(Self.cells(table, "Age group (y), n (%)", "<65") == ["14 (16.3%)", "8 (9.5%)", "11 (13.1%)", "33 (13.0%)", ""])
        #expect(Self.cells(table, "Sex, n (%)", "Female") == ["53 (61.6%)", "50 (59.5%)", "40 (47.6%)", "143 (56.3%)", ""])
        #expect(Self.cells(table, "Baseline weight (kg)", "Mean (SD)") == ["62.8 (12.77)", "67.3 (14.12)", "70.0 (14.65)", "66.6 (14.13)", ""])
        #expect(Self.cells(table, "Baseline weight (kg)", "n") == ["86", "83", "84", "253", ""])
        #expect(Self.cells(table, "Baseline weight (kg)", "Missing") == ["0", "1", "0", "1", ""])
        #expect(Self.cells(table, "MMSE total score", "Mean (SD)").dropLast(1).last == "18.1 (4.21)")
        #expect(Self.cells(table, "Duration of disease (months)", "Mean (SD)").dropLast(1).last == "43.9 (28.40)")
        #expect(Self.cells(table, "Years of education", "Mean (SD)").dropLast(1).last == "12.8 (3.38)")
        #expect(Self.cells(table, "Baseline height (cm)", "Mean (SD)").dropLast(1).last == "163.9 (10.76)")
        #expect(Self.cells(table, "Baseline BMI (kg/m²)", "Mean (SD)").dropLast(1).last == "24.7 (4.09)")
        #expect(Self.cells(table, "Race, n (%)", "White") == ["78 (90.7%)", "78 (92.9%)", "74 (88.1%)", "230 (90.6%)", ""])
    }

    @Test func footnotesNameEachTestComputedAndThePercentages() throws {
        let table = try Self.table()
        #expect(table.footnotes.map(\.text) == [
            "One-way analysis of variance (F test).",
            "Pearson's chi-square test.",
            "SD: standard deviation; Q1 and Q3: first and third quartiles.",
            "Percentages are of the participants with a value in each column.",
            "An expected count is below 5, so the chi-square approximation may be poor, for: Race, Duration of disease group (months).",
        ])
        let age = try #require(table.rows.first { $0.cells.first?.text == "Age (y)" })
        #expect(age.cells.last?.footnotes == ["a"])
        let fisher = try Self.table { $0.baseline?.categoricalTest = .fisherExact }
        #expect(fisher.footnotes.map(\.text).contains("Fisher–Freeman–Halton exact test."))
    }

    @Test func withoutTestsThereIsNoPValueColumn() throws {
        let table = try Self.table {
            $0.baseline?.continuousTest = .none
            $0.baseline?.categoricalTest = .none
        }
        #expect(table.headerRows[0].last?.text == "Total (N = 254)")
        #expect(table.rows.allSatisfy { $0.cells.count == 5 })
        #expect(!table.footnotes.map(\.text).contains { $0.contains("test") })
    }

    @Test func theMethodsSayWhatWasComputed() throws {
        let input = try StudyInput.load(from: Self.pilot)
        var plan = input.plan.plan
        let pilot = try #require(BaselineCharacteristicsTable.analyse(plan, participants: input.data.participants).table)
        #expect(pilot.methodsText == "Baseline characteristics are summarised by arm and in total in the Intent-to-treat set (N = 254): "
            + "n, mean (SD), median (Q1 to Q3) and minimum to maximum for continuous variables; n (%) of the participants with a "
            + "value for categorical ones. Arms are compared with one-way analysis of variance (F test) for continuous variables "
            + "and Pearson's chi-square test for categorical ones. An expected count below 5 makes the chi-square approximation "
            + "doubtful for Race, Duration of disease group (months).")
        plan.baseline?.continuousTest = .none
        plan.baseline?.categoricalTest = .fisherExact
        plan.baseline?.variables = [BaselineVariable(variable: "SEX"), BaselineVariable(variable: "RACE")]
        let fisher = try #require(BaselineCharacteristicsTable.analyse(plan, participants: input.data.participants).table)
        #expect(fisher.methodsText.hasSuffix("n (%) of the participants with a value for categorical ones. Arms are compared with "
            + "Fisher–Freeman–Halton exact test for categorical ones."))
        plan.baseline?.categoricalTest = .none
        let untested = try #require(BaselineCharacteristicsTable.analyse(plan, participants: input.data.participants).table)
        #expect(untested.methodsText.hasSuffix(" Arms are not compared by tests."))
    }

    @Test func noTableWithoutBaselineInThePlan() {
        #expect(ReportTables(results: DocumentSamples.results(), plan: AnalysisPlan()).baselineCharacteristics() == nil)
    }
}
