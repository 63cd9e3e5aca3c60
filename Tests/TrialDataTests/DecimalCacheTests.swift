import Testing
@testable import TrialData

/// The cache of short fields' numbers: a word finds only the value stored for it, whatever
/// shares its slot.
@Suite("Decimal cache")
struct DecimalCacheTests {
    /// The word of a short field's text, as `PlainRecord.shortWord` makes it.
    private func word(_ text: String) -> UInt64 { Array(text.utf8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }

    @Test func aWordFindsOnlyItsOwnValue() {
        let cache = DecimalCache()
        #expect(cache.value(of: word("322.1")) == nil)
        cache.store(322.1, for: word("322.1"))
        cache.store(-0.0, for: word("-0"))
        #expect(cache.value(of: word("322.1")) == 322.1)
        #expect(cache.value(of: word("-0"))?.bitPattern == (-0.0).bitPattern)
        #expect(cache.value(of: word("322.10")) == nil && cache.value(of: word("0")) == nil)
    }

    /// Many more words than slots: each lookup gives the value last stored for that word or
    /// nothing, never another word's.
    @Test func wordsSharingASlotNeverFindEachOthersValues() {
        let cache = DecimalCache()
        var stored: [UInt64: Double] = [:]
        var hits = 0
        for round in 0..<3 {
            for index in 0..<(3 * DecimalCache.slotCount) {
                let text = "\(index / 10).\(index % 10)", key = word(text), value = Double(index) / 10 + Double(round)
                if let found = cache.value(of: key) {
                    #expect(found == stored[key], "\(text)")
                    hits += 1
                }
                cache.store(value, for: key)
                stored[key] = value
            }
        }
        #expect(hits > 0 && hits < 6 * DecimalCache.slotCount, "some words found, some pushed out")
    }
}
