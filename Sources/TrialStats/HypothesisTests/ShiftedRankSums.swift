/// The pooled rank sum of x − d and the tie sizes against y at the many shifts d that
/// `LocationShift`'s searches try: the same numbers as `MergedRanks`, found faster.
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
        xCounts = x.counts.map { Int($0) }
        yCounts = y.counts.map { Int($0) }
        xBelow = Self.prefixSums(xCounts, includingTotal: false)
        yBelow = Self.prefixSums(yCounts, includingTotal: true)
        let total = Double(xCounts.reduce(0, +) + yCounts.reduce(0, +))
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
    private func integerRanks(at shift: Double) -> (firstRankSum: Double, tieCubeSum: Double)? {
        // Twice the rank sum: each group of c values of x tied with e of y adds c (2·(values below) + c + e + 1).
        var doubledRankSum = 0, tieCubeSum = yTieCubeSum
        var largeTies = 0.0
        let yCount = y.values.count
        x.values.withUnsafeBufferPointer { xValues in
            paddedY.withUnsafeBufferPointer { yValues in
                xCounts.withUnsafeBufferPointer { xCounts in
                    yCounts.withUnsafeBufferPointer { yCounts in
                        xBelow.withUnsafeBufferPointer { xBelow in
                            yBelow.withUnsafeBufferPointer { yBelow in
                                var i = 0, j = 0
                                var shifted = xValues.isEmpty ? 0 : xValues[0] - shift
                                while i < xValues.count {
                                    let below = xBelow[i]
                                    var count = xCounts[i]
                                    i += 1
                                    // The next value of x shifted: in this group when equal, else the next group's.
                                    var next = i < xValues.count ? xValues[i] - shift : 0
                                    while i < xValues.count, next == shifted {
                                        count += xCounts[i]
                                        i += 1
                                        next = i < xValues.count ? xValues[i] - shift : 0
                                    }
                                    // y is sorted: the values below `shifted` among the next four are a prefix of them.
                                    while true {
                                        let step = (yValues[j] < shifted ? 1 : 0) + (yValues[j + 1] < shifted ? 1 : 0)
                                            + (yValues[j + 2] < shifted ? 1 : 0) + (yValues[j + 3] < shifted ? 1 : 0)
                                        j += step
                                        if step < Self.lookahead { break }
                                    }
                                    let tied = j < yCount && yValues[j] == shifted ? yCounts[j] : 0
                                    doubledRankSum += count * (2 * (below + yBelow[j]) + count + tied + 1)
                                    let size = count + tied
                                    if size > 1 {
                                        let cube = Double(size)
                                        largeTies += cube * cube * cube
                                        tieCubeSum &+= size &* size &* size &- size &- (tied &* tied &* tied &- tied)
                                    }
                                    shifted = next
                                }
                            }
                        }
                    }
                }
            }
        }
        guard largeTies < Self.exactLimit / 2 else { return nil }
        return (Double(doubledRankSum) / 2, Double(tieCubeSum))
    }

    private static func prefixSums(_ counts: [Int], includingTotal: Bool) -> [Int] {
        var sums = [Int](), running = 0
        sums.reserveCapacity(counts.count + 1)
        for count in counts {
            sums.append(running)
            running += count
        }
        if includingTotal { sums.append(running) }
        return sums
    }
}
