/// A sorted sample kept as its distinct values, ascending (−0 before +0), each with how many times
/// it occurs: what `CountingSort` finds, a few thousand entries for hundreds of thousands of
/// measurements recorded to one decimal.
///
/// Samples kept so are merged by their runs (`merging(_:)`) and written out once, instead of
/// comparing value by value.
struct ValueRuns: Sendable {
    /// The distinct values' order-preserving keys (`RadixSort.key`), ascending.
    let keys: [UInt64]
    /// How many times each value occurs.
    let counts: [Int32]
    /// The number of values, Σ `counts`.
    let total: Int

    /// The values in ascending order, each run written at once.
    /// - Complexity: O(*n*).
    var values: [Double] {
        [Double](unsafeUninitializedCapacity: total) { values, count in
            var written = 0
            for (key, times) in zip(keys, counts) {
                (values.baseAddress! + written).initialize(repeating: RadixSort.value(key), count: Int(times))
                written += Int(times)
            }
            count = written
        }
    }

    /// The runs of `parts` together, as `Sample(merging:)` merges their values: the parts merged
    /// one after the other, each merge stable (the earlier part's value first where two are
    /// equal, as −0 and +0 are), so that `values` is that merge's result to the bit.
    /// - Complexity: O(*k* · *m*) for *k* parts of *m* runs together.
    static func merging(_ parts: [ValueRuns]) -> ValueRuns {
        parts.dropFirst().reduce(parts.first ?? ValueRuns(keys: [], counts: [], total: 0)) { merge($0, $1) }
    }

    /// `first` and `second` merged: a run of `second` goes first only when its value is smaller.
    private static func merge(_ first: ValueRuns, _ second: ValueRuns) -> ValueRuns {
        var keys: [UInt64] = [], counts: [Int32] = []
        keys.reserveCapacity(first.keys.count + second.keys.count)
        counts.reserveCapacity(first.keys.count + second.keys.count)
        var i = 0, j = 0
        while i < first.keys.count || j < second.keys.count {
            let takesSecond = i == first.keys.count
                || (j < second.keys.count && RadixSort.value(second.keys[j]) < RadixSort.value(first.keys[i]))
            if takesSecond {
                keys.append(second.keys[j])
                counts.append(second.counts[j])
                j += 1
            } else {
                keys.append(first.keys[i])
                counts.append(first.counts[i])
                i += 1
            }
        }
        return ValueRuns(keys: keys, counts: counts, total: first.total + second.total)
    }
}
