/// The pooled rank sum of x − d and the tie sizes against y at the many shifts d that
/// `LocationShift`'s searches try: the same numbers as `MergedRanks`, found faster.
///
/// When no two distinct values of x can become equal once shifted (their gaps exceed the
/// rounding of x − d) and every sum is a whole number (or half of one) below 2⁵³, each
/// distinct value of x is placed among the values of y by one forward pointer, and the sums
/// are kept as integers: adding exact whole numbers gives the same double in any order, so
/// the results are `MergedRanks`'s to the bit. Otherwise `MergedRanks` does the work.
struct ShiftedRankSums {
    private let x: TiedSample, y: TiedSample
    private let xCounts: [Int], yCounts: [Int]
    /// For each distinct value of x, how many values of x are smaller.
    private let xBelow: [Int]
    /// For each distinct value of y, how many values of y are smaller; one more entry: all of them.
    private let yBelow: [Int]
    /// Σ (t³ − t) over the tie groups of y alone.
    private let yTieCubeSum: Int
    /// The smallest gap between consecutive distinct values of x (infinity for one value).
    private let smallestGap: Double
    /// Whether every sum the merge forms is exact, so integer sums equal it.
    private let sumsAreExact: Bool

    init(_ x: TiedSample, _ y: TiedSample) {
        self.x = x
        self.y = y
        xCounts = x.counts.map { Int($0) }
        yCounts = y.counts.map { Int($0) }
        xBelow = Self.prefixSums(xCounts, includingTotal: false)
        yBelow = Self.prefixSums(yCounts, includingTotal: true)
        yTieCubeSum = yCounts.reduce(0) { $0 + $1 * $1 * $1 - $1 }
        smallestGap = zip(x.values.dropFirst(), x.values).map { $0 - $1 }.min() ?? .infinity
        let total = Double(xCounts.reduce(0, +) + yCounts.reduce(0, +))
        let largestTie = Double((xCounts.max() ?? 0) + (yCounts.max() ?? 0))
        let limit = 0x1p53
        sumsAreExact = total * largestTie * largestTie < limit && 2 * total * (total + 1) < limit
    }

    /// The sum of the pooled mid-ranks of x − `shift` and Σ (t³ − t) over its tie groups, as
    /// `MergedRanks(x, y, shift:)` gives them.
    /// - Complexity: O(kₓ + kᵧ), k the number of distinct values.
    func ranks(at shift: Double) -> (firstRankSum: Double, tieCubeSum: Double) {
        guard sumsAreExact, distinctValuesStayDistinct(at: shift) else {
            let merged = MergedRanks(x, y, shift: shift)
            return (merged.firstRankSum, merged.tieCubeSum)
        }
        // Twice the rank sum: each group adds c (2·(values below) + c + e + 1) / 2.
        var doubledRankSum = 0, tieCubeSum = yTieCubeSum
        x.values.withUnsafeBufferPointer { xValues in
            y.values.withUnsafeBufferPointer { yValues in
                xCounts.withUnsafeBufferPointer { xCounts in
                    yCounts.withUnsafeBufferPointer { yCounts in
                        xBelow.withUnsafeBufferPointer { xBelow in
                            yBelow.withUnsafeBufferPointer { yBelow in
                                var j = 0
                                for i in 0..<xValues.count {
                                    let shifted = xValues[i] - shift
                                    while j < yValues.count, yValues[j] < shifted { j += 1 }
                                    let count = xCounts[i]
                                    let tied = j < yValues.count && yValues[j] == shifted ? yCounts[j] : 0
                                    doubledRankSum += count * (2 * (xBelow[i] + yBelow[j]) + count + tied + 1)
                                    let size = count + tied
                                    tieCubeSum += size * size * size - size - (tied * tied * tied - tied)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (Double(doubledRankSum) / 2, Double(tieCubeSum))
    }

    /// Whether x − `shift` keeps distinct values of x distinct: each is rounded by at most half
    /// a unit in the last place of the largest |x − shift|, so gaps over two such units stay.
    private func distinctValuesStayDistinct(at shift: Double) -> Bool {
        guard let first = x.values.first, let last = x.values.last else { return true }
        let largest = Swift.max(abs(first - shift), abs(last - shift))
        return largest.isFinite && smallestGap > 2 * largest.ulp
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
