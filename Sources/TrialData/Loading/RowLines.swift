/// The line of each row of a table read from a file, kept as the points where the line stops
/// following the row by a constant (after a record left out, a blank line, a record over several
/// lines): a file read without such gaps needs one point, not a number per row.
struct RowLines: Sendable {
    /// At each change, the first row of a run and its line minus its row; rows ascending.
    private var changes: [(row: Int, offset: Int)] = []
    /// The number of rows.
    private(set) var count = 0
    /// The offset of the last change (`Int.min` before the first), kept apart from `changes`
    /// so that a row in a run costs a comparison of two integers.
    private var lastOffset = Int.min

    /// Adds the next row, read from `line`.
    /// - Complexity: O(1) amortized.
    mutating func append(line: Int) {
        let offset = line - count
        if offset != lastOffset { addChange(row: count, offset: offset) }
        count += 1
    }

    /// Adds the rows of `other`, read after these.
    /// - Complexity: O(changes of `other`).
    mutating func append(contentsOf other: RowLines) {
        for change in other.changes {
            let offset = change.offset - count
            if offset != lastOffset { addChange(row: change.row + count, offset: offset) }
        }
        count += other.count
    }

    private mutating func addChange(row: Int, offset: Int) {
        changes.append((row, offset))
        lastOffset = offset
    }

    /// The line of `row`.
    /// - Complexity: O(log *c*) for *c* changes.
    subscript(row: Int) -> Int {
        var low = 0, high = changes.count  // the last change at or before `row` is at low - 1
        while low < high {
            let middle = (low + high) / 2
            if changes[middle].row <= row { low = middle + 1 } else { high = middle }
        }
        return row + changes[low - 1].offset
    }
}
