import Testing
@testable import TrialAnalysis
import TrialStats

@Suite("Exact test of a table, or chi-square beyond its work limit")
struct ExactContingencyTestTests {
    /// A table of a few hundred participants: Fisher's exact test, no note.
    @Test func aSmallTableIsTestedExactly() throws {
        var log = NoteLog(section: "baselineCharacteristics")
        let table = [[30, 25, 41], [50, 58, 40]]
        let (usedChiSquare, pValue) = ExactContingencyTest.run(table, context: "SEX", &log)
        #expect(!usedChiSquare)
        #expect(pValue == (try FisherFreemanHaltonTest(table).pValue))
        #expect(log.notes.isEmpty)
    }

    /// A 2 × 3 table of 100,000 participants is beyond the exact test's work limit: Pearson's
    /// chi-square test, with a note naming the context.
    @Test func aLargeTableFallsBackToChiSquare() throws {
        var log = NoteLog(section: "baselineCharacteristics")
        let table = [[16_400, 16_800, 16_600], [16_700, 16_500, 17_000]]
        let (usedChiSquare, pValue) = ExactContingencyTest.run(table, context: "SEX", &log)
        #expect(usedChiSquare)
        #expect(pValue == (try ChiSquareTest(table.map { $0.map(Double.init) }, continuityCorrection: false).pValue))
        #expect(log.notes.map(\.context) == ["SEX"])
        #expect(log.notes.first?.message.contains("chi-square") == true)
    }
}
