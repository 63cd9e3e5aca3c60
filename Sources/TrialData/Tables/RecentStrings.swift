/// A front for `StringTable.insert(bytes:)` where a file repeats a small set of strings row after
/// row (adverse-event terms and body systems): each string's slot, chosen by its length and its
/// first and last eight bytes, remembers the string last met there, and a string equal to it
/// is found with one comparison of bytes — no search of the table's strings, no seeded hash.
///
/// A slot is only a guess: its string is taken when its bytes are equal, and otherwise the
/// table is asked (and the slot remembers the answer). Strings that share a slot, by chance
/// or by design, cost the table's own look-up, never a wrong index.
struct RecentStrings {
    private static let slotBits = 8
    /// For each slot, the index + 1 of the table's string last met there, or 0.
    private var slots = [Int32](repeating: 0, count: 1 << slotBits)

    /// The index in `table` of the string whose UTF-8 bytes are `bytes`, added to it unless there.
    /// - Complexity: O(*n*) in the number of bytes when the slot holds the string; else as
    ///   `StringTable.insert(bytes:)`.
    @inline(__always)
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, into table: inout StringTable) -> Int {
        let slot = Self.slot(of: bytes)
        let last = Int(slots[slot]) - 1
        if last >= 0, table.equals(last, bytes) { return last }
        let index = table.insert(bytes: bytes).index
        // A table of more than Int32.max strings keeps its strings, only not here.
        if index < Int(Int32.max) { slots[slot] = Int32(index + 1) }
        return index
    }

    /// The slot of `bytes`: their length and their first and last eight bytes (each byte of a
    /// shorter string), mixed by one multiplication.
    @inline(__always)
    private static func slot(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var word = UInt64(bytes.count)
        if bytes.count >= 8, let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            let tail = base.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            word ^= base.loadUnaligned(as: UInt64.self) ^ (tail << 29 | tail >> 35)
        } else {
            for byte in bytes { word = word << 8 | UInt64(byte) }
        }
        return Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }
}
