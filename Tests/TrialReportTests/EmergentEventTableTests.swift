import Testing
@testable import TrialReport
import TrialAnalysis

/// The report tables of treatment-emergent adverse events for k arms: columns per arm with N,
/// p-value columns per the plan's tests, footnotes built from what was computed. The counts are
/// the first rows of the CDISC pilot's Table 14-5.01 (the values TrialAnalysisTests check against R).
@Suite("Treatment-emergent adverse event tables")
struct EmergentEventTableTests {
    static let arms = [ArmSize(arm: "Placebo", n: 86), ArmSize(arm: "Xanomeline Low Dose", n: 84), ArmSize(arm: "Xanomeline High Dose", n: 84)]

    static func incidence(_ counts: [(Int, Int)], versus: [Double?], global: Double?, globalTest: TestName = .fisherFreemanHalton,
                          tests: [SafetySpecification.Test]) -> EmergentEventIncidence {
        EmergentEventIncidence(
            byArm: zip(arms, counts).map { AdverseEventCount(arm: $0.arm, subjects: $1.0, events: $1.1) },
            totalSubjects: counts.reduce(0) { $0 + $1.0 }, totalEvents: counts.reduce(0) { $0 + $1.1 },
            versusReference: tests.contains(.versusReference)
                ? zip(arms.dropFirst(), versus).map { ArmComparison(arm: $0.arm, test: .fisherExact, pValue: $1) } : [],
            global: tests.contains(.global) ? RowTest(test: globalTest, pValue: global) : nil)
    }

    static func events(_ specification: SafetySpecification, termsBelowThreshold: Int = 0) -> TreatmentEmergentEvents {
        let tests = specification.tests
        let row = { (counts: [(Int, Int)], versus: [Double?], global: Double?) in
            incidence(counts, versus: versus, global: global, tests: tests)
        }
        let cardiac = EmergentEventClass(
            soc: "CARDIAC DISORDERS", incidence: row([(12, 26), (13, 30), (15, 30)], [0.8305, 0.5339], 0.8055),
            terms: [EmergentEventTerm(term: "CARDIAC DISORDER", incidence: row([(0, 0), (0, 0), (1, 1)], [nil, 0.4941], 0.6693)),
                    EmergentEventTerm(term: "SINUS BRADYCARDIA", incidence: row([(2, 2), (7, 10), (8, 12)], [0.0972, 0.0564], 0.1120))])
        return TreatmentEmergentEvents(
            set: "Safety", byActualTreatment: true, arms: arms, reference: "Placebo", specification: specification,
            preTreatmentEventsExcluded: 0,
            anyEvent: row([(65, 281), (77, 412), (76, 433)], [0.006533, 0.013638], 0.005644),
            serious: row([(0, 0), (1, 1), (2, 2)], [0.4941, 0.2425], 0.3320),
            related: row([(43, 130), (72, 285), (70, 275)], [1.2e-6, 6.9e-6], 1.1e-6),
            bySeverity: [EmergentEventSeverity(severity: "MILD", incidence: incidence([(36, 210), (19, 227), (22, 294)], versus: [], global: nil, tests: [])),
                         EmergentEventSeverity(severity: "SEVERE", incidence: incidence([(5, 6), (16, 25), (8, 10)], versus: [], global: nil, tests: []))],
            classes: [cardiac], termsBelowThreshold: termsBelowThreshold, classesBelowThreshold: 0)
    }

    static func tables(_ specification: SafetySpecification, termsBelowThreshold: Int = 0) -> ReportTables {
        var results = DocumentSamples.results()
        results.treatmentEmergentEvents = events(specification, termsBelowThreshold: termsBelowThreshold)
        return ReportTables(results: results, plan: AnalysisPlan())
    }

    @Test func noTablesWithoutTreatmentEmergentEvents() {
        let tables = ReportTables(results: DocumentSamples.results(), plan: AnalysisPlan())
        #expect(tables.emergentEventsByClass() == nil)
        #expect(tables.emergentEventsOverview() == nil)
    }

