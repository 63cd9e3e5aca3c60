/// Bits packed into bytes low bit first, as DEFLATE writes them (RFC 1951, 3.1.1), stored eight
/// bytes at a time.
struct BitWriter {
    private var storage = [UInt8](repeating: 0, count: 1 << 16)
    private var byteCount = 0
    private var pending: UInt64 = 0, pendingCount = 0

    /// Every byte written, the last padded with zero bits.
    mutating func finish() -> [UInt8] {
        alignToByte()
        return Array(storage[..<byteCount])
    }

    /// Writes the low `count` bits of `value` (`count` at most 32), low bit first.
    @inline(__always)
    mutating func write(_ value: UInt32, count: Int) {
        let value = UInt64(value)
        if pendingCount + count < 64 {
            pending |= value << UInt64(pendingCount)
            pendingCount += count
            return
        }
        let fitting = 64 - pendingCount  // 32 or fewer: pendingCount + count reached 64
        store(pending | value << UInt64(pendingCount))
        pending = value >> UInt64(fitting)
        pendingCount = count - fitting
    }

    /// Pads the last byte with zero bits.
    mutating func alignToByte() {
        let whole = (pendingCount + 7) / 8
        guard whole > 0 else { return }
        store(pending)
        byteCount -= 8 - whole
        pending = 0
        pendingCount = 0
    }

    /// Writes `newBytes` eight bits each (whole bytes after `alignToByte`).
    mutating func write(_ newBytes: [UInt8]) {
        for byte in newBytes { write(UInt32(byte), count: 8) }
    }

    private mutating func store(_ word: UInt64) {
        if byteCount + 8 > storage.count { storage += repeatElement(0, count: storage.count) }
        storage.withUnsafeMutableBytes { $0.storeBytes(of: word.littleEndian, toByteOffset: byteCount, as: UInt64.self) }
        byteCount += 8
    }
}
