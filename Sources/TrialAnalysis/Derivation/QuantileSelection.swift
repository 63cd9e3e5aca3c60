/// Type-7 quantiles of an unsorted sample by selection (Hoare's quickselect), for samples whose
/// order is not otherwise needed: cheaper than sorting a million values.
enum QuantileSelection {
    /// The type-7 quantiles (R's `quantile` default) of `values` at `probabilities` (ascending),
    /// or `nil` for an empty sample. `values` is reordered.
    ///
    /// Method: for h = (n − 1)·p, the order statistics ⌊h⌋ and ⌈h⌉ are selected (each selection
    /// only searches the part right of the previous one), and (1 − γ)x₍⌊h⌋₎ + γx₍⌈h⌉₎ with
    /// γ = h − ⌊h⌋ returned, exactly as `SampleQuantile.type7` (and R) computes on sorted values.
    /// - Complexity: O(*n*) expected per probability (median-of-three pivots; a range that
    ///   partitions badly too often is sorted instead, so O(*n* log *n*) at worst).
    static func type7(_ probabilities: [Double], of values: inout [Double]) -> [Double]? {
        guard !values.isEmpty else { return nil }
        let last = Double(values.count - 1)
        var start = 0
        return values.withUnsafeMutableBufferPointer { values in
            probabilities.map { probability in
                let position = last * probability
                let lower = Int(position.rounded(.down))
                select(lower, in: values, from: start)
                start = lower
                let low = values[lower], fraction = position - Double(lower)
                guard fraction > 0 else { return low }
                var high = values[lower + 1]
                for index in (lower + 2)..<values.count where values[index] < high { high = values[index] }
                return high == low ? low : (1 - fraction) * low + fraction * high
            }
        }
    }

    /// Reorders `values[start...]` so that position `k` holds the value it would hold if sorted,
    /// with no greater value before it and no smaller one after it.
    private static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Double>, from start: Int) {
        var low = start, high = values.count - 1
        var badPartitions = 0
        while high > low {
            if badPartitions > 32 {
                var range = UnsafeMutableBufferPointer(rebasing: values[low...high])
                range.sort()
                return
            }
            let middle = low + (high - low) / 2
            // Median of three as pivot.
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var left = low, right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while pivot < values[right] { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            let before = high - low
            if k <= right { high = right } else if k >= left { low = left } else { return }
            if (high - low) * 4 > before * 3 { badPartitions += 1 }
        }
    }
}
