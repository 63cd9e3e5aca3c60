/// Two samples sorted and grouped by value once for the two things R's
/// `wilcox.test(x, y, conf.int = TRUE)` reports: the rank-sum test and the Hodges–Lehmann shift
/// with its interval. ``WilcoxonTest/rankSum(_:_:exact:)`` and ``LocationShift/init(_:_:exact:confidenceLevel:tolerance:)``
/// each prepare the samples anew; a caller that wants both prepares them here once.
public struct RankedSamples {
    /// The samples, ascending.
    private let x: [Double], y: [Double]
    private let tiedX: TiedSample, tiedY: TiedSample
    /// The pooled rank sums of x − d and y at any shift d, the test's at d = 0.
    private let rankSums: ShiftedRankSums

    /// Checks and prepares x and y.
    /// - Throws: ``StatisticsError/nonFiniteValue(sample:index:)`` (x first), then
    ///   ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` for an empty sample.
    /// - Complexity: O(*n*) for samples already sorted (one pass checks, orders and counts each,
    ///   `SampleScan.survey`), O(*n* log *n*) otherwise.
    public init(_ x: [Double], _ y: [Double]) throws(StatisticsError) {
        let xSurvey = SampleScan.survey(x), ySurvey = SampleScan.survey(y)
        if !xSurvey.allFinite { try StatisticsError.checkFinite(x, name: "x") }
        if !ySurvey.allFinite { try StatisticsError.checkFinite(y, name: "y") }
        guard !x.isEmpty else { throw .notEnoughObservations(sample: "x", minimum: 1, actual: 0) }
        guard !y.isEmpty else { throw .notEnoughObservations(sample: "y", minimum: 1, actual: 0) }
        self.x = xSurvey.ascending ? x : x.sorted()
        self.y = ySurvey.ascending ? y : y.sorted()
        tiedX = TiedSample(sorted: self.x, distinctCount: xSurvey.ascending ? xSurvey.distinctCount : nil)
        tiedY = TiedSample(sorted: self.y, distinctCount: ySurvey.ascending ? ySurvey.distinctCount : nil)
        rankSums = ShiftedRankSums(tiedX, tiedY)
    }

    /// The Wilcoxon rank-sum (Mann–Whitney) test of x against y: ``WilcoxonTest/rankSum(_:_:exact:)``.
    public func rankSumTest(exact: Bool? = nil) throws(StatisticsError) -> WilcoxonTest {
        let ranks = rankSums.ranks(at: 0)
        return try WilcoxonTest.rankSum(firstRankSum: ranks.firstRankSum, tieCubeSum: ranks.tieCubeSum,
                                        sizes: (x.count, y.count), exact: exact)
    }

    /// The Hodges–Lehmann shift of x against y with its interval:
    /// ``LocationShift/init(_:_:exact:confidenceLevel:tolerance:)``.
    public func locationShift(exact: Bool? = nil, confidenceLevel: Double = 0.95,
                              tolerance: Double = 1e-4) throws(StatisticsError) -> LocationShift {
        try StatisticsError.checkConfidenceLevel(confidenceLevel)
        // Σ (t³ − t) over the tie groups is 0 exactly when no two values are tied.
        let useExact = (exact ?? (x.count < 50 && y.count < 50)) && rankSums.ranks(at: 0).tieCubeSum == 0
        return useExact
            ? try LocationShift.exact(x, y, confidenceLevel: confidenceLevel)
            : try LocationShift.normal(tiedX, tiedY, rankSums: rankSums, confidenceLevel: confidenceLevel, tolerance: tolerance)
    }
}
