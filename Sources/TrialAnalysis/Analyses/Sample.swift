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

    /// n, mean, SD, SEM, median, quartiles (type 7), min and max.
    /// - Complexity: O(*n*): the values are already in order.
    var descriptives: Descriptives {
        Descriptives(TrialStats.Descriptives(sorted.lazy.map(Optional.some)))
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

extension Descriptives {
    /// The results' descriptives of TrialStats' summary.
    init(_ summary: TrialStats.Descriptives) {
        self.init(n: summary.count, mean: summary.mean, sd: summary.standardDeviation, sem: summary.standardError,
                  median: summary.median, q1: summary.firstQuartile, q3: summary.thirdQuartile,
                  min: summary.minimum, max: summary.maximum)
    }
}
