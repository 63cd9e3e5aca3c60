/// A fast 64-bit hash of bytes, for the row digests of a data lock (`RowDigests`).
///
/// Not cryptographic: the lock's SHA-256 of each whole file is what proves a file unchanged;
/// the row digests only say where a changed file differs, and for that any change of a row must
/// change its digest with overwhelming probability (2⁻⁶⁴ per participant). Eight bytes at a
/// time, each step one 64 × 64 → 128-bit multiplication folded to 64 bits (as in wyhash), so a
/// row costs about as much as reading it: the cost of a lock is proportional to the bytes.
/// The constants are fixed: the same bytes give the same digest on every machine, in every run.
enum RowHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let tailMultiplier: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let finalMultiplier: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    /// The 128-bit product of `first` and `second`, its halves combined (as `UInt128`: inside a
    /// large reading loop the compiler left `multipliedFullWidth` a call).
    @inline(__always)
    static func fold(_ first: UInt64, _ second: UInt64) -> UInt64 {
        let product = UInt128(first) &* UInt128(second)
        return UInt64(truncatingIfNeeded: product >> 64) ^ UInt64(truncatingIfNeeded: product)
    }

    /// The hash of `bytes` under `seed` (different seeds give unrelated hashes of the same bytes).
    /// - Complexity: O(*n*) in the number of bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var state = seed ^ (UInt64(bytes.count) &* multiplier)
        guard let base = bytes.baseAddress else { return fold(state, finalMultiplier) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = fold(state ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), multiplier)
            offset += 8
        }
        if offset < bytes.count {
            // The last 1–7 bytes as one little-endian word, read as 4, 2 and 1 bytes: never past
            // the end (the value the byte-by-byte loop gives).
            let remaining = bytes.count - offset
            var tail: UInt64 = 0, shift: UInt64 = 0
            if remaining & 4 != 0 {
                tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                shift = 32
            }
            if remaining & 2 != 0 {
                tail |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) << shift
                offset += 2
                shift += 16
            }
            if remaining & 1 != 0 { tail |= UInt64(base[offset]) << shift }
            state = fold(state ^ tail, tailMultiplier)
        }
        return fold(state ^ (state >> 29), finalMultiplier)
    }

    /// The seed of the cells of the column (or transport variable) named `name`.
    static func seed(ofColumn name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { hash($0, seed: 0) }
    }

    /// A 64-bit value mixed so that sums of mixed values behave as sums of random ones.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        fold(value ^ multiplier, finalMultiplier) ^ value
    }
}
