import Testing
import TrialReport

/// Regression: nested table rows are indented with spaces, which hid a formula from the guard
/// (found by the corpus case render-injection-in-data-is-escaped).
@Suite("CSV formula guard on indented cells")
struct CSVFormulaGuardTests {
    @Test func indentedFormulaGetsTheQuotePrefix() {
        #expect(ReportTable.csvField("  =HYPERLINK(\"http://evil.example\")") == "\"'  =HYPERLINK(\"\"http://evil.example\"\")\"")
        #expect(ReportTable.csvField("    @SUM(A1:A2)") == "'    @SUM(A1:A2)")
        #expect(ReportTable.csvField("  +1+2") == "'  +1+2")
    }

    @Test func indentedNumbersAndTextStayAsTheyAre() {
        #expect(ReportTable.csvField("  -1.5") == "  -1.5")
        #expect(ReportTable.csvField("  Pyrexia") == "  Pyrexia")
    }
}
