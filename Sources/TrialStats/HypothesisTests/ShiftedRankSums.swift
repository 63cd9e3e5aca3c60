/// The pooled rank sum of x − d and the tie sizes against y at the many shifts d that
/// `LocationShift`'s searches try, and at d = 0 for the rank-sum test (`RankedSamples`): the same
/// numbers as `MergedRanks`, found faster.
///
/// Each distinct value of x (with those that become equal to it once shifted, as R's `x - d`
/// makes them) is placed among the values of y by one forward pointer, and the sums are kept
/// as integers. Every sum the merge forms is a whole number or half of one; while they stay
/// below 2⁵³ the merge's floating-point sums are exact, so the integer sums give the same
/// doubles, to the bit. Larger sums (ties of millions of values) are left to `MergedRanks`.
///
/// A group of c values of x, above b of x's values and b' of y's and tied with e of y's, adds
/// c (2b + c + 1) + c (2b' + e) to twice the rank sum, and (c + e)³ − (c + e) − (e³ − e) to
/// Σ (t³ − t) beside y's own ties. The parts that do not depend on the shift — each group's
/// c (2b + c + 1) and c³ − c, y's own ties — are summed once (`base`); the merge adds 2c·b' for a
/// group tied with nothing, and treats a group tied with y, or made equal to the next by the
/// shift, apart. Groups of x that merge form one group whose first term is the sum of theirs, so
/// only their ties are replaced.
struct ShiftedRankSums {
    private let x: TiedSample, y: TiedSample
    /// The distinct values of y, then `lookahead` times +∞: y's pointer moves past up to
    /// `lookahead` values at a time, counting comparisons instead of branching on each.
    private let paddedY: [Double]
    private static let lookahead = 4
    /// The sums every shift starts from: each group of x ranked among x alone, Σ (t³ − t) over
    /// the tie groups of y alone and of each group of x alone (see the type's description).
    private let base: Sums
    /// Whether the rank sums stay below 2⁵³ and y's own ties below 2⁵² (the ties of a shift are
    /// checked each time, the same way, so that all ties together stay below 2⁵³).
    private let sumsCanBeExact: Bool

    private static let exactLimit = 0x1p53

    init(_ x: TiedSample, _ y: TiedSample) {
        self.x = x
        self.y = y
        paddedY = y.values + Array(repeating: .infinity, count: Self.lookahead)
        let total = Double(x.total + y.total)
        let yTies = y.counts.reduce(0.0) { sum, count in
            let cube = Double(count)
            return sum + cube * cube * cube
        }
        sumsCanBeExact = 2 * total * (total + 1) < Self.exactLimit && yTies < Self.exactLimit / 2
        var base = Sums(tieCubeSum: sumsCanBeExact ? y.counts.reduce(0) { $0 + $1 * $1 * $1 - $1 } : 0)
        if sumsCanBeExact {
            for (count, below) in zip(x.counts, x.below) {
                base.doubledRankSum &+= count &* (2 &* below &+ count &+ 1)
                base.addTies(size: count, tied: 0)
            }
        }
        self.base = base
    }

    /// The sum of the pooled mid-ranks of x − `shift` and Σ (t³ − t) over its tie groups, as
    /// `MergedRanks(x, y, shift:)` gives them.
    /// - Complexity: O(kₓ + kᵧ), k the number of distinct values.
    func ranks(at shift: Double) -> (firstRankSum: Double, tieCubeSum: Double) {
        if sumsCanBeExact, let sums = integerRanks(at: shift) { return sums }
        let merged = MergedRanks(x, y, shift: shift)
        return (merged.firstRankSum, merged.tieCubeSum)
    }

    /// The sums kept as integers, or `nil` when the ties' sum may reach 2⁵³.
    ///
    /// x's distinct values are cut into four runs, each placed among y by a pointer of its own that
    /// starts where a binary search puts the run's first value; the runs advance together, one
    /// group each per step, so that no step waits for another run's pointer (each step's loads
    /// depend on the step before). The integer sums do not depend on the order.
    private func integerRanks(at shift: Double) -> (firstRankSum: Double, tieCubeSum: Double)? {
        var total = base
        x.values.withUnsafeBufferPointer { xValues in
            paddedY.withUnsafeBufferPointer { yValues in
                x.counts.withUnsafeBufferPointer { xCounts in
                    y.counts.withUnsafeBufferPointer { yCounts in
                        y.below.withUnsafeBufferPointer { yBelow in
                            let merge = Merge(xValues: xValues, yValues: yValues, xCounts: xCounts, yCounts: yCounts,
                                              yBelow: yBelow, yCount: y.values.count, shift: shift)
                            total.add(merge.sums())
                        }
                    }
                }
            }
        }
        guard total.largeTies < Self.exactLimit / 2 else { return nil }
        return (Double(total.doubledRankSum) / 2, Double(total.tieCubeSum))
    }

    /// The sums of a run: twice the rank sum of its values of x, Σ (t³ − t) over its tie groups
    /// (wrapping: checked by `largeTies`), and Σ t³ as a double.
    private struct Sums {
        var doubledRankSum = 0, tieCubeSum = 0, largeTies = 0.0

        mutating func add(_ other: Sums) {
            doubledRankSum &+= other.doubledRankSum
            tieCubeSum &+= other.tieCubeSum
            largeTies += other.largeTies
        }

