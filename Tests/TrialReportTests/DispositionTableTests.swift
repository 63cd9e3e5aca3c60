import Foundation
import Testing
import TrialAnalysis
import TrialData
@testable import TrialReport

/// The disposition table of the plan's `disposition` key, on the CDISC pilot: the layout of its CSR
/// Table 14-1.02 (arms, Total, p), the numbers as the CSR shows them, and the paragraph.
@Suite struct DispositionTableTests {
    static func results(_ change: (inout AnalysisPlan) -> Void = { _ in }) throws -> (Results, AnalysisPlan) {
        let input = try StudyInput.load(from: BaselineCharacteristicsTableTests.pilot)
        var plan = input.plan.plan
        change(&plan)
        var results = DocumentSamples.results()
        results.disposition = DispositionTable.analyse(plan, participants: input.data.participants).table
        return (results, plan)
    }

    static func table(_ change: (inout AnalysisPlan) -> Void = { _ in }) throws -> ReportTable {
        let (results, plan) = try results(change)
        return try #require(ReportTables(results: results, plan: plan).disposition())
    }

    static func cells(_ table: ReportTable, _ label: String) -> [String] {
        Array(table.rows.first { $0.cells.first?.text == label }?.cells.dropFirst().map(\.text) ?? [])
    }

    @Test func headersNameTheSetTheArmsAndTheirN() throws {
        let table = try Self.table()
        #expect(table.name == "disposition")
        #expect(table.caption == "Disposition of participants by arm, Intent-to-treat set (N = 254)")
        #expect(table.headerRows.map { $0.map(\.text) } == [["Status", "Placebo (N = 86)", "Xanomeline Low Dose (N = 84)",
                                                             "Xanomeline High Dose (N = 84)", "Total (N = 254)", "p"]])
        #expect(table.groups.count == 2)
    }

    /// CSR Table 14-1.02: completed week 24 60 (70%), 28 (33%), 30 (36%), 118 (46%), p < .0001;
    /// adverse event 8 (9%), 44 (52%), 39 (46%), 91 (36%), p < .0001; lack of efficacy p 0.3281.
    @Test func numbersAreThePublishedOnes() throws {
        let table = try Self.table()
        #expect(Self.cells(table, "Completed week 24") == ["60 (69.8%)", "28 (33.3%)", "30 (35.7%)", "118 (46.5%)", "<0.001"])
        #expect(Self.cells(table, "Discontinued before week 24") == ["26 (30.2%)", "56 (66.7%)", "54 (64.3%)", "136 (53.5%)", ""])
        #expect(Self.cells(table, "Adverse Event") == ["8 (9.3%)", "44 (52.4%)", "39 (46.4%)", "91 (35.8%)", "<0.001"])
        #expect(Self.cells(table, "Lack of Efficacy") == ["3 (3.5%)", "0 (0.0%)", "1 (1.2%)", "4 (1.6%)", "0.328"])
        #expect(Self.cells(table, "Withdrew Consent") == ["9 (10.5%)", "8 (9.5%)", "8 (9.5%)", "25 (9.8%)", ">0.999"])
        // No participant lacks a status or a reason: no Missing rows.
        #expect(Self.cells(table, "Missing").isEmpty)
        #expect(table.rows.map { $0.cells[0].text }.count == 2 + 1 + 9)
    }

    @Test func footnotesSayWhatCountsAndNameTheTest() throws {
        let table = try Self.table()
        #expect(table.footnotes.map(\.text) == [
            "n (%): participants, as a percentage of the participants of the set in the column.",
            "p: the participants on the row against the other participants with a status, across the arms.",
            "Completed week 24: COMP24FL = Y; Discontinued before week 24: COMP24FL = N.",
            "Fisher–Freeman–Halton exact test.",
            "Among the participants who discontinued (Discontinued before week 24), by DCSREAS.",
        ])
        #expect(table.headerRows[0].last?.footnotes == ["b"])
        let untested = try Self.table { $0.disposition?.test = .none }
        #expect(untested.headerRows[0].last?.text == "Total (N = 254)")
        #expect(!untested.footnotes.map(\.text).contains("Fisher–Freeman–Halton exact test."))
    }

    @Test func theParagraphIsBuiltFromTheResults() throws {
        let (results, _) = try Self.results()
        #expect(results.disposition?.methodsText == "Disposition is tabulated by arm and in total in the Intent-to-treat set "
            + "(N = 254): 118 (46.5%) completed week 24 (COMP24FL = Y) and 136 (53.5%) discontinued before week 24 (COMP24FL = N); "
            + "reasons for discontinuation are those of DCSREAS. Completion and each reason are compared across the arms with the "
            + "Fisher–Freeman–Halton exact test; completion: p < 0.001.")
    }
}
