import TrialStats

extension BoxSummary {
    /// The box summary of one arm's sample.
    ///
    /// - Complexity: O(*n*) over the sorted values.
    init(arm: String, sample: Sample) {
        let values = sample.sorted
        let q1 = SampleQuantile.type7(0.25, sorted: values)
        let median = SampleQuantile.type7(0.5, sorted: values)
        let q3 = SampleQuantile.type7(0.75, sorted: values)
        guard let q1, let q3 else {
            self.init(arm: arm, n: 0, q1: nil, median: nil, q3: nil, whiskerLower: nil, whiskerUpper: nil,
                      outliers: [], outlierCount: 0, values: [])
            return
        }
        let reach = 1.5 * (q3 - q1)
        let lowerEnd = values.firstIndex { $0 >= q1 - reach } ?? 0
        let upperEnd = values.lastIndex { $0 <= q3 + reach } ?? values.count - 1
        let low = values[..<lowerEnd], high = values[(upperEnd + 1)...]
        var outliers = Array(low) + Array(high)
        if outliers.count > Self.maximumOutliers {
            let half = Self.maximumOutliers / 2
            let fromLow = min(low.count, max(half, Self.maximumOutliers - high.count))
            outliers = Array(low.prefix(fromLow)) + Array(high.suffix(Self.maximumOutliers - fromLow))
        }
        self.init(arm: arm, n: values.count, q1: q1, median: median, q3: q3,
                  whiskerLower: values[lowerEnd], whiskerUpper: values[upperEnd],
                  outliers: outliers, outlierCount: low.count + high.count,
                  values: values.count <= Self.maximumPoints ? values : nil)
    }
}
