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

/// Mean and standard deviation as `TrialStats.Descriptives` (and R) computes them: mean =
/// s + Σ(x − s)/n with s = Σx/n, SD two-pass with divisor n − 1.
///
/// Computed here rather than through `TrialStats.Descriptives`, whose generic initializer sorts
/// and is not specialized across modules (20 times slower on a million values); the tests check
/// that both agree.
struct Moments {
    let count: Int
    let mean: Double?
    let standardDeviation: Double?

    /// - Complexity: O(*n*), three passes.
    init(_ values: [Double]) {
        count = values.count
        let n = Double(values.count)
        var mean: Double?, deviation: Double?
        values.withUnsafeBufferPointer { values in
            guard !values.isEmpty else { return }
            var sum = 0.0
            for value in values { sum += value }
            let first = sum / n
            guard first.isFinite else { mean = first; return }
            var residual = 0.0
            for value in values { residual += value - first }
            let centre = first + residual / n
            mean = centre
            guard values.count > 1 else { return }
            var squares = 0.0
            for value in values { squares += (value - centre) * (value - centre) }
            deviation = (squares / (n - 1)).squareRoot()
        }
        self.mean = mean
        standardDeviation = deviation
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
