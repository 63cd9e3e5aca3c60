import Testing
import TrialData
@testable import TrialAnalysis

/// Events counted per (class, term) pair: a term sits under one class as a rule, but a term
/// recorded under two classes is counted under each.
@Suite("Adverse events counted by term")
struct AdverseEventTermCountTests {
    /// Events of six participants (arms 0, 1, 0, 1, 0, −1), each (participant, term, class, day).
    static func table() -> AdverseEventTable {
        var table = AdverseEventTable()
        for name in ["Headache", "Nausea", "Rash"] { _ = table.terms.insert(name) }
        for name in ["Nervous system disorders", "Gastrointestinal disorders", "Skin disorders"] { _ = table.bodySystems.insert(name) }
        let events: [(Int32, Int32, Int32, Double)] = [
            (0, 0, 0, 3), (1, 1, 1, 4), (0, 0, 0, 9), (2, 2, 2, 1), (3, 1, 0, 2),  // Nausea also under class 0
            (4, 1, 1, -2), (1, 0, 0, 5), (5, 2, 2, 1), (2, 1, 0, .nan), (3, 2, 1, 7),  // Rash also under class 1
        ]
        for (participant, term, soc, day) in events {
            table.participant.append(participant)
            table.term.append(term)
            table.bodySystem.append(soc)
            table.severity.append(.mild)
            table.serious.append(false)
            table.studyDay.append(day)
            table.related.append(nil)
        }
        return table
    }

    @Test func eachPairIsCountedInTheOrderFirstMet() {
        let table = Self.table()
        let counts = AdverseEventCounts(table, arm: [0, 1, 0, 1, 0, -1])
        let (pairs, byPair) = counts.countsByTerm()
        #expect(pairs.map { [$0.soc, $0.term] } == [[0, 0], [1, 1], [2, 2], [0, 1], [1, 2]])
        // By definition: each pair's events and distinct participants per arm.
        for (index, pair) in pairs.enumerated() {
            let events = counts.events.filter { table.term[$0] == pair.term && table.bodySystem[$0] == pair.soc }
            for arm in 0..<2 {
                let inArm = events.filter { [0, 1, 0, 1, 0, -1][Int(table.participant[$0])] == arm }
                #expect(byPair[index][arm].events == inArm.count)
                #expect(byPair[index][arm].subjects == Set(inArm.map { table.participant[$0] }).count)
            }
        }
        // Participant 0's two headaches are one participant; an event without a study day counts;
        // the pre-treatment event and the participant without an arm do not.
        #expect(byPair.map { $0.map { [$0.subjects, $0.events] } } == [
            [[1, 2], [1, 1]], [[0, 0], [1, 1]], [[1, 1], [0, 0]], [[1, 1], [1, 1]], [[0, 0], [1, 1]],
        ])
    }
}
