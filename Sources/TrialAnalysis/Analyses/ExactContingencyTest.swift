import TrialStats

/// Fisher's exact test of a contingency table (Fisher–Freeman–Halton beyond 2 × 2, R's
/// `fisher.test`), or — when the exact test would take more than `FisherFreemanHaltonTest`'s work
/// limit, as with hundreds of thousands of participants spread over more than two cells a side —
/// Pearson's chi-square test (`chisq.test(correct = FALSE)`), with a note saying so. R's
/// `fisher.test` stops with an error on such tables (FEXACT's workspace).
enum ExactContingencyTest {
    /// The test used and its p-value; `nil` with a note when neither could be computed.
    static func run(_ table: [[Int]], context: String, _ log: inout NoteLog) -> (usedChiSquare: Bool, pValue: Double?) {
        do {
            return (false, try FisherFreemanHaltonTest(table).pValue)
        } catch .exactTestTooLarge {
            log.record(context, "Fisher's exact test is too large to compute: Pearson's chi-square test used instead")
            let pValue = log.attempt("Pearson's chi-square test", context) {
                try ChiSquareTest(table.map { $0.map(Double.init) }, continuityCorrection: false).pValue
            }
            return (true, pValue)
        } catch {
            log.record(context, "Fisher's exact test could not be computed: \(error)")
            return (false, nil)
        }
    }
}
