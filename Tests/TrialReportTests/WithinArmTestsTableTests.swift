import Testing
import TrialAnalysis
@testable import TrialReport

/// The secondary-endpoint tables give the value and the change (mean ± SD) and the between-arm
/// comparison; the within-arm tests against baseline are one appendix table, all participants.
@Suite("Within-arm tests in the appendix")
struct WithinArmTestsTableTests {
    @Test func theSecondaryTablesHaveNoWithinArmColumn() throws {
        let results = DocumentSamples.results()
        let code = try #require(results.endpoints.first?.parameter)
        let table = try #require(ReportTables(results: results, plan: AnalysisPlan()).secondaryEndpoint(parameter: code))
        #expect(!table.headerRows.joined().contains { $0.text == "Within arm" })
        #expect(table.headerRows[1].map(\.text).filter { $0 == "Mean ± SD" }.count == 2)
        let statistics = table.rows.flatMap(\.cells).flatMap(\.statistics).map(\.name)
        #expect(statistics.contains("sd_change") && !statistics.contains("p_within"))
    }

    @Test func everyArmAtEveryVisitOfAllParticipantsHasItsWithinArmTest() throws {
        let results = DocumentSamples.results()
        let tables = ReportTables(results: results, plan: AnalysisPlan())
        let table = try #require(tables.withinArmTests())
        #expect(tables.all().last?.name == table.name)
        let overall = results.endpoints.filter { $0.level == nil }
        let shown = table.rows.filter { $0.cells.count == 6 }
        #expect(shown.count == overall.reduce(0) { $0 + $1.byArm.count })
        for (row, arm) in zip(shown, overall.flatMap(\.byArm)) {
            #expect(row.cells[2].text == arm.arm)
            #expect(row.cells[3].text == Display.integer(arm.change.n))
            #expect(row.cells[5].text == Display.pValue(arm.withinPValue))
        }
    }
}
