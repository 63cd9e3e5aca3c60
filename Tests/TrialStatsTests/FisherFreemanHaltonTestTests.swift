import Foundation
import Testing
import TrialStats

private struct FisherRowsByColumnsCase: Decodable, CustomTestStringConvertible {
    let rows: Int
    let cells: [Int]
    let p: Double
    var testDescription: String { "fisher.test(\(cells), nrow = \(rows))" }

    var table: [[Int]] {
        let columns = cells.count / rows
        return (0..<rows).map { Array(cells[($0 * columns)..<(($0 + 1) * columns)]) }
    }
}

private let cases: [FisherRowsByColumnsCase] = (try? loadFixture("fisher_rxc")) ?? []

@Test func fisherFreemanHaltonFixtureIsLoaded() {
    #expect(cases.count >= 30)
}

/// R's FEXACT sums merged partial tables at one representative's probability, so R's
/// own p-value can be a few 1e-9 off (2.9e-9 on the balanced 5×3 table).
@Test(arguments: cases)
private func fisherFreemanHaltonAgreesWithRTo1e8(_ item: FisherRowsByColumnsCase) throws {
    let result = try FisherFreemanHaltonTest(item.table)
    expectClose(result.pValue, item.p, relative: 1e-8, "\(item.testDescription) p-value")
}

/// To 1e-12 for small tables, 5e-11 for 10,000 participants (the documented accuracy).
@Test func fisherFreemanHaltonOnATwoByTwoTableIsFishersExactTest() throws {
    for cells in [[11, 16, 3, 23], [7, 2, 1, 8], [1, 19, 7, 13], [0, 10, 5, 5], [3, 1, 1, 3], [40, 4960, 70, 4930]] {
        let exact = try FisherExactTest(cells[0], cells[1], cells[2], cells[3])
        let network = try FisherFreemanHaltonTest([[cells[0], cells[1]], [cells[2], cells[3]]])
        expectClose(network.pValue, exact.pValue, relative: cells.reduce(0, +) > 1000 ? 5e-11 : 1e-12, "\(cells)")
    }
}

/// The probabilities of all tables with the observed margins sum to 1, so p = 1 for
/// the most probable table; the observed probability is the hypergeometric one.
/// With hundreds of thousands of participants the log factorials (about N log N) cancel
/// to a few 1e-11 in log P; a running sum of logs would have drifted to 4e-8.
@Test func fisherFreemanHaltonKeepsItsAccuracyWithManyParticipants() throws {
    for cells in [[25000, 25000, 24700, 25300], [60000, 40000, 59000, 41000], [1000, 199000, 1100, 198900]] {
        let exact = try FisherExactTest(cells[0], cells[1], cells[2], cells[3])
        let network = try FisherFreemanHaltonTest([[cells[0], cells[1]], [cells[2], cells[3]]])
        expectClose(network.pValue, exact.pValue, relative: 2e-10, "\(cells)")
    }
}

/// A table that is 2×2 once its empty rows and columns are left out is Fisher's exact test, to the
/// bit, in O(√N) work up to the work limit's participants.
@Test func fisherFreemanHaltonOfATwoByTwoTableIsFishersExactTest() throws {
    for cells in [[3, 1, 1, 4], [250_000, 250_000, 248_000, 252_000], [3_000_000, 2_000_000, 2_990_000, 2_010_000]] {
        let exact = try FisherExactTest.pValue(cells[0], cells[1], cells[2], cells[3])
        #expect(try FisherFreemanHaltonTest([[cells[0], cells[1]], [cells[2], cells[3]]]).pValue == exact)
        #expect(try FisherFreemanHaltonTest([[cells[0], 0, cells[1]], [0, 0, 0], [cells[2], 0, cells[3]]]).pValue == exact)
    }
}

@Test func fisherFreemanHaltonTableProbabilityIsTheConditionalOne() throws {
    let result = try FisherFreemanHaltonTest([[2, 1], [1, 2]])
    let hypergeometric = try Hypergeometric(white: 3, black: 3, draws: 3).probability(2)
    expectClose(result.tableProbability, hypergeometric, relative: 1e-13, "P(table)")
    expectClose(try FisherFreemanHaltonTest([[4, 4, 4], [4, 4, 4]]).pValue, 1, relative: 1e-12, "p")
}

@Test func fisherFreemanHaltonIgnoresEmptyRowsAndColumns() throws {
    let withEmpty = try FisherFreemanHaltonTest([[3, 0, 1], [0, 0, 0], [1, 0, 4]])
    let without = try FisherFreemanHaltonTest([[3, 1], [1, 4]])
    #expect(withEmpty.pValue == without.pValue)
    #expect(try FisherFreemanHaltonTest([[0, 0, 0], [3, 4, 5]]).pValue == 1)
}

@Test func fisherFreemanHaltonRefusesImpossibleTables() {
    #expect(throws: StatisticsError.emptyMargin("all cells are zero")) {
        try FisherFreemanHaltonTest([[0, 0], [0, 0]])
    }
    #expect(throws: StatisticsError.invalidCount("cells must be non-negative")) {
        try FisherFreemanHaltonTest([[1, -1], [2, 3]])
    }
    #expect(throws: StatisticsError.self) { try FisherFreemanHaltonTest([[1, 2, 3], [4, 5]]) }
    #expect(throws: StatisticsError.self) { try FisherFreemanHaltonTest([[1, 2, 3]]) }
}

