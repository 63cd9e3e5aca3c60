import Testing
@testable import TrialData

/// The participant matcher's shortcut: the last id found kept as two words (`ShortBytes`).
@Suite("Participant matcher")
struct ParticipantMatcherTests {
    /// Strings over a two-letter alphabet: many equal, many one byte apart, every length 0–20.
    private static func strings() -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        let lengths = Array(0...20) + (0..<400).map { _ in Int.random(in: 6...18, using: &generator) }
        return lengths.map { length in (0..<length).map { _ in Bool.random(using: &generator) ? 0x41 : 0x42 } }
    }

    @Test func keptBytesMatchExactlyTheEqualStrings() {
        let strings = Self.strings()
        for kept in strings {
            let shortBytes = kept.withUnsafeBufferPointer { ShortBytes($0) }
            for other in strings {
                let expected = (8...16).contains(kept.count) && kept == other
                #expect(other.withUnsafeBufferPointer { shortBytes.matches($0) } == expected, "\(kept) \(other)")
            }
            // The same bytes with each one changed in turn.
            for position in kept.indices {
                var changed = kept
                changed[position] ^= 0x20
                #expect(!changed.withUnsafeBufferPointer { shortBytes.matches($0) }, "\(kept) at \(position)")
            }
        }
    }

    /// Ids of 7 to 17 bytes one byte apart, looked up in every order: each the table's index, an
    /// unknown id `nil`, whatever was found before.
    @Test func everyIdIsFoundWhateverCameBefore() {
        let ids = ["SUBJ001", "SUBJ0001", "SUBJ0002", "SUBJ-0001-A", "SUBJ-0001-B", "SUBJ-1001-A", "S-0001-0002-0003", "S-0001-0002-0004",
                   "S-0001-0002-0003X", "S-0001-0002-0003Y"]
        let lookup = ParticipantLookup(ids: StringTable(ids), unreadable: StringTable([]), isAvailable: true)
        let queries = ids + ["SUBJ0003", "SUBJ-0001-C", "S-0001-0002-0005", "SUBJ000"]
        lookup.withMatcher { matcher in
            for first in queries {
                for second in queries + queries.reversed() {
                    for query in [first, second, second] {
                        let found = Array(query.utf8).withUnsafeBufferPointer { matcher.knownParticipant($0) }
                        #expect(found.map(Int.init) == ids.firstIndex(of: query), "\(query) after \(first)")
                    }
                }
            }
        }
    }
}
