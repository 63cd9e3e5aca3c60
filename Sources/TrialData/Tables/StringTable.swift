#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether two byte buffers hold the same bytes.
///
/// Short buffers (ids, codes, units) are compared a word at a time: two loads of 4 or 8 bytes
/// from each, the first and the last (overlapping when shorter than two words), so that no
/// byte outside either buffer is read; longer ones with `memcmp`.
@inline(__always)
func bytesEqual(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = first.count
    guard count == second.count else { return false }
    guard count > 0, let firstBase = first.baseAddress, let secondBase = second.baseAddress else { return true }
    let one = UnsafeRawPointer(firstBase), other = UnsafeRawPointer(secondBase)
    switch count {
    case ..<4:
        // The first, middle and last byte: every byte of up to three.
        return firstBase[0] == secondBase[0] && firstBase[count >> 1] == secondBase[count >> 1]
            && firstBase[count - 1] == secondBase[count - 1]
    case ..<8:
        return one.loadUnaligned(as: UInt32.self) == other.loadUnaligned(as: UInt32.self)
            && one.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == other.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    case ...16:
        return one.loadUnaligned(as: UInt64.self) == other.loadUnaligned(as: UInt64.self)
            && one.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == other.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    default:
        return memcmp(firstBase, secondBase, count) == 0
    }
}

/// Distinct strings numbered 0, 1, 2, … in the order added, stored contiguously as UTF-8,
/// with constant-time lookup by text or by raw bytes (so a CSV field is looked up without
/// creating a `String`), whatever the strings: the hash is seeded (see `hash`).
///
/// Used for participant ids (USUBJID), parameter codes, adverse-event terms and the levels
/// of text columns: tables then refer to a string by its `Int32` index.
public struct StringTable: Sendable, Equatable {
    private var storage: [UInt8] = []
    /// String `i` is `storage[offsets[i]..<offsets[i + 1]]`.
    private var offsets: [Int] = [0]
    /// The hash of each string, so that growing the table does not hash the strings again.
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: `0` is empty, otherwise the high 32 bits of the
    /// string's hash and its index + 1 (`Slot`), so that a probe compares the bytes of a string
    /// only when its hash agrees.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    /// The strings from this index on were added by `appendInAscendingOrder` and are not in
    /// `slots` yet (see `indexAppended()`).
    private var unindexedFrom = 0
    /// Whether `appendInAscendingOrder` may still add strings: it added every string so far
    /// (so they ascend) and has not refused one.
    private var isAscending = true

    public init() {}

