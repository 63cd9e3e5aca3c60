import TrialStats

/// The non-missing values of a variable in one group, in ascending order.
struct Sample: Sendable {
    /// The values, ascending.
    let sorted: [Double]
    /// The values' runs, when they were sorted by counting them (`CountingSort`) or merged from
    /// samples that all were.
    private let runs: ValueRuns?

    /// The values of `unsorted` (which holds no NaN), sorted.
    /// - Complexity: O(*n*) (radix sort) for large samples.
    init(_ unsorted: [Double]) {
        (sorted, runs) = RadixSort.sortedWithRuns(unsorted)
    }

    /// The values of `parts` together (each sorted already): a merge, not a sort. Parts that all
    /// have their runs are merged run by run and written once.
    /// - Complexity: O(*n* · *k*) for *k* parts of *n* values together.
    init(merging parts: [Sample]) {
        if parts.count == 1 {
            self = parts[0]
            return
        }
        let runs = parts.compactMap(\.runs)
        if runs.count == parts.count {
            let merged = ValueRuns.merging(runs)
            self.runs = merged
            sorted = merged.values
        } else {
            self.runs = nil
            sorted = parts.dropFirst().reduce(parts[0].sorted) { Self.merge($0, $1.sorted) }
        }
    }

    /// `first` and `second` merged, `first`'s value first where two are equal (the one stable
    /// merge).
    ///
    /// Each step of a merge waits for the step before (which position moved decides what is read
    /// next): the merged values are filled from both ends at once, the smaller half from the
    /// front and the larger from the back, two independent chains of steps that the core runs
    /// side by side. From the back, the larger value goes last and `second`'s goes first of two
    /// equal ones, so that each half is the stable merge's own.
    private static func merge(_ first: [Double], _ second: [Double]) -> [Double] {
        guard !first.isEmpty else { return second }
        guard !second.isEmpty else { return first }
        let total = first.count + second.count, half = total / 2
        return [Double](unsafeUninitializedCapacity: total) { merged, count in
            first.withUnsafeBufferPointer { first in
                second.withUnsafeBufferPointer { second in
                    var front = MergeEnd(first: 0, second: 0, next: 0)
                    var back = MergeEnd(first: first.count - 1, second: second.count - 1, next: total - 1)
                    while front.next < half, front.first < first.count, front.second < second.count,
                          back.first >= 0, back.second >= 0 {
                        front.takeSmaller(first, second, into: merged)
                        back.takeLarger(first, second, into: merged)
                    }
                    while front.next < half { front.takeSmaller(first, second, into: merged) }
                    while back.next >= half { back.takeLarger(first, second, into: merged) }
                }
            }
            count = total
        }
    }

    /// One end of a merge: the next position in each input and in the merged values.
    private struct MergeEnd {
        var first: Int, second: Int, next: Int

        /// Writes the smaller of the next values (`first`'s where equal or `second` is used up)
        /// and moves on.
        @inline(__always)
        mutating func takeSmaller(_ firstValues: UnsafeBufferPointer<Double>, _ secondValues: UnsafeBufferPointer<Double>,
                                  into merged: UnsafeMutableBufferPointer<Double>) {
            let takesSecond = first == firstValues.count || (second < secondValues.count && secondValues[second] < firstValues[first])
            merged[next] = takesSecond ? secondValues[second] : firstValues[first]
            second &+= takesSecond ? 1 : 0
            first &+= takesSecond ? 0 : 1
            next &+= 1
        }

        /// Writes the larger of the values before the positions (`second`'s where equal or `first`
        /// is used up) and moves back.
        @inline(__always)
        mutating func takeLarger(_ firstValues: UnsafeBufferPointer<Double>, _ secondValues: UnsafeBufferPointer<Double>,
                                 into merged: UnsafeMutableBufferPointer<Double>) {
            let takesFirst = second < 0 || (first >= 0 && secondValues[second] < firstValues[first])
            merged[next] = takesFirst ? firstValues[first] : secondValues[second]
            first &-= takesFirst ? 1 : 0
            second &-= takesFirst ? 0 : 1
            next &-= 1
        }
    }

    var count: Int { sorted.count }

    /// n, mean, SD, SEM, median, quartiles (type 7), min and max of the sorted values.
    /// - Complexity: O(*n*).
    var descriptives: Descriptives {
        descriptives(Moments(sorted))
    }

    /// The descriptives of each of `samples`, the same as each one's `descriptives`, with their
    /// means and SDs computed together (`Moments.of`).
    /// - Complexity: O(*n*) for *n* values in all.
    static func descriptives(of samples: [Sample]) -> [Descriptives] {
        zip(samples, Moments.of(samples.map(\.sorted))).map { $0.descriptives($1) }
    }

    /// The descriptives of the values, of which `moments` are the moments.
    private func descriptives(_ moments: Moments) -> Descriptives {
        Descriptives(moments: moments, quartiles: [0.25, 0.5, 0.75].map { SampleQuantile.type7($0, sorted: sorted) },
                     min: sorted.first, max: sorted.last)
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

    private init(count: Int, mean: Double?, variance: Double?) {
        self.count = count
        self.mean = mean
        standardDeviation = variance?.squareRoot()
    }

    /// The moments of each of `samples`, the same as `Moments(_:)` of each, computed together
    /// (`TrialStats.Descriptives.meansAndVariances`: about three times faster for three samples).
    /// - Complexity: O(*n*) for *n* values in all, three passes.
    static func of(_ samples: [[Double]]) -> [Moments] {
        zip(samples, TrialStats.Descriptives.meansAndVariances(samples)).map {
            Moments(count: $0.count, mean: $1.mean, variance: $1.variance)
        }
    }

    /// SD / √n; `nil` below 2 values.
    var standardError: Double? { standardDeviation.map { $0 / Double(count).squareRoot() } }
}

extension Descriptives {
    /// Descriptives from moments, the quartiles (q1, median, q3) and the extremes.
    init(moments: Moments, quartiles: [Double?], min: Double?, max: Double?) {
        self.init(n: moments.count, mean: moments.mean, sd: moments.standardDeviation,
                  sem: moments.standardError,
                  median: quartiles[1], q1: quartiles[0], q3: quartiles[2], min: min, max: max)
    }
}
