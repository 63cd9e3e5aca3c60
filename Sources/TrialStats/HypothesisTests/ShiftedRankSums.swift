/// The pooled rank sum of x − d and the tie sizes against y at the many shifts d that
/// `LocationShift`'s searches try, and at d = 0 for the rank-sum test (`RankedSamples`): the same
/// numbers as `MergedRanks`, found faster.
///
/// Each distinct value of x (with those that become equal to it once shifted, as R's `x - d`
/// makes them) is placed among the values of y by one forward pointer, and the sums are kept
/// as integers. Every sum the merge forms is a whole number or half of one; while they stay
/// below 2⁵³ the merge's floating-point sums are exact, so the integer sums give the same
/// doubles, to the bit. Larger sums (ties of millions of values) are left to `MergedRanks`.
struct ShiftedRankSums {
    private let x: TiedSample, y: TiedSample
    /// The distinct values of y, then `lookahead` times +∞: y's pointer moves past up to
    /// `lookahead` values at a time, counting comparisons instead of branching on each.
    private let paddedY: [Double]
    private static let lookahead = 4
    private let xCounts: [Int], yCounts: [Int]
    /// For each distinct value of x, how many values of x are smaller.
    private let xBelow: [Int]
    /// For each distinct value of y, how many values of y are smaller; one more entry: all of them.
    private let yBelow: [Int]
    /// Σ (t³ − t) over the tie groups of y alone.
    private let yTieCubeSum: Int
    /// Whether the rank sums stay below 2⁵³ and y's own ties below 2⁵² (the ties of a shift are
    /// checked each time, the same way, so that all ties together stay below 2⁵³).
    private let sumsCanBeExact: Bool

    private static let exactLimit = 0x1p53

    init(_ x: TiedSample, _ y: TiedSample) {
        self.x = x
        self.y = y
        paddedY = y.values + Array(repeating: .infinity, count: Self.lookahead)
        let xGroups = Self.groups(x.counts, includingTotal: false), yGroups = Self.groups(y.counts, includingTotal: true)
        (xCounts, xBelow, yCounts, yBelow) = (xGroups.counts, xGroups.below, yGroups.counts, yGroups.below)
        let total = Double(xGroups.total + yGroups.total)
        let yTies = y.counts.reduce(0.0) { $0 + $1 * $1 * $1 }
        sumsCanBeExact = 2 * total * (total + 1) < Self.exactLimit && yTies < Self.exactLimit / 2
        yTieCubeSum = sumsCanBeExact ? yCounts.reduce(0) { $0 + $1 * $1 * $1 - $1 } : 0
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
    /// x's distinct values are cut into two runs, each placed among y by a pointer of its own that
    /// starts where a binary search puts the run's first value; the runs advance together, one
    /// group each per step, so that no step waits for the other run's pointer (each step's loads
    /// depend on the step before). The integer sums do not depend on the order.
    private func integerRanks(at shift: Double) -> (firstRankSum: Double, tieCubeSum: Double)? {
        var total = Sums(tieCubeSum: yTieCubeSum)
        x.values.withUnsafeBufferPointer { xValues in
            paddedY.withUnsafeBufferPointer { yValues in
                xCounts.withUnsafeBufferPointer { xCounts in
                    yCounts.withUnsafeBufferPointer { yCounts in
                        xBelow.withUnsafeBufferPointer { xBelow in
                            yBelow.withUnsafeBufferPointer { yBelow in
                                let merge = Merge(xValues: xValues, yValues: yValues, xCounts: xCounts, yCounts: yCounts,
                                                  xBelow: xBelow, yBelow: yBelow, yCount: y.values.count, shift: shift)
                                total.add(merge.sums())
                            }
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
        let xBelow: UnsafeBufferPointer<Int>, yBelow: UnsafeBufferPointer<Int>
        let yCount: Int, shift: Double

        /// The sums over x's values in two runs that advance together while both last: the second
        /// starts at the middle group (moved past values the shift makes equal to the one before,
        /// so that no group is cut); each run's pointer into y is placed by a binary search. With
        /// four runs the pointers no longer stay in registers: no faster.
        func sums() -> Sums {
            var cut = xValues.count / 2
            while cut > 0, cut < xValues.count, xValues[cut] - shift == xValues[cut - 1] - shift { cut += 1 }
            func run(_ range: Range<Int>) -> Run {
                Run(i: range.lowerBound, end: range.upperBound, j: range.isEmpty ? 0 : yBelowCount(xValues[range.lowerBound] - shift))
            }
            var first = run(0..<cut), second = run(cut..<xValues.count)
            var (firstSums, secondSums) = (Sums(), Sums())
            while first.i < first.end && second.i < second.end {
                advance(&first, &firstSums)
                advance(&second, &secondSums)
            }
            firstSums.add(rest(first))
            firstSums.add(secondSums)
            firstSums.add(rest(second))
            return firstSums
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

        /// Adds group `run.i` (with the values after it that the shift makes equal to it) to `sums`
        /// and moves the run past it.
        @inline(__always)
        func advance(_ run: inout Run, _ sums: inout Sums) {
            // Each group of c values of x tied with e of y adds c (2·(values below) + c + e + 1).
            let shifted = xValues[run.i] - shift
            let below = xBelow[run.i]
            var count = xCounts[run.i]
            run.i += 1
            while run.i < run.end, xValues[run.i] - shift == shifted {
                count += xCounts[run.i]
                run.i += 1
            }
            // y is sorted: the values below `shifted` among the next four are a prefix of them.
            var j = run.j
            while true {
                let step = (yValues[j] < shifted ? 1 : 0) + (yValues[j + 1] < shifted ? 1 : 0)
                    + (yValues[j + 2] < shifted ? 1 : 0) + (yValues[j + 3] < shifted ? 1 : 0)
                j += step
                if step < ShiftedRankSums.lookahead { break }
            }
            run.j = j
            let tied = j < yCount && yValues[j] == shifted ? yCounts[j] : 0
            sums.doubledRankSum &+= count &* (2 &* (below &+ yBelow[j]) &+ count &+ tied &+ 1)
            let size = count + tied
            if size > 1 {
                let cube = Double(size)
                sums.largeTies += cube * cube * cube
                sums.tieCubeSum &+= size &* size &* size &- size &- (tied &* tied &* tied &- tied)
            }
        }
    }

    /// A sample's group sizes as integers and, from the same pass, how many values lie below each
    /// group (then all of them, when `includingTotal`) and their total.
    private static func groups(_ sizes: [Double], includingTotal: Bool) -> (counts: [Int], below: [Int], total: Int) {
        var total = 0
        var below: [Int] = []
        let counts = [Int](unsafeUninitializedCapacity: sizes.count) { counts, countsWritten in
            below = [Int](unsafeUninitializedCapacity: sizes.count + 1) { below, belowWritten in
                for (index, size) in sizes.enumerated() {
                    let count = Int(size)
                    counts[index] = count
                    below[index] = total
                    total += count
                }
                if includingTotal { below[sizes.count] = total }
                belowWritten = sizes.count + (includingTotal ? 1 : 0)
            }
            countsWritten = sizes.count
        }
        return (counts, below, total)
    }
}