/// A 6×6 table of 600 participants is far beyond any practical bound: the work
/// counter stops it (here at a bound of 1,000,000 steps, a few seconds in a debug
/// build) with the error the caller turns into "use chi-square".
@Test func fisherFreemanHaltonGivesUpQuicklyBeyondItsWorkLimit() throws {
    let large = (0..<6).map { row in (0..<6).map { column in 10 + (row * 7 + column * 3) % 11 } }
    let clock = ContinuousClock()
    var caught: StatisticsError?
    let elapsed = clock.measure {
        do { _ = try FisherFreemanHaltonTest(large, workLimit: 1_000_000) } catch let error as StatisticsError {
            caught = error
        } catch {}
    }
    guard case let .exactTestTooLarge(work, limit) = caught else {
        Issue.record("expected exactTestTooLarge, got \(String(describing: caught))")
        return
    }
    #expect(limit == 1_000_000)
    #expect(work > limit)
    #expect(elapsed < .seconds(30))
}

/// The work that grows with the participants counts too (the extremes of each node's completions,
/// O(participants) apiece): a 2 × 3 table of 100,000 participants reaches the limit instead of
/// running for seconds under it.
@Test func fisherFreemanHaltonCountsTheWorkThatGrowsWithTheParticipants() {
    #expect(throws: StatisticsError.self) {
        try FisherFreemanHaltonTest([[16_400, 16_800, 16_600], [16_700, 16_500, 17_000]], workLimit: 1_000_000)
    }
}

/// More participants than the work limit: refused before anything is allocated, and
/// counts near Int.max do not overflow.
@Test func fisherFreemanHaltonRefusesMoreParticipantsThanItsWorkLimitAtOnce() {
    #expect(throws: StatisticsError.exactTestTooLarge(work: 0, limit: 1000)) {
        try FisherFreemanHaltonTest([[400, 300], [200, 101]], workLimit: 1000)
    }
    #expect(throws: StatisticsError.exactTestTooLarge(work: 0, limit: FisherFreemanHaltonTest.defaultWorkLimit)) {
        try FisherFreemanHaltonTest([[Int.max, 1, 2], [Int.max, 3, 4]])
    }
}

/// Every table of the margins listed by brute force, its probability summed when it is
/// at most the observed one's × exp(3.45254e-7) (R's rule beyond 2×2): an exact
/// reference independent of R.
private func bruteForcePValue(_ table: [[Int]]) -> Double {
    let rowTotals = table.map { $0.reduce(0, +) }
    let columnTotals = (0..<table[0].count).map { column in table.reduce(0) { $0 + $1[column] } }
    let logFactorial = { (n: Int) in (0...n).dropFirst().reduce(0.0) { $0 + log(Double($1)) } }
    let constant = rowTotals.reduce(0.0) { $0 + logFactorial($1) } + columnTotals.reduce(0.0) { $0 + logFactorial($1) }
        - logFactorial(rowTotals.reduce(0, +))
    let logProbability = { (cells: [Int]) in constant - cells.reduce(0.0) { $0 + logFactorial($1) } }
    let observed = logProbability(Array(table.joined()))
    var pValue = 0.0
    var cells = [Int]()
    func fill(row: Int, column: Int, rowLeft: Int, columnsLeft: [Int]) {
        if row == rowTotals.count - 1 {
            let probability = logProbability(cells + columnsLeft)
            if probability <= observed + 3.45254e-7 { pValue += exp(probability) }
            return
        }
        if column == columnTotals.count - 1 {
            guard rowLeft <= columnsLeft[column] else { return }
            cells.append(rowLeft)
            var left = columnsLeft
            left[column] -= rowLeft
            fill(row: row + 1, column: 0, rowLeft: rowTotals[row + 1], columnsLeft: left)
            cells.removeLast()
            return
        }
        for value in 0...min(rowLeft, columnsLeft[column]) {
            cells.append(value)
            var left = columnsLeft
            left[column] -= value
            fill(row: row, column: column + 1, rowLeft: rowLeft - value, columnsLeft: left)
            cells.removeLast()
        }
    }
    fill(row: 0, column: 0, rowLeft: rowTotals[0], columnsLeft: columnTotals)
    return pValue
}

@Test(arguments: [
    [[3, 1, 4], [1, 5, 9], [2, 6, 5]], [[0, 4, 1, 2], [3, 0, 2, 5]], [[6, 0], [1, 4], [2, 2], [0, 5]],
    [[8, 1, 1], [1, 8, 1], [1, 1, 8]], [[2, 2, 2], [2, 2, 2]], [[2, 0, 1, 3], [1, 2, 2, 0], [0, 3, 1, 2]],
    [[1, 2], [3, 0], [0, 2], [2, 1], [1, 1], [4, 0]],
])
func fisherFreemanHaltonIsExactAgainstBruteForceTo1e12(_ table: [[Int]]) throws {
    expectClose(try FisherFreemanHaltonTest(table).pValue, bruteForcePValue(table), relative: 1e-12, "\(table)")
}

/// The order in which categories are filled is chosen for speed; the p-value must not
/// depend on it, nor on which side holds the arms.
@Test func fisherFreemanHaltonDoesNotDependOnTheOrderOfRowsOrOnTransposition() throws {
    let table = [[6, 5, 8], [10, 9, 7], [5, 4, 4], [1, 2, 2], [0, 3, 1]]
    let reference = try FisherFreemanHaltonTest(table).pValue
    let transposed = (0..<3).map { column in table.map { $0[column] } }
    expectClose(try FisherFreemanHaltonTest(transposed).pValue, reference, relative: 1e-12, "transposed")
    expectClose(try FisherFreemanHaltonTest(table.reversed()).pValue, reference, relative: 1e-12, "rows reversed")
}
