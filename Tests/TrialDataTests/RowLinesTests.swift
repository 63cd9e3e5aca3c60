import Testing
@testable import TrialData

@Suite("Row lines")
struct RowLinesTests {
    /// Rows read from lines with gaps (records left out, blank lines, records over several lines),
    /// in two chunks appended one after the other: every row's line as a plain list gives it.
    @Test func everyRowKeepsItsLine() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var lines: [Int] = [], line = 2
            for _ in 0..<Int.random(in: 0...300, using: &generator) {
                line += Int.random(in: 0..<10, using: &generator) == 0 ? Int.random(in: 2...4, using: &generator) : 1
                lines.append(line)
            }
            let cut = lines.isEmpty ? 0 : Int.random(in: 0...lines.count, using: &generator)
            var first = RowLines(), second = RowLines()
            for line in lines[..<cut] { first.append(line: line) }
            for line in lines[cut...] { second.append(line: line) }
            first.append(contentsOf: second)
            #expect(first.count == lines.count)
            #expect(lines.indices.map { first[$0] } == lines)
        }
    }

    /// A file without gaps: each row on the line after the one before, across the chunks.
    @Test func consecutiveLinesFollowTheRows() {
        var rows = RowLines(), rest = RowLines()
        for line in 2..<1_002 { rows.append(line: line) }
        for line in 1_002..<2_002 { rest.append(line: line) }
        rows.append(contentsOf: rest)
        #expect(rows[0] == 2 && rows[999] == 1_001 && rows[1_000] == 1_002 && rows[1_999] == 2_001)
    }
}