    @Test func byClassHasAColumnPairPerArmAndAPValueColumnPerTest() throws {
        let table = try #require(Self.tables(SafetySpecification(set: "Safety", tests: [.versusReference, .global])).emergentEventsByClass())
        #expect(table.caption == "Treatment-emergent adverse events by system organ class and preferred term, Safety set")
        #expect(table.headerRows[0].map(\.text)
            == ["", "Placebo (N = 86)", "Xanomeline Low Dose (N = 84)", "Xanomeline High Dose (N = 84)", "p vs Placebo", "p"])
        #expect(table.headerRows[0].map(\.columnSpan) == [1, 2, 2, 2, 2, 1])
        #expect(table.headerRows[1].map(\.text) == ["System organ class / preferred term", "n (%)", "Events", "n (%)", "Events", "n (%)", "Events",
                                                    "Xanomeline Low Dose", "Xanomeline High Dose", "All arms"])
        #expect(table.columnCount == 10)
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["Any treatment-emergent adverse event", "65 (75.6%)", "281", "77 (91.7%)", "412", "76 (90.5%)", "433", "0.007", "0.014", "0.006"],
            ["CARDIAC DISORDERS", "12 (14.0%)", "26", "13 (15.5%)", "30", "15 (17.9%)", "30", "0.831", "0.534", "0.806"],
            ["CARDIAC DISORDER", "0 (0.0%)", "0", "0 (0.0%)", "0", "1 (1.2%)", "1", "", "0.494", "0.669"],
            ["SINUS BRADYCARDIA", "2 (2.3%)", "2", "7 (8.3%)", "10", "8 (9.5%)", "12", "0.097", "0.056", "0.112"],
        ])
        #expect(table.rows[1].cells[0].emphasis == .bold)
        #expect(table.rows[2].cells[0].indentation == 1)
        let notes = table.footnotes.map(\.text)
        #expect(notes.first == "Safety set, by the treatment received. n (%): participants with at least one event, counted once per system "
                + "organ class and once per preferred term, as a percentage of the arm's N; events: every event reported.")
        #expect(notes.contains("Fisher's exact test of the proportion of participants with the event, each arm against Placebo."))
        #expect(notes.contains("Fisher–Freeman–Halton exact test across the 3 arms."))
        #expect(notes.contains("System organ classes and preferred terms alphabetical."))
    }

    @Test func byClassFollowsThePlan() throws {
        let plain = try #require(Self.tables(SafetySpecification(set: "Safety", termOrder: .frequency, minimumPercent: 5, tests: [], total: true),
                                             termsBelowThreshold: 209).emergentEventsByClass())
        #expect(plain.headerRows[0].map(\.text).last == "Total (N = 254)")
        #expect(plain.headerRows[1].count == 9)
        #expect(plain.rows[0].cells.map(\.text).suffix(2) == ["218 (85.8%)", "1126"])
        let notes = plain.footnotes.map(\.text)
        #expect(notes.contains("System organ classes alphabetical; preferred terms within each by decreasing number of participants over all arms."))
        #expect(notes.contains("Only preferred terms reported by at least 5% of the participants of some arm are listed; 209 terms below that "
                               + "are not. Class rows count every term."))
        #expect(!notes.contains { $0.contains("Fisher") })
    }

    @Test func aGlobalTestThatFellBackNamesItsTest() throws {
        var results = DocumentSamples.results()
        var events = Self.events(SafetySpecification(tests: [.global]))
        events.serious.global = RowTest(test: .chiSquare, pValue: 0.25)
        results.treatmentEmergentEvents = events
        let table = try #require(ReportTables(results: results, plan: AnalysisPlan()).emergentEventsOverview())
        let serious = table.rows[1].cells.last
        #expect(serious?.text == "0.250")
        let marker = try #require(serious?.footnotes.first)
        #expect(table.footnotes.first { $0.marker == marker }?.text == "Pearson's chi-square test.")
    }

    @Test func overviewListsAnySeriousRelatedAndWorstSeverity() throws {
        let table = try #require(Self.tables(SafetySpecification(set: "Safety")).emergentEventsOverview())
        #expect(table.caption == "Overview of treatment-emergent adverse events, Safety set")
        #expect(table.rows.map { $0.cells.first?.text ?? "" } == [
            "Any treatment-emergent adverse event", "A serious adverse event", "An adverse event related to treatment",
            "By worst severity", "Mild", "Severe",
        ])
        #expect(table.rows[2].cells.map(\.text).suffix(2) == ["<0.001", "<0.001"])
        #expect(table.rows[4].cells.map(\.text) == ["Mild", "36 (41.9%)", "210", "19 (22.6%)", "227", "22 (26.2%)", "294"])
        #expect(table.footnotes.map(\.text).contains("Participants by the most severe grade of their events (each participant once); "
                                                     + "events: the events of that grade."))
    }
}
