import Testing
import TrialStats
@testable import TrialAnalysis

/// The sorted samples the analyses summarise: radix sort, descriptives, magnitude order, box summary.
@Suite struct SampleTests {
    static func values(_ count: Int) -> [Double] {
        var state: UInt64 = 42
        return (0..<count).map { index in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = Double(state >> 11) / Double(1 << 53) * 200 - 100
            return index % 7 == 0 ? (value * 10).rounded() / 10 : (index % 11 == 0 ? -0.0 : value)
        }
    }

    @Test func radixSortOrdersLargeSamplesAsTheStandardSort() {
        let values = Self.values(50_000)
        #expect(RadixSort.sortedWithRuns(values).sorted == values.sorted())
        // Every digit the same (every pass skipped), and whole numbers of both signs (most passes skipped).
        let same = [Double](repeating: 2.5, count: 5_000)
        #expect(RadixSort.sortedWithRuns(same).sorted == same)
        let whole = values.map { ($0 * 3).rounded() }
        #expect(RadixSort.sortedWithRuns(whole).sorted == whole.sorted())
    }

    /// `values` in ascending order with −0 before +0, compared bit for bit.
    static func expectedBits(_ values: [Double]) -> [UInt64] {
        values.sorted { $0 < $1 || ($0 == $1 && $0.sign == .minus && $1.sign == .plus) }.map(\.bitPattern)
    }

