extension TTest {
    /// Welch's two-sample t-test (R: `t.test(x, y)`).
    ///
    /// Method: Welch (1947); se = √(s²ₓ/nₓ + s²ᵧ/nᵧ), df by Welch–Satterthwaite
    /// se⁴/((s²ₓ/nₓ)²/(nₓ − 1) + (s²ᵧ/nᵧ)²/(nᵧ − 1)); p-value and CI from
    /// ``StudentT`` (R's nmath/pt.c and qt).
    ///
    /// - Error Bounds: relative error about 1e-12 on t, df, p and CI limits.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` when a
    ///   group has fewer than 2 values; ``StatisticsError/essentiallyConstant(sample:)``
    ///   when the standard error is 0 (R: "data are essentially constant");
    ///   ``StatisticsError/nonFiniteValue(sample:index:)``; an invalid level.
    /// - Complexity: O(nₓ + nᵧ).
    public static func welch(
        _ x: [Double], _ y: [Double], confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> TTest {
        try twoSample(.welch, x, y, minimum: 2, confidenceLevel: confidenceLevel) { first, second in
            let firstVariance = first.variance / first.count, secondVariance = second.variance / second.count
            let df = (firstVariance + secondVariance) * (firstVariance + secondVariance)
                / (firstVariance * firstVariance / (first.count - 1) + secondVariance * secondVariance / (second.count - 1))
            return ((firstVariance + secondVariance).squareRoot(), df)
        }
    }

    /// Student's two-sample t-test with pooled variance (R: `t.test(x, y, var.equal = TRUE)`).
    ///
    /// Method: Student (1908); s²ₚ = ((nₓ − 1)s²ₓ + (nᵧ − 1)s²ᵧ)/(nₓ + nᵧ − 2),
    /// se = sₚ√(1/nₓ + 1/nᵧ), df = nₓ + nᵧ − 2.
    ///
    /// - Error Bounds: relative error about 1e-12.
    /// - Throws: as ``welch(_:_:confidenceLevel:)``, except that one group may have a
    ///   single value when the other has two or more (as R).
    /// - Complexity: O(nₓ + nᵧ).
    public static func student(
        _ x: [Double], _ y: [Double], confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> TTest {
        guard x.count + y.count >= 3 else {
            throw .notEnoughObservations(sample: "x and y", minimum: 3, actual: x.count + y.count)
        }
        return try twoSample(.student, x, y, minimum: 1, confidenceLevel: confidenceLevel) { first, second in
            let df = first.count + second.count - 2
            let pooled = ((first.count - 1) * first.variance + (second.count - 1) * second.variance) / df
            return ((pooled * (1 / first.count + 1 / second.count)).squareRoot(), df)
        }
    }

    /// The paired t-test on x − y (R: `t.test(x, y, paired = TRUE)`).
    ///
    /// Method: the one-sample test of the differences xᵢ − yᵢ against 0.
    ///
    /// - Error Bounds: relative error about 1e-12.
    /// - Throws: ``StatisticsError/unpairedLengths(x:y:)`` when the lengths differ, and
    ///   as ``oneSample(_:hypothesizedMean:confidenceLevel:)`` for the differences.
    /// - Complexity: O(n).
    public static func paired(
        _ x: [Double], _ y: [Double], confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> TTest {
        guard x.count == y.count else { throw .unpairedLengths(x: x.count, y: y.count) }
        try StatisticsError.checkFinite(x, name: "x")
        try StatisticsError.checkFinite(y, name: "y")
        let differences = zip(x, y).map { $0 - $1 }
        return try oneSample(differences, hypothesizedMean: 0, confidenceLevel: confidenceLevel, method: .paired, name: "differences")
    }

    /// The one-sample t-test of mean = μ (R: `t.test(x, mu = μ)`).
    ///
    /// Method: t = (x̄ − μ)/(s/√n), df = n − 1.
    ///
    /// - Error Bounds: relative error about 1e-12.
    /// - Throws: ``StatisticsError/notEnoughObservations(sample:minimum:actual:)`` for
    ///   fewer than 2 values; ``StatisticsError/essentiallyConstant(sample:)`` for zero
    ///   variance; ``StatisticsError/nonFiniteValue(sample:index:)``; an invalid level.
    /// - Complexity: O(n).
    public static func oneSample(
        _ x: [Double], hypothesizedMean: Double = 0, confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> TTest {
        try oneSample(x, hypothesizedMean: hypothesizedMean, confidenceLevel: confidenceLevel, method: .oneSample, name: "x")
    }

    /// The shared frame of the two-sample tests: checks, then estimate x̄ − ȳ with the
    /// standard error and df that `standardErrorAndDF` derives from the two samples.
    private static func twoSample(
        _ method: TTestMethod, _ x: [Double], _ y: [Double], minimum: Int, confidenceLevel: Double,
        standardErrorAndDF: (TTestSample, TTestSample) -> (Double, Double)
    ) throws(StatisticsError) -> TTest {
        try StatisticsError.checkConfidenceLevel(confidenceLevel)
        let first = try TTestSample(x, name: "x", minimum: minimum)
        let second = try TTestSample(y, name: "y", minimum: minimum)
        let (standardError, df) = standardErrorAndDF(first, second)
        try TTestSample.checkNotConstant(standardError: standardError, means: [first.mean, second.mean], name: "x and y")
        return try TTest(
            method: method, estimate: first.mean - second.mean, standardError: standardError,
            degreesOfFreedom: df, hypothesizedMean: 0, confidenceLevel: confidenceLevel,
            groupMeans: [first.mean, second.mean]
        )
    }

    private static func oneSample(
        _ x: [Double], hypothesizedMean: Double, confidenceLevel: Double, method: TTestMethod, name: String
    ) throws(StatisticsError) -> TTest {
        try StatisticsError.checkConfidenceLevel(confidenceLevel)
        let sample = try TTestSample(x, name: name, minimum: 2)
        let standardError = (sample.variance / sample.count).squareRoot()
        try TTestSample.checkNotConstant(standardError: standardError, means: [sample.mean], name: name)
        return try TTest(
            method: method, estimate: sample.mean, standardError: standardError,
            degreesOfFreedom: sample.count - 1, hypothesizedMean: hypothesizedMean,
            confidenceLevel: confidenceLevel, groupMeans: []
        )
    }
}
