/// The numbers of recently read short fields, by their bytes (`PlainRecord.shortWord`): a lab
/// file repeats its values (a million participants' 19 million measurements hold some 16,000
/// distinct ones), and a field read before is found in one probe instead of being read again.
///
/// Direct-mapped: each word has one slot, and a new word takes the slot over. A value is only
/// ever stored for the word it was read from, so a hit is the same double to the bit.
/// Valid on one thread; its storage is freed with it.
final class DecimalCache {
    /// Slots: 2^16 = 65,536 (1 MiB) find 97 % of the values of a section of a million
    /// participants' adlb.csv (600,000 rows, 14,280 distinct values), 2^14 88 %, 2^12 70 %. The
    /// misses cost more than the larger table's cache misses: `validate` of that study 1.24 →
    /// 1.21 s against 2^14 (two series of 8 runs), 1.25 → 1.30 s with 2^12.
    private static let slotBits = 16
    static let slotCount = 1 << slotBits
    private let words: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Double>

    init() {
        words = .allocate(capacity: Self.slotCount)
        words.initialize(repeating: 0, count: Self.slotCount)
        values = .allocate(capacity: Self.slotCount)
        values.initialize(repeating: 0, count: Self.slotCount)
    }

    deinit {
        words.deallocate()
        values.deallocate()
    }

    /// The slot of `word` (Fibonacci hashing: the multiply spreads every byte into the top bits).
    @inline(__always)
    private static func slot(_ word: UInt64) -> Int {
        Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    /// The number stored for `word` (never 0: a field's word has a byte), or `nil`.
    @inline(__always)
    func value(of word: UInt64) -> Double? {
        let slot = Self.slot(word)
        return words[slot] == word ? values[slot] : nil
    }

    /// Keeps `value`, read from the field whose word is `word`.
    @inline(__always)
    func store(_ value: Double, for word: UInt64) {
        let slot = Self.slot(word)
        words[slot] = word
        values[slot] = value
    }
}
