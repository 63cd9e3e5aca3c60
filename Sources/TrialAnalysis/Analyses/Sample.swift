import TrialStats

/// The non-missing values of a variable in one group, in ascending order.
struct Sample: Sendable {
    /// The values, ascending.
    let sorted: [Double]

    /// The values of `unsorted` (which holds no NaN), sorted.
    /// - Complexity: O(*n*) (radix sort) for large samples.
    init(_ unsorted: [Double]) {
        sorted = RadixSort.sorted(unsorted)
    }

    var count: Int { sorted.count }

    /// n, mean, SD, SEM, median, quartiles (type 7), min and max of the sorted values.
    /// - Complexity: O(*n*).
    var descriptives: Descriptives {
        Descriptives(moments: Moments(sorted), quartiles: [0.25, 0.5, 0.75].map { SampleQuantile.type7($0, sorted: sorted) },
                     min: sorted.first, max: sorted.last)
    }

    /// The descriptives of values whose order is not needed otherwise: quartiles by selection
    /// rather than a sort.
    /// - Complexity: O(*n*) expected.
    static func descriptives(ofUnsorted values: [Double]) -> Descriptives {
        var values = values
        let moments = Moments(values)
        let quartiles = QuantileSelection.type7([0.25, 0.5, 0.75], of: &values) ?? [.nan, .nan, .nan]
        return Descriptives(moments: moments, quartiles: quartiles, min: values.min(), max: values.max())
    }

    /// The values ordered by absolute value, ascending (negative before positive on ties), as
    /// the signed-rank test ranks them.
    /// - Complexity: O(*n*), merging the negative values (reversed) with the others.
    var byMagnitude: [Double] {
        let firstNonNegative = sorted.firstIndex { $0 >= 0 } ?? sorted.count
        var negative = firstNonNegative - 1, positive = firstNonNegative
        var merged: [Double] = []
        merged.reserveCapacity(sorted.count)
        while negative >= 0 || positive < sorted.count {
            if positive == sorted.count || (negative >= 0 && -sorted[negative] <= sorted[positive]) {
                merged.append(sorted[negative])
                negative -= 1
            } else {
                merged.append(sorted[positive])
                positive += 1
            }
        }
        return merged
    }
}

/// Mean and standard deviation of values with no missing ones, by `TrialStats.Descriptives`'s own
/// formulas (R's: mean = s + Σ(x − s)/n with s = Σx/n, SD two-pass with divisor n − 1), without its
/// generic initializer, which sorts every sample (the analyses sort or select only where needed).
struct Moments {
    let count: Int
    let mean: Double?
    let standardDeviation: Double?

    /// - Complexity: O(*n*), three passes.
    init(_ values: [Double]) {
        count = values.count
        mean = TrialStats.Descriptives.mean(values)
        standardDeviation = mean.flatMap { TrialStats.Descriptives.variance(values, mean: $0) }?.squareRoot()
    }
}

extension Descriptives {
    /// Descriptives from moments, the quartiles (q1, median, q3) and the extremes.
    init(moments: Moments, quartiles: [Double?], min: Double?, max: Double?) {
        self.init(n: moments.count, mean: moments.mean, sd: moments.standardDeviation,
                  sem: moments.standardDeviation.map { $0 / Double(moments.count).squareRoot() },
                  median: quartiles[1], q1: quartiles[0], q3: quartiles[2], min: min, max: max)
    }
}
