import TrialStats

/// The tests of one row of the treatment-emergent events (participants with and without the
/// event per arm), as the plan's `safety.tests` asks: each arm against the reference with
/// Fisher's exact test, and all arms at once with the Fisher–Freeman–Halton exact test
/// (`fisher.test` on the 2×2 and 2×k tables).
struct EmergentEventRowTests {
    /// The tests asked for.
    let tests: [SafetySpecification.Test]
    /// The arm labels in the plan's order.
    let arms: [String]
    /// The participants of each arm: the denominators.
    let sizes: [Int]
    /// The index of the reference arm.
    let reference: Int

    /// The counts of a row per arm with its tests; `context` names the row in notes.
    ///
    /// A comparison in which no participant of either arm has the event, or a global test in
    /// which none has, is not made (`nil` p-value, no note): there is nothing to compare. When the
    /// exact global test would take more than its work limit, Pearson's chi-square test is used
    /// instead, with a note.
    func incidence(_ counts: [(subjects: Int, events: Int)], context: String, _ log: inout NoteLog) -> EmergentEventIncidence {
        let subjects = counts.map(\.subjects)
        var versusReference: [ArmComparison] = []
        var global: RowTest?
        for test in tests {
            switch test {
            case .versusReference:
                versusReference = arms.indices.filter { $0 != reference }.map { arm in
                    let pair = (subjects[arm], sizes[arm]), control = (subjects[reference], sizes[reference])
                    let pValue = pair.0 + control.0 == 0 ? nil : log.attempt("Fisher's exact test", "\(context), \(arms[arm]) vs \(arms[reference])") {
                        try PlannedTests.fisher(pair, control)
                    }
                    return ArmComparison(arm: arms[arm], test: .fisherExact, pValue: pValue)
                }
            case .global:
                global = subjects.reduce(0, +) == 0 ? RowTest(test: .fisherFreemanHalton, pValue: nil) : globalTest(subjects, context, &log)
            }
        }
        return row(counts, versusReference: versusReference, global: global)
    }

    /// The counts of a row without tests (the severity rows).
    func untested(_ counts: [(subjects: Int, events: Int)]) -> EmergentEventIncidence {
        row(counts, versusReference: [], global: nil)
    }

    /// The counts of a row per arm and over all arms, with its tests.
    private func row(_ counts: [(subjects: Int, events: Int)], versusReference: [ArmComparison], global: RowTest?) -> EmergentEventIncidence {
        EmergentEventIncidence(
            byArm: zip(arms, counts).map { AdverseEventCount(arm: $0, subjects: $1.subjects, events: $1.events) },
            totalSubjects: counts.reduce(0) { $0 + $1.subjects }, totalEvents: counts.reduce(0) { $0 + $1.events },
            versusReference: versusReference, global: global)
    }

    /// The Fisher–Freeman–Halton test of the 2×k table, or the chi-square test beyond its work limit.
    private func globalTest(_ subjects: [Int], _ context: String, _ log: inout NoteLog) -> RowTest {
        let (usedChiSquare, pValue) = ExactContingencyTest.run([subjects, zip(sizes, subjects).map { $0 - $1 }], context: context, &log)
        return RowTest(test: usedChiSquare ? .chiSquare : .fisherFreemanHalton, pValue: pValue)
    }
}