        /// Adds a tie group of `size` values, `tied` of them y's (whose own ties are counted apart).
        @inline(__always)
        mutating func addTies(size: Int, tied: Int) {
            guard size > 1 else { return }
            let cube = Double(size)
            largeTies += cube * cube * cube
            tieCubeSum &+= size &* size &* size &- size &- (tied &* tied &* tied &- tied)
        }

        /// Takes away the ties of a group of `size` values of x alone, added by `addTies`.
        @inline(__always)
        mutating func removeTies(size: Int) {
            guard size > 1 else { return }
            let cube = Double(size)
            largeTies -= cube * cube * cube
            tieCubeSum &-= size &* size &* size &- size
        }
    }

    /// A run of x's distinct values, `i..<end`, with y's pointer: the number of y's distinct
    /// values below the shifted value of group `i`.
    private struct Run {
        var i: Int, end: Int, j: Int
    }

    /// The buffers of one merge at one shift.
    private struct Merge {
        let xValues: UnsafeBufferPointer<Double>, yValues: UnsafeBufferPointer<Double>
        let xCounts: UnsafeBufferPointer<Int>, yCounts: UnsafeBufferPointer<Int>
        let yBelow: UnsafeBufferPointer<Int>
        let yCount: Int, shift: Double

        /// The sums over x's values in four runs that advance together while all last, cut at the
        /// quarters (each cut moved past the groups the shift makes equal to the one before it, so
        /// that no group is cut); each run's pointer into y is placed by a binary search. Two runs
        /// took about 1.3 times as long a group on the Hodges–Lehmann samples of the
        /// 1,000,000-participant study of `make bench`.
        func sums() -> Sums {
            let count = xValues.count
            func cut(_ quarter: Int, after previous: Int) -> Int {
                var cut = max(count * quarter / 4, previous)
                while cut > 0, cut < count, xValues[cut] - shift == xValues[cut - 1] - shift { cut += 1 }
                return cut
            }
            func run(_ start: Int, _ end: Int) -> Run {
                Run(i: start, end: end, j: start < end ? yBelowCount(xValues[start] - shift) : 0)
            }
            let firstCut = cut(1, after: 0), secondCut = cut(2, after: firstCut), thirdCut = cut(3, after: secondCut)
            var (first, second, third, fourth) = (run(0, firstCut), run(firstCut, secondCut), run(secondCut, thirdCut), run(thirdCut, count))
            var (firstSums, secondSums, thirdSums, fourthSums) = (Sums(), Sums(), Sums(), Sums())
            while first.i < first.end && second.i < second.end && third.i < third.end && fourth.i < fourth.end {
                advance(&first, &firstSums)
                advance(&second, &secondSums)
                advance(&third, &thirdSums)
                advance(&fourth, &fourthSums)
            }
            var total = firstSums
            for sums in [secondSums, thirdSums, fourthSums] { total.add(sums) }
            for run in [first, second, third, fourth] { total.add(rest(run)) }
            return total
        }

        /// The sums of what is left of `run`.
        private func rest(_ run: Run) -> Sums {
            var run = run, sums = Sums()
            while run.i < run.end { advance(&run, &sums) }
            return sums
        }

        /// The number of y's distinct values below `value`.
        private func yBelowCount(_ value: Double) -> Int {
            var low = 0, high = yCount
            while low < high {
                let middle = (low + high) / 2
                if yValues[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// Adds to `sums` what placing group `run.i` among y adds to `base` (a group tied with a
        /// value of y, or that the shift makes equal to the next: `addTied`), and moves the run past it.
        @inline(__always)
        func advance(_ run: inout Run, _ sums: inout Sums) {
            let group = run.i
            let shifted = xValues[group] - shift
            // y is sorted: the values below `shifted` among the next four are a prefix of them.
            var j = run.j
            while true {
                let step = (yValues[j] < shifted ? 1 : 0) + (yValues[j + 1] < shifted ? 1 : 0)
                    + (yValues[j + 2] < shifted ? 1 : 0) + (yValues[j + 3] < shifted ? 1 : 0)
                j += step
                if step < ShiftedRankSums.lookahead { break }
            }
            run.j = j
            run.i = group + 1
            // After y's values come +∞s: `yValues[j]` can be read at any place.
            if yValues[j] == shifted || (run.i < run.end && xValues[run.i] - shift == shifted) {
                addTied(&run, &sums, from: group, shifted: shifted, place: j)
            } else {
                sums.doubledRankSum &+= xCounts[group] &* (2 &* yBelow[j])
            }
        }

        /// Adds the groups from `first` on that the shift makes equal to `shifted`, one tie group
        /// with the values of y at `place` if they are equal to it too (their own ties, in `base`,
        /// replaced by it), and moves the run past them.
        private func addTied(_ run: inout Run, _ sums: inout Sums, from first: Int, shifted: Double, place: Int) {
            var count = xCounts[first]
            sums.removeTies(size: count)
            run.i = first + 1
            while run.i < run.end, xValues[run.i] - shift == shifted {
                sums.removeTies(size: xCounts[run.i])
                count += xCounts[run.i]
                run.i += 1
            }
            let tied = place < yCount && yValues[place] == shifted ? yCounts[place] : 0
            sums.doubledRankSum &+= count &* (2 &* yBelow[place] &+ tied)
            sums.addTies(size: count + tied, tied: tied)
        }
    }
}
