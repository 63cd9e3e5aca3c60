import Testing
import TrialStats

private struct ChiSquareCase: Decodable, CustomTestStringConvertible {
    let rows: Int
    let cells: [Double]
    let correct: Bool
    let statistic: Double
    let df: Double
    let p: Double
    let yates: Bool
    var testDescription: String { "chisq.test(\(cells), nrow = \(rows), correct = \(correct))" }

    var table: [[Double]] {
        let columns = cells.count / rows
        return (0..<rows).map { Array(cells[($0 * columns)..<(($0 + 1) * columns)]) }
    }
}

private let cases: [ChiSquareCase] = (try? loadFixture("chisquare")) ?? []

@Test func chiSquareFixtureIsLoaded() {
    #expect(cases.count >= 20)
}

@Test(arguments: cases)
private func chiSquareAgreesWithR(_ item: ChiSquareCase) throws {
    let result = try ChiSquareTest(item.table, continuityCorrection: item.correct)
    expectAgrees(result.statistic, item.statistic, "\(item.testDescription) statistic")
    expectAgrees(result.pValue, item.p, "\(item.testDescription) p-value")
    #expect(Double(result.degreesOfFreedom) == item.df)
    #expect(result.yatesCorrected == item.yates)
}

@Test func chiSquareFlagsSmallExpectedCounts() throws {
    #expect(try ChiSquareTest([[1, 2], [3, 4]]).hasSmallExpectedCounts)
    #expect(try !ChiSquareTest([[10, 20], [30, 40]]).hasSmallExpectedCounts)
}

@Test func chiSquareRejectsAZeroRow() {
    #expect(throws: StatisticsError.emptyMargin("row 2 total is zero")) {
        try ChiSquareTest([[1, 2], [0, 0]])
    }
}

@Test func chiSquareRejectsRaggedRows() {
    #expect(throws: StatisticsError.self) { try ChiSquareTest([[1, 2], [3]]) }
}
