/// Sorting of large samples of doubles in linear time, so that the quartiles and rank tests of
/// a million participants cost a few passes over memory rather than *n* log *n* comparisons.
enum RadixSort {
    /// Below this size the standard library's sort is faster.
    private static let smallSample = 4096

    /// `values` in ascending order (−0 before +0; no NaN expected).
    ///
    /// Method: least-significant-digit radix sort on the order-preserving 64-bit key of each
    /// double (sign bit flipped for non-negative values, every bit flipped for negative ones),
    /// 16 bits per pass, skipping passes where every key has the same digit.
    /// - Complexity: O(*n*) time, 2*n* extra words.
    static func sorted(_ values: [Double]) -> [Double] {
        guard values.count > smallSample else { return values.sorted() }
        var keys = values.map(key)
        var buffer = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            let shift = UInt64(shift)
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int((key >> shift) & 0xFFFF)] += 1 }
            if counts.contains(keys.count) { continue }
            var total = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = total
                total += count
            }
            keys.withUnsafeBufferPointer { keys in
                buffer.withUnsafeMutableBufferPointer { buffer in
                    for key in keys {
                        let digit = Int((key >> shift) & 0xFFFF)
                        buffer[counts[digit]] = key
                        counts[digit] += 1
                    }
                }
            }
            swap(&keys, &buffer)
        }
        return keys.map(value)
    }

    @inline(__always)
    private static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    @inline(__always)
    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
