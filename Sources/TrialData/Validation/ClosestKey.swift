/// Suggestions for misspelt keys.
public enum ClosestKey {
    /// The known key closest to `key` by case-insensitive edit distance, when close enough to be
    /// a likely misspelling (at most a third of the key's length, at least 2 edits allowed).
    ///
    /// - Complexity: O(*k* · *m* · *n*) for *k* known keys of length *n* and a key of length *m*.
    public static func suggestion(for key: String, among known: [String]) -> String? {
        let lowered = Array(key.lowercased())
        let scored = known.map { (key: $0, distance: editDistance(lowered, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(2, lowered.count / 3) ? best.key : nil
    }

    /// The Levenshtein distance: insertions, deletions and substitutions of one character each.
    ///
    /// - Complexity: O(*m* · *n*) time, O(*n*) memory.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, characterOfA) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, characterOfB) in b.enumerated() {
                let substitution = previous[j] + (characterOfA == characterOfB ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }
}
