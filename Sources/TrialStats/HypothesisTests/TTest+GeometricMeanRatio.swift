import RealModule

extension TTest {
    /// The ratio of the geometric means of two positive samples: Welch's t-test of the
    /// logs, with the mean difference and its limits back-transformed
    /// (R: `exp(t.test(log(x), log(y))$estimate…)`, `$conf.int` likewise).
    ///
    /// Method: ``welch(_:_:confidenceLevel:)`` on log x and log y; the ratio is
    /// e^(mean log x − mean log y) and the limits e^lower, e^upper (the interval keeps its
    /// coverage; t, df and p are those of the log scale).
    ///
    /// - Error Bounds: as ``welch(_:_:confidenceLevel:)`` (about 1e-12 relative).
    /// - Throws: ``StatisticsError/invalidParameter(name:value:)`` naming the first value
    ///   that is not positive, and as ``welch(_:_:confidenceLevel:)``.
    /// - Complexity: O(nₓ + nᵧ).
    public static func geometricMeanRatio(
        _ x: [Double], _ y: [Double], confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> (test: TTest, ratio: BackTransformedEstimate) {
        func logs(_ values: [Double], name: String) throws(StatisticsError) -> [Double] {
            if let index = values.firstIndex(where: { !($0 > 0) }) {
                throw .invalidParameter(name: "\(name)[\(index)] (a log scale needs positive values)", value: values[index])
            }
            return values.map { Double.log($0) }
        }
        let test = try welch(try logs(x, name: "x"), try logs(y, name: "y"), confidenceLevel: confidenceLevel)
        let interval = test.confidenceInterval
        let ratio = BackTransformedEstimate(
            estimate: Double.exp(test.estimate),
            confidenceInterval: ConfidenceInterval(lower: Double.exp(interval.lower), upper: Double.exp(interval.upper),
                                                   level: interval.level))
        return (test, ratio)
    }
}
