import Testing
import TrialStats

private struct RowsByColumnsCase: Decodable, CustomTestStringConvertible {
    let rows: Int
    let cells: [Double]
    let statistic: Double
    let df: Int
    let p: Double
    let expected: [Double]
    var testDescription: String { "chisq.test(\(cells), nrow = \(rows), correct = FALSE)" }

    var table: [[Double]] {
        let columns = cells.count / rows
        return (0..<rows).map { Array(cells[($0 * columns)..<(($0 + 1) * columns)]) }
    }
}

private let cases: [RowsByColumnsCase] = (try? loadFixture("chisquare_rxc")) ?? []

@Test func chiSquareRowsByColumnsFixtureIsLoaded() {
    #expect(cases.count >= 5)
}

/// Arms in columns, as the k-arm analyses lay tables out; expected counts are returned
/// so a caller can see where the approximation is poor.
@Test(arguments: cases)
private func chiSquareRowsByColumnsAgreesWithRWithExpectedCounts(_ item: RowsByColumnsCase) throws {
    let result = try ChiSquareTest(item.table, continuityCorrection: false)
    expectClose(result.statistic, item.statistic, relative: 1e-12, "\(item.testDescription) statistic")
    expectClose(result.pValue, item.p, relative: 1e-12, "\(item.testDescription) p-value")
    #expect(result.degreesOfFreedom == item.df)
    #expect(!result.yatesCorrected)
    for (actual, expected) in zip(Array(result.expected.joined()), item.expected) {
        expectClose(actual, expected, relative: 1e-14, "\(item.testDescription) expected count")
    }
    #expect(result.hasSmallExpectedCounts == item.expected.contains { $0 < 5 })
}

@Test func chiSquareRefusesAnArmWithNoParticipants() {
    #expect(throws: StatisticsError.emptyMargin("column 2 total is zero")) {
        try ChiSquareTest([[3, 0, 4], [10, 0, 9]], continuityCorrection: false)
    }
}