    @Test func samplesWithFewDistinctValuesAreSortedByCountingThem() throws {
        // Measurements to one decimal and changes between two of them, with signed zeros.
        let values = Self.values(40_000).enumerated().map { index, value in
            index % 13 == 0 ? -0.0 : index % 17 == 0 ? 0.0 : value.rounded() / 10 - Double(index * 7919 % 31) / 10
        }
        let distinct = Set(values.map(\.bitPattern)).count
        #expect(distinct > 100 && distinct < 40_000 / 8)
        let counted = try #require(CountingSort.runs(values, distinctLimit: distinct)?.values)
        #expect(counted.map(\.bitPattern) == Self.expectedBits(values))
        #expect(RadixSort.sortedWithRuns(values).sorted.map(\.bitPattern) == Self.expectedBits(values))
        #expect(CountingSort.runs([1.5, -0.0, 1.5, 0.0, -2], distinctLimit: 4)?.values.map(\.bitPattern)
            == [-2, -0.0, 0.0, 1.5, 1.5].map(\.bitPattern))
    }

    @Test func countingGivesUpOnTooManyDistinctValuesOrTheNaNMarkingAnEmptySlot() {
        let values = Self.values(10_000)
        let distinct = Set(values.map(\.bitPattern)).count
        #expect(CountingSort.runs(values, distinctLimit: distinct - 1) == nil)
        #expect(CountingSort.runs(values, distinctLimit: distinct)?.values.map(\.bitPattern) == Self.expectedBits(values))
        #expect(CountingSort.runs([1, Double(bitPattern: .max), 2], distinctLimit: 3) == nil)
        // Past one distinct value in eight, the radix sort gives the same order.
        #expect(RadixSort.sortedWithRuns(values).sorted.map(\.bitPattern) == Self.expectedBits(values))
    }

    @Test func descriptivesAgreeWithTrialStats() {
        let values = Self.values(9_999)
        let ours = Sample(values).descriptives
        let theirs = TrialStats.Descriptives(values.map(Optional.some))
        #expect(ours.n == theirs.count)
        #expect(abs(ours.mean! - theirs.mean!) <= 1e-12 * abs(theirs.mean!))
        #expect(abs(ours.sd! - theirs.standardDeviation!) <= 1e-12 * theirs.standardDeviation!)
        #expect([ours.median, ours.q1, ours.q3, ours.min, ours.max]
            == [theirs.median, theirs.firstQuartile, theirs.thirdQuartile, theirs.minimum, theirs.maximum])
    }

    @Test func descriptivesTogetherAreEachSamplesOwn() {
        let values = Self.values(20_000)
        let samples = [Sample(values), Sample(Array(values[..<19_997])), Sample([]), Sample([4]),
                       Sample(values.map { $0 * 1e6 + 1 }), Sample(Array(values[3...]))]
        #expect(Sample.descriptives(of: samples) == samples.map(\.descriptives))
    }

    @Test func mergedSamplesEqualTheSortedUnion() {
        let values = Self.values(30_001)
        for cut in [0, 1, 2_500, 15_000, 30_001] {
            let parts = [Sample(Array(values[..<cut])), Sample(Array(values[cut...]))]
            #expect(Sample(merging: parts).sorted == values.sorted(), "cut at \(cut)")
        }
        let three = [Sample([3, 1]), Sample([2, 2]), Sample([0, 5])]
        #expect(Sample(merging: three).sorted == [0, 1, 2, 2, 3, 5])
        #expect(Sample(merging: []).sorted.isEmpty)
    }

    /// The stable merge by its definition: one value at a time from the front, `first`'s where two
    /// are equal.
    static func stableMerge(_ first: [Double], _ second: [Double]) -> [Double] {
        var merged: [Double] = [], i = 0, j = 0
        while i < first.count || j < second.count {
            if i == first.count || (j < second.count && second[j] < first[i]) {
                merged.append(second[j])
                j += 1
            } else {
                merged.append(first[i])
                i += 1
            }
        }
        return merged
    }

    /// Merging from both ends gives the stable merge to the bit: signed zeros and ties between the
    /// parts, parts of every relative size (one used up early from the front or from the back),
    /// odd and even totals.
    /// Parts above 2,048 values are sorted by counting them (few distinct values): those are merged
    /// by their runs.
    @Test(arguments: [(0, 1), (1, 1), (1, 2), (2, 1), (3, 1_000), (1_000, 3), (500, 501), (2_048, 2_048), (7, 9_001),
                      (2_049, 2_049), (3_000, 9_001)])
    func mergedSamplesAreTheStableMergeToTheBit(firstCount: Int, secondCount: Int) {
        let values = Self.values(firstCount + secondCount).map { ($0 / 10).rounded() }
        // Whole numbers and halves around 0, their zeros signed by position.
        func part(_ values: ArraySlice<Double>, shift: Double, grid: Double, minusZeroEvery: Int) -> Sample {
            Sample(values.enumerated().map { index, value in
                let shifted = value * grid + shift
                return shifted == 0 ? (index % minusZeroEvery == 0 ? -0.0 : 0.0) : shifted
            })
        }
        for (shift, grid) in [(0.0, 1.0), (5.0, 1.0), (-5.0, 0.5)] {
            let first = part(values[..<firstCount], shift: shift, grid: grid, minusZeroEvery: 2)
            let second = part(values[firstCount...], shift: -shift, grid: grid, minusZeroEvery: 3)
            let merged = Sample(merging: [first, second]).sorted
            #expect(merged.map(\.bitPattern) == Self.stableMerge(first.sorted, second.sorted).map(\.bitPattern),
                    "\(firstCount) + \(secondCount), shift \(shift)")
        }
        let signedZeros = Sample(merging: [Sample([0.0, 0.0, 1]), Sample([-0.0, -0.0, 0.0])]).sorted
        #expect(signedZeros.map(\.bitPattern) == [0.0, 0.0, -0.0, -0.0, 0.0, 1].map(\.bitPattern))
    }

    /// Three counted parts merged by their runs, and a merged sample merged again, give the stable
    /// merges of their values to the bit; a part not counted (too many distinct values) merges
    /// value by value with the others, the same way.
    @Test func samplesMergedByTheirRunsAreTheStableMergeToTheBit() {
        func counted(_ count: Int, offset: Int) -> [Double] {
            (0..<count).map { index in
                let value = Double((index * 7_919 + offset) % 41 - 20) / 2
                return value == 0 && (index + offset) % 3 == 0 ? -0.0 : value
            }
        }
        let parts = [counted(3_001, offset: 1), counted(2_500, offset: 2), counted(4_096, offset: 5)].map(Sample.init)
        let expected = parts.dropFirst().reduce(parts[0].sorted) { Self.stableMerge($0, $1.sorted) }
        let merged = Sample(merging: parts)
        #expect(merged.sorted.map(\.bitPattern) == expected.map(\.bitPattern))
        let again = Sample(merging: [Sample(counted(2_100, offset: 9)), merged])
        #expect(again.sorted.map(\.bitPattern) == Self.stableMerge(Sample(counted(2_100, offset: 9)).sorted, expected).map(\.bitPattern))
        // One part is itself.
        #expect(Sample(merging: [parts[1]]).sorted.map(\.bitPattern) == parts[1].sorted.map(\.bitPattern))
        let distinct = Sample(Self.values(5_000) + [-0.0, 0.0])
        let mixed = Sample(merging: [parts[0], distinct])
        #expect(mixed.sorted.map(\.bitPattern) == Self.stableMerge(parts[0].sorted, distinct.sorted).map(\.bitPattern))
    }

    @Test func boxSummaryHasTukeyWhiskersAndOutliers() {
        let box = BoxSummary(arm: "A", sample: Sample([1, 2, 3, 4, 5, 6, 7, 8, 30, -20]))
        // Type 7: q1 = 2.25, q3 = 6.75, IQR = 4.5, fences −4.5 and 13.5.
        #expect(box.q1 == 2.25 && box.q3 == 6.75 && box.median == 4.5)
        #expect(box.whiskerLower == 1 && box.whiskerUpper == 8)
        #expect(box.outliers == [-20, 30] && box.outlierCount == 2)
        #expect(box.values?.count == 10)
    }

    @Test func boxSummaryListsAtMostTwoHundredOutliersAndNoPointsForLargeSamples() {
        let typical: [Double] = (0..<3000).map { Double($0 % 10) }
        let high: [Double] = (0..<150).map { 1000 + Double($0) }
        let low: [Double] = (0..<150).map { -1000 - Double($0) }
        let values = typical + high + low
        let box = BoxSummary(arm: "A", sample: Sample(values))
        #expect(box.outlierCount == 300)
        #expect(box.outliers.count == 200)
        #expect(box.outliers.first == -1149 && box.outliers.last == 1149)
        #expect(box.values == nil)
    }
}
