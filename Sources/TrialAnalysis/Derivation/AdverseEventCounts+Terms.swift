import TrialData

extension AdverseEventCounts {
    /// A term under a system organ class: indices into the table's `terms` and `bodySystems`.
    struct TermInClass: Hashable {
        let soc: Int32, term: Int32
    }

    /// The (class, term) pairs of the events, in the order first met, and each pair's counts per
    /// arm (as `count(groups:_:)`): a term is counted under each class it is recorded under.
    ///
    /// A term's pair is found by the term's index: a term sits under one class (MedDRA's primary
    /// one), and only a term met under a second class looks its other pairs up in a dictionary.
    /// - Complexity: O(*e* + *t* + *n*) for *e* events, *t* terms, *n* participants.
    func countsByTerm() -> (pairs: [TermInClass], counts: [[(subjects: Int, events: Int)]]) {
        let table = table
        var firstClass = [Int32](repeating: -1, count: table.terms.count)
        var firstPair = [Int](repeating: -1, count: table.terms.count)
        var otherPairs: [TermInClass: Int] = [:]
        var pairs: [TermInClass] = []
        func pairIndex(of event: Int) -> Int? {
            let term = Int(table.term[event]), soc = table.bodySystem[event]
            return firstClass[term] == soc ? firstPair[term] : otherPairs[TermInClass(soc: soc, term: Int32(term))]
        }
        for event in events where pairIndex(of: event) == nil {
            let term = Int(table.term[event]), pair = TermInClass(soc: table.bodySystem[event], term: Int32(term))
            if firstClass[term] < 0 {
                (firstClass[term], firstPair[term]) = (pair.soc, pairs.count)
            } else {
                otherPairs[pair] = pairs.count
            }
            pairs.append(pair)
        }
        return (pairs, count(groups: pairs.count, pairIndex(of:)))
    }
}
