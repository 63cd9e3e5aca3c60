import TrialData

/// The system organ classes and preferred terms of the treatment-emergent events to list,
/// counted per arm, ordered and filtered as the plan's `safety` section says.
///
/// A term is keyed by its class and its text: the same term under two classes is two rows. With
/// `minimumPercent`, a term is listed when the participants with it make at least that percentage
/// of some arm's participants (exactly the threshold counts, within 1e-9 percentage points); a
/// class is listed when one of its terms is, with its counts over all its terms.
struct EmergentEventListing {
    /// Counts per arm: participants with such an event, and events.
    typealias Counts = [(subjects: Int, events: Int)]

    /// A listed class: its index in `AdverseEventTable.bodySystems`, its counts and its listed terms.
    struct ListedClass {
        let soc: Int
        let counts: Counts
        let terms: [ListedTerm]
    }

    /// A listed term: its index in `AdverseEventTable.terms` and its counts.
    struct ListedTerm {
        let term: Int
        let counts: Counts
    }

    /// The classes to list, in the plan's order, each with its terms in the plan's order.
    let classes: [ListedClass]
    /// Terms with events that the threshold leaves out.
    let termsBelowThreshold: Int
    /// Classes with events none of whose terms is listed.
    let classesBelowThreshold: Int

    /// The listing of the events `counts` holds.
    /// - Parameter sizes: the participants of each arm, the denominators of the threshold.
    /// - Complexity: O(*e* log *e* + *t* log *t*) for *e* events and *t* terms.
    init(table: AdverseEventTable, counts: AdverseEventCounts, sizes: [Int], specification: SafetySpecification) {
        let byClass = counts.count(groups: table.bodySystems.count) { Int(table.bodySystem[$0]) }
        let (pairs, byPair) = counts.countsByTerm()
        let isListed = { (counts: Counts) -> Bool in
            guard let minimum = specification.minimumPercent else { return true }
            return zip(counts, sizes).contains { $1 > 0 && Double($0.subjects) / Double($1) * 100 >= minimum - 1e-9 }
        }
        var termsByClass = [[ListedTerm]](repeating: [], count: table.bodySystems.count)
        var below = 0
        for (index, pair) in pairs.enumerated() {
            guard isListed(byPair[index]) else {
                below += 1
                continue
            }
            termsByClass[Int(pair.soc)].append(ListedTerm(term: Int(pair.term), counts: byPair[index]))
        }
        let present = byClass.indices.filter { byClass[$0].contains { $0.events > 0 } }
        let listed = present.filter { !termsByClass[$0].isEmpty }.map { soc in
            ListedClass(soc: soc, counts: byClass[soc], terms: Self.ordered(termsByClass[soc], by: specification.termOrder,
                                                                          name: { table.terms[$0.term] }, counts: \.counts))
        }
        classes = Self.ordered(listed, by: specification.classOrder, name: { table.bodySystems[$0.soc] }, counts: \.counts)
        termsBelowThreshold = below
        classesBelowThreshold = present.count - listed.count
    }

    /// `items` alphabetical (bytewise), or by participants over all arms, most first, ties alphabetical.
    private static func ordered<Item>(_ items: [Item], by order: SafetySpecification.Order, name: (Item) -> String,
                                      counts: (Item) -> Counts) -> [Item] {
        let keyed = items.map { (item: $0, name: name($0), subjects: counts($0).reduce(0) { $0 + $1.subjects }) }
        return keyed.sorted { first, second in
            if order == .frequency, first.subjects != second.subjects { return first.subjects > second.subjects }
            return first.name.utf8.lexicographicallyPrecedes(second.name.utf8)
        }.map(\.item)
    }
}
