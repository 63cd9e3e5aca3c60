extension WilcoxonTest {
    /// The Wilcoxon rank-sum (Mann–Whitney) test of x against y (R: `wilcox.test(x, y)`).
    ///
    /// Method: W = Σ ranks of x in the pooled sample − nₓ(nₓ + 1)/2 with mid-ranks for
    /// ties. As R: exact p-value from ``WilcoxonRankSumDistribution`` when both samples
    /// have fewer than 50 values and there are no ties (or when `exact` is true and
    /// there are no ties); otherwise the normal approximation with mean nₓnᵧ/2, variance
    /// nₓnᵧ/12·((N + 1) − Σ(t³ − t)/(N(N − 1))) and continuity correction ½.
    ///
    /// - Parameter exact: `nil` for R's rule; `true`/`false` to force (ties always
    ///   force the approximation, as R).
    /// - Error Bounds: p-value relative error about 1e-13 (exact) and 1e-14 (normal).
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` for an
    ///   empty group, ``StatisticsError/nonFiniteValue(sample:index:)``, and
    ///   ``StatisticsError/essentiallyConstant(sample:)`` when every value is tied, and
    ///   ``StatisticsError/invalidParameter(name:value:)`` when `exact: true` asks for an
    ///   exact distribution too large to tabulate (see ``WilcoxonRankSumDistribution``).
    /// - Complexity: O(nₓ log nₓ + nᵧ log nᵧ): each sample is sorted once, then ranks
    ///   and tie sizes come from one merge pass over the distinct values (2 × 500 000 values:
    ///   about 0.1 s).
    public static func rankSum(_ x: [Double], _ y: [Double], exact: Bool? = nil) throws(StatisticsError) -> WilcoxonTest {
        try RankedSamples(x, y).rankSumTest(exact: exact)
    }

    /// The test from the pooled mid-ranks of samples of `sizes`: the sum of the first's, and
    /// Σ (t³ − t) over the tie groups — positive exactly when a group has two values or more
    /// (see `rankSum(_:_:exact:)`).
    static func rankSum(firstRankSum: Double, tieCubeSum: Double, sizes: (x: Int, y: Int),
                        exact: Bool?) throws(StatisticsError) -> WilcoxonTest {
        let nx = Double(sizes.x), ny = Double(sizes.y)
        let hasTies = tieCubeSum > 0
        let statistic = firstRankSum - nx * (nx + 1) / 2
        let useExact = (exact ?? (sizes.x < 50 && sizes.y < 50)) && !hasTies
        if useExact {
            let distribution = try WilcoxonRankSumDistribution.shared(firstSize: sizes.x, secondSize: sizes.y)
            let pValue = exactPValue(
                statistic: Int(statistic), centre: nx * ny / 2,
                lowerTail: distribution.cdf, upperTail: distribution.upperTail(atLeast:)
            )
            return WilcoxonTest(statistic: statistic, pValue: pValue, method: .exact, hasTies: false, zerosDropped: 0, z: nil)
        }
        let total = nx + ny
        let variance = nx * ny / 12 * ((total + 1) - tieCubeSum / (total * (total - 1)))
        let approximation = try normalApproximation(statistic: statistic, mean: nx * ny / 2, variance: variance, name: "x and y")
        return WilcoxonTest(
            statistic: statistic, pValue: approximation.pValue, method: .normalApproximation,
            hasTies: hasTies, zerosDropped: 0, z: approximation.z
        )
    }
}

/// A sorted sample as its distinct values and how often each occurs: ranks of samples with
/// many ties (values recorded to a few digits) cost one step per distinct value.
struct TiedSample {
    /// The distinct values, ascending.
    private(set) var values: [Double] = []
    /// How many times each value occurs.
    private(set) var counts: [Int] = []
    /// For each distinct value, how many values are smaller; then one more entry: all of them.
    private(set) var below: [Int] = [0]

    /// The number of values.
    var total: Int { below[below.count - 1] }

    /// Groups a sample sorted ascending, of which `distinctCount` values are distinct (counted
    /// here when not given: `SampleScan.survey`).
    /// - Complexity: O(*n*): a pass fills storage of the distinct values' size (after one that counts them).
    init(sorted sample: [Double], distinctCount: Int? = nil) {
        let distinct = distinctCount ?? SampleScan.survey(sample).distinctCount
        sample.withUnsafeBufferPointer { sample in
            guard let first = sample.first else { return }
            values = [Double](unsafeUninitializedCapacity: distinct) { values, valueCount in
                counts = [Int](unsafeUninitializedCapacity: distinct) { counts, countCount in
                    below = [Int](unsafeUninitializedCapacity: distinct + 1) { below, belowCount in
                        var group = 0, run = 1, before = 0
                        values[0] = first
                        below[0] = 0
                        for index in sample.indices.dropFirst() {
                            if sample[index] == sample[index - 1] {
                                run += 1
                            } else {
                                counts[group] = run
                                before += run
                                group += 1
                                values[group] = sample[index]
                                below[group] = before
                                run = 1
                            }
                        }
                        counts[group] = run
                        below[distinct] = before + run
                        belowCount = distinct + 1
                    }
                    countCount = distinct
                }
                valueCount = distinct
            }
        }
    }

    /// `sample` in ascending order: itself, not copied, when it already is (finite values).
    /// - Complexity: O(*n*) when sorted, else O(*n* log *n*).
    static func ascending(_ sample: [Double]) -> [Double] {
        SampleScan.isAscending(sample) ? sample : sample.sorted()
    }
}

/// Mid-ranks of two sorted samples pooled, found in one merge pass.
struct MergedRanks {
    /// The sum of the pooled mid-ranks of the first sample.
    private(set) var firstRankSum = 0.0
    /// Σ (t³ − t) over groups of t tied values.
    private(set) var tieCubeSum = 0.0

    /// Ranks the first sample shifted by −`shift` (each value xᵢ − shift, computed as R's
    /// `x - d`) pooled with the second.
    ///
    /// Values of the first sample that differ but become equal once shifted are tied, as in
    /// R; the sums are those of a pass over every value (the counts are whole numbers, so
    /// adding a group's count at once rounds as adding its values one by one).
    init(_ first: TiedSample, _ second: TiedSample, shift: Double = 0) {
        let firstValues = first.values, firstCounts = first.counts.map(Double.init)
        let secondValues = second.values, secondCounts = second.counts.map(Double.init)
        var i = 0, j = 0
        var ranked = 0.0
        while i < firstValues.count || j < secondValues.count {
            let value = Swift.min(i < firstValues.count ? firstValues[i] - shift : .infinity,
                                  j < secondValues.count ? secondValues[j] : .infinity)
            var inFirst = 0.0, inSecond = 0.0
            while i < firstValues.count, firstValues[i] - shift == value { inFirst += firstCounts[i]; i += 1 }
            while j < secondValues.count, secondValues[j] == value { inSecond += secondCounts[j]; j += 1 }
            let size = inFirst + inSecond
            firstRankSum += inFirst * (ranked + (size + 1) / 2)
            if size > 1 { tieCubeSum += size * size * size - size }
            ranked += size
        }
    }
}