    /// An empty table with room for `capacity` strings before it grows.
    public init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity + 1)
    }

    /// A table of `strings` in order (duplicates are added once).
    public init(_ strings: [String]) {
        for string in strings { insert(string) }
    }

    /// The same table in storage of its own, for a thread that adds strings to it. Threads reading
    /// one table through copies of it share its buffers' reference counts, and updating those from
    /// two cores at once is slow: a thread that only reads looks strings up in a `View` instead.
    func independentCopy() -> StringTable {
        precondition(unindexedFrom == count, "strings appended in ascending order are not indexed yet")
        var copy = StringTable()
        copy.storage = storage.withUnsafeBufferPointer { Array($0) }
        copy.offsets = offsets.withUnsafeBufferPointer { Array($0) }
        copy.hashes = hashes.withUnsafeBufferPointer { Array($0) }
        copy.slots = slots.withUnsafeBufferPointer { Array($0) }
        copy.unindexedFrom = unindexedFrom
        copy.isAscending = false
        return copy
    }

    /// The number of distinct strings.
    public var count: Int { offsets.count - 1 }

    /// The strings in index order.
    public var strings: [String] { (0..<count).map { self[$0] } }

    /// The string with index `index`.
    public subscript(index: Int) -> String {
        storage.withUnsafeBufferPointer { String(decoding: $0[offsets[index]..<offsets[index + 1]], as: UTF8.self) }
    }

    /// The index of `string`, or `nil` when it is not in the table.
    /// - Complexity: O(*n*) in the length of the string, expected.
    public func index(of string: String) -> Int? {
        var string = string
        return string.withUTF8 { index(ofBytes: $0) }
    }

    /// The index of the string whose UTF-8 bytes are `bytes`, or `nil`.
    /// - Complexity: O(*n*) in the number of bytes, expected.
    @inline(__always)
    public func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        withView { $0.index(ofBytes: bytes) }
    }

    /// Adds `string` unless present.
    /// - Returns: its index, and whether it was added.
    @discardableResult
    public mutating func insert(_ string: String) -> (index: Int, inserted: Bool) {
        var string = string
        return string.withUTF8 { insert(bytes: $0) }
    }

    /// Adds the string whose UTF-8 bytes are `bytes` unless present.
    /// - Returns: its index, and whether it was added.
    /// - Complexity: amortized O(*n*) in the number of bytes, expected.
    @discardableResult
    public mutating func insert(bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        indexAppended()
        if count <= View.smallCount, let found = index(ofBytes: bytes) { return (found, false) }
        let hash = Self.hash(bytes)
        let (slot, found) = probe(bytes, hash: hash)
        if found { return (Slot.index(slots[slot]), false) }
        return (add(bytes, hash: hash, at: slot), true)
    }

    /// Adds `bytes` without looking it up when every string so far was added by this method and
    /// `bytes` sorts after the last of them: then it cannot be in the table. Ids in
    /// ascending order, as ADaM datasets usually hold them, are added without a probe of the
    /// hash index each (a cache miss, most of the time in a table of a million ids): they are
    /// entered together by `indexAppended()`, which the next lookup or `insert` must follow.
    /// - Returns: whether `bytes` was added; when not, `insert(bytes:)` tells whether it is new.
    mutating func appendInAscendingOrder(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isAscending, sortsAfterLast(bytes) else {
            isAscending = false
            return false
        }
        storage.append(contentsOf: bytes)
        offsets.append(storage.count)
        hashes.append(0)
        return true
    }

    /// Enters the strings `appendInAscendingOrder` added into the hash index: their hashes first,
    /// then their slots, in two tight passes whose cache misses overlap.
    mutating func indexAppended() {
        guard unindexedFrom < count else { return }
        storage.withUnsafeBufferPointer { storage in
            offsets.withUnsafeBufferPointer { offsets in
                for index in unindexedFrom..<count {
                    hashes[index] = Self.hash(UnsafeBufferPointer(rebasing: storage[offsets[index]..<offsets[index + 1]]))
                }
            }
        }
        if count * 2 > slots.count {
            var capacity = slots.count
            while count * 2 > capacity { capacity *= 2 }
            rehash(capacity: capacity)
        } else {
            for index in unindexedFrom..<count {
                slots[Self.emptySlot(for: hashes[index], in: slots)] = Slot.make(hash: hashes[index], index: index)
            }
        }
        unindexedFrom = count
    }

    /// Whether `bytes` sorts after the string added last (byte by byte, a prefix first), or the table is empty.
    private func sortsAfterLast(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count > 0 else { return true }
        return storage.withUnsafeBufferPointer { storage in
            let last = UnsafeBufferPointer(rebasing: storage[offsets[count - 1]..<offsets[count]])
            for index in 0..<min(last.count, bytes.count) where last[index] != bytes[index] { return bytes[index] > last[index] }
            return bytes.count > last.count
        }
    }

    /// Adds string `index` of `other`, which must not be in this table already (not checked: for
    /// strings gathered from tables of distinct strings), reusing its hash: no hashing and no
    /// comparison of bytes.
    /// - Returns: its index in this table.
    /// - Complexity: amortized O(*n*) in the number of bytes, expected.
    @discardableResult
    mutating func appendAbsent(_ index: Int, of other: StringTable) -> Int {
        indexAppended()
        precondition(index < other.unindexedFrom, "the string's hash is not computed yet")
        let hash = other.hashes[index]
        let slot = Self.emptySlot(for: hash, in: slots)
        return other.withBytes(index) { add($0, hash: hash, at: slot) }
    }

    /// Adds `bytes`, whose hash is `hash`, in the empty slot `slot`, growing the slots when half full.
    /// - Returns: the new string's index.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) -> Int {
        let index = count
        isAscending = false
        storage.append(contentsOf: bytes)
        offsets.append(storage.count)
        hashes.append(hash)
        slots[slot] = Slot.make(hash: hash, index: index)
        unindexedFrom = count
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) }
        return index
    }

    /// The first empty slot of `slots` from where `hash` belongs (for a string not in them).
    private static func emptySlot(for hash: UInt64, in slots: [UInt64]) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// Whether the string with index `index` has exactly the bytes `bytes`.
    @inline(__always)
    public func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withView { $0.equals(index, bytes) }
    }

    /// Calls `body` with the UTF-8 bytes of the string with index `index`.
    public func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withView { try $0.withBytes(index, body) }
    }

    /// The slot holding `bytes`, or the empty slot where it belongs.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, found: Bool) {
        withView { $0.probe(bytes, hash: hash) }
    }

    /// Calls `body` with a view of the table's buffers, which reads them without reference
    /// counting: several threads can look strings up in one table at once, each in a view of its
    /// own, where reading the table itself from two cores would contend for its buffers'
    /// reference counts (or need a copy of the table per thread).
    @inline(__always)
    func withView<Result>(_ body: (View) throws -> Result) rethrows -> Result {
        precondition(unindexedFrom == count, "strings appended in ascending order are not indexed yet")
        return try storage.withUnsafeBufferPointer { storage in
            try offsets.withUnsafeBufferPointer { offsets in
                try slots.withUnsafeBufferPointer { slots in
                    try body(View(storage: storage, offsets: offsets, slots: slots))
                }
            }
        }
    }

    /// The buffers of a table, read in place while `withView` runs; the lookups of `StringTable`.
    struct View {
        fileprivate let storage: UnsafeBufferPointer<UInt8>
        fileprivate let offsets: UnsafeBufferPointer<Int>
        fileprivate let slots: UnsafeBufferPointer<UInt64>

        /// The number of distinct strings.
        var count: Int { offsets.count - 1 }

        /// Up to this many strings a lookup compares them in turn instead of hashing.
        static let smallCount = 8

        /// The index of the string whose UTF-8 bytes are `bytes`, or `nil`.
        /// - Complexity: O(*n*) in the number of bytes, expected.
        @inline(__always)
        func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            if count <= Self.smallCount {
                // A few short codes (arms, parameters): comparing beats hashing, and is inlined.
                for index in 0..<count where equals(index, bytes) { return index }
                return nil
            }
            return hashedIndex(ofBytes: bytes)
        }

        /// `index(ofBytes:)` through the hash index.
        @inline(never)
        private func hashedIndex(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            let (slot, found) = probe(bytes, hash: StringTable.hash(bytes))
            return found ? Slot.index(slots[slot]) : nil
        }

        /// The index of the string whose UTF-8 bytes are `bytes`, or `nil`; the string with index
        /// `last` (one of the table's, or −1: none) and the `nextTried` after it are tried first, as a
        /// file's rows usually come grouped by participant, in the order of the participants' table.
        @inline(__always)
        func index(ofBytes bytes: UnsafeBufferPointer<UInt8>, tryingFirst last: Int) -> Int? {
            if last >= 0, equals(last, bytes) { return last }
            // The next few: a file of events skips the participants without one.
            for next in (last + 1)..<min(count, last + 1 + Self.nextTried) where equals(next, bytes) { return next }
            return index(ofBytes: bytes)
        }

        /// How many strings after the last found `index(ofBytes:tryingFirst:)` compares before a look-up.
        static let nextTried = 4

        /// Calls `body` with the UTF-8 bytes of the string with index `index`.
        @inline(__always)
        func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try body(UnsafeBufferPointer(rebasing: storage[offsets[index]..<offsets[index + 1]]))
        }

        /// Whether the string with index `index` has exactly the bytes `bytes`.
        @inline(__always)
        func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = offsets[index], end = offsets[index + 1]
            guard end - start == bytes.count else { return false }
            return bytesEqual(UnsafeBufferPointer(rebasing: storage[start..<end]), bytes)
        }

        /// The slot holding `bytes`, or the empty slot where it belongs.
        fileprivate func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, found: Bool) {
            let mask = slots.count - 1
            let tag = Slot.tag(hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return (slot, false) }
                if Slot.tag(entry) == tag, equals(Slot.index(entry), bytes) { return (slot, true) }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func rehash(capacity: Int) {
        var slots = [UInt64](repeating: 0, count: capacity)
        for (index, hash) in hashes.enumerated() {
            slots[Self.emptySlot(for: hash, in: slots)] = Slot.make(hash: hash, index: index)
        }
        self.slots = slots
    }

    /// A slot's entry: the high 32 bits of the hash, then the index + 1 (never 0, the empty slot).
    fileprivate enum Slot {
        static func make(hash: UInt64, index: Int) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1) }
        static func tag(_ value: UInt64) -> UInt64 { value & 0xFFFF_FFFF_0000_0000 }
        static func index(_ entry: UInt64) -> Int { Int(entry & 0xFFFF_FFFF) - 1 }
    }

    /// Swift's `Hasher` (SipHash, seeded at random in every process), so that no choice of ids
    /// can make many of them land in one run of slots: a fixed hash such as FNV-1a lets crafted
    /// USUBJIDs turn every insertion into a scan of the table (400,000 participants 173 s instead
    /// of 0.6 s). Only the slots depend on the seed; indices, and so every output, do not.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }

    public static func == (lhs: StringTable, rhs: StringTable) -> Bool {
        lhs.storage == rhs.storage && lhs.offsets == rhs.offsets
    }
}
