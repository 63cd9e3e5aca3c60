/// Pearson's chi-square test of independence for an r×c contingency table, as R's
/// `chisq.test` computes it.
public struct ChiSquareTest: Sendable, Equatable, Codable {
    /// X² = Σ (|O − E| − c)²/E, with c the Yates correction (0 when not applied).
    public let statistic: Double
    /// (r − 1)(c − 1).
    public let degreesOfFreedom: Int
    /// P(χ²_df > X²).
    public let pValue: Double
    /// Whether Yates' continuity correction was applied (2×2 only, as R).
    public let yatesCorrected: Bool
    /// The expected counts E = row total × column total / N, row by row.
    public let expected: [[Double]]
    /// Whether any expected count is below 5 (R warns "Chi-squared approximation may
    /// be incorrect").
    public var hasSmallExpectedCounts: Bool { expected.joined().contains { $0 < 5 } }

    /// Tests independence of rows and columns of `table` (rows of equal length).
    ///
    /// Method: Pearson (1900). With `continuityCorrection` (R's default `correct =
    /// TRUE`) and a 2×2 table, Yates' correction c = min(0.5, minᵢⱼ |Oᵢⱼ − Eᵢⱼ|) is
    /// subtracted as in R; other shapes are never corrected. The p-value is the
    /// chi-square survival function (``ChiSquare/survival(_:)``).
    ///
    /// - Error Bounds: statistic to a few ulps per cell; p-value relative error about
    ///   1e-13, including p below 1e-12.
    /// - Throws: ``StatisticsError/invalidCount(_:)`` for fewer than 2 rows or columns,
    ///   ragged rows, or negative or non-finite counts; ``StatisticsError/emptyMargin(_:)``
    ///   when a row or column total is zero (R returns NaN there).
    /// - Complexity: O(r·c).
    public init(_ table: [[Double]], continuityCorrection: Bool = true) throws(StatisticsError) {
        let rows = table.count, columns = table.first?.count ?? 0
        guard rows >= 2, columns >= 2, table.allSatisfy({ $0.count == columns }) else {
            throw .invalidCount("a contingency table needs at least 2×2 cells in rows of equal length")
        }
        guard table.joined().allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidCount("cells must be finite and non-negative")
        }
        let rowTotals = table.map { $0.reduce(0, +) }
        let columnTotals = (0..<columns).map { column in table.reduce(0.0) { $0 + $1[column] } }
        if let row = rowTotals.firstIndex(of: 0) { throw .emptyMargin("row \(row + 1) total is zero") }
        if let column = columnTotals.firstIndex(of: 0) { throw .emptyMargin("column \(column + 1) total is zero") }
        let total = rowTotals.reduce(0, +)
        let expected = rowTotals.map { rowTotal in columnTotals.map { rowTotal * $0 / total } }
        var correction = 0.0
        if continuityCorrection && rows == 2 && columns == 2 {
            let smallestDeviation = zip(table.joined(), expected.joined()).map { abs($0 - $1) }.min() ?? 0
            correction = Swift.min(0.5, smallestDeviation)
        }
        var statistic = 0.0
        for (observedCell, expectedCell) in zip(table.joined(), expected.joined()) {
            let deviation = abs(observedCell - expectedCell) - correction
            statistic += deviation * deviation / expectedCell
        }
        self.statistic = statistic
        degreesOfFreedom = (rows - 1) * (columns - 1)
        pValue = try ChiSquare(degreesOfFreedom: Double(degreesOfFreedom)).survival(statistic)
        yatesCorrected = correction > 0
        self.expected = expected
    }
}
