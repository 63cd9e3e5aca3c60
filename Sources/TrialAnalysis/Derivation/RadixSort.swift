/// Sorting of large samples of doubles in linear time, so that the quartiles and rank tests of
/// a million participants cost a few passes over memory rather than *n* log *n* comparisons.
enum RadixSort {
    /// Below this size the standard library's sort is faster.
    private static let smallSample = 2048
    /// Bits per pass: a pass scatters the keys to 2⁸ places, few enough for the cache to keep
    /// up with (eight passes of 8 bits took half the time of six of 11 on samples of 500,000);
    /// eight passes cover 64 bits.
    private static let digitBits = 8
    private static let passes = 8

    /// `values` in ascending order (−0 before +0; no NaN expected), with their runs when they were
    /// counted (`CountingSort`).
    ///
    /// Method: a sample with at most one distinct value in eight is sorted by counting its values
    /// (`CountingSort`); any other by least-significant-digit radix sort on the order-preserving 64-bit key of each
    /// double (sign bit flipped for non-negative values, every bit flipped for negative ones),
    /// 8 bits per pass; the histograms of all passes come from one read of the keys, and a pass
    /// where every key has the same digit is skipped.
    /// - Complexity: O(*n*) time (O(*n* + *k* log *k*) for *k* ≤ *n*/8 distinct values, counted), 2*n* extra words.
    static func sortedWithRuns(_ values: [Double]) -> (sorted: [Double], runs: ValueRuns?) {
        guard values.count > smallSample else { return (values.sorted(), nil) }
        if let runs = CountingSort.runs(values, distinctLimit: values.count / 8) { return (runs.values, runs) }
        return (radixSorted(values), nil)
    }

    /// `values` (more than `smallSample` of them) in ascending order by radix sort.
    private static func radixSorted(_ values: [Double]) -> [Double] {
        let radix = 1 << digitBits, mask = UInt64(radix - 1)
        var keys = [UInt64](unsafeUninitializedCapacity: values.count) { keys, count in
            for index in values.indices { keys[index] = key(values[index]) }
            count = values.count
        }
        var counts = [Int](repeating: 0, count: radix * passes)
        counts.withUnsafeMutableBufferPointer { counts in
            keys.withUnsafeBufferPointer { keys in
                for key in keys {
                    for pass in 0..<passes { counts[pass * radix + Int((key >> UInt64(pass * digitBits)) & mask)] += 1 }
                }
            }
        }
        var buffer = [UInt64](repeating: 0, count: keys.count)
        for pass in 0..<passes {
            let shift = UInt64(pass * digitBits), base = pass * radix
            if counts[base + Int((keys[0] >> shift) & mask)] == keys.count { continue }
            var total = 0
            for digit in 0..<radix {
                let count = counts[base + digit]
                counts[base + digit] = total
                total += count
            }
            keys.withUnsafeBufferPointer { keys in
                buffer.withUnsafeMutableBufferPointer { buffer in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for key in keys {
                            let slot = base + Int((key >> shift) & mask)
                            buffer[counts[slot]] = key
                            counts[slot] += 1
                        }
                    }
                }
            }
            swap(&keys, &buffer)
        }
        return [Double](unsafeUninitializedCapacity: keys.count) { values, count in
            for index in keys.indices { values[index] = value(keys[index]) }
            count = keys.count
        }
    }

    /// The order-preserving 64-bit key of `value`: keys compare as the values do (−0 below +0).
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    /// The value whose key is `key`.
    @inline(__always)
    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
