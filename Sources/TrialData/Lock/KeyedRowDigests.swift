/// The row digests (`RowDigests`) of a part of a file whose participants are mostly known before
/// it is read (those validated): kept in flat arrays indexed by the known participants, so that a row costs a comparison with the participant before it (or a
/// lookup in a table already built) and the parts of a file merge by adding arrays, not by looking
/// every participant up again. Participants `known` lacks are kept as `RowDigests` does.
///
/// `table()` gives the same `RowDigests` as reading the whole file into one.
struct KeyedRowDigests: Sendable {
    /// The participants known before the file is read.
    private let known: StringTable
    /// For each known participant: its rows in this part, their digest, the line of the first.
    private var rowCounts: [Int32]
    private var digests: [UInt64]
    private var lines: [Int32]
    /// Every participant in the order its first row appears: a known participant's index, or
    /// −(i + 1) for participant i of `others`.
    private var order: [Int32] = []
    /// The participants not in `known`.
    private var others: RowDigests
    /// The known participant of the row before (−1: none), and the row before's in `others`.
    private var lastKnown = -1
    private var lastOther = -1

    init(file: String, keyColumn: String, known: StringTable) {
        self.known = known
        rowCounts = Array(repeating: 0, count: known.count)
        digests = Array(repeating: 0, count: known.count)
        lines = Array(repeating: 0, count: known.count)
        others = RowDigests(file: file, keyColumn: keyColumn)
    }

    /// Adds a row of the participant whose id is `id`, at `line`.
    @inline(__always)
    mutating func add(_ id: UnsafeBufferPointer<UInt8>, digest: UInt64, line: Int) {
        guard let index = known.withView({ $0.index(ofBytes: id, tryingFirst: lastKnown) }) else {
            let before = others.participants.count
            others.add(id, digest: digest, line: line, last: &lastOther)
            if others.participants.count > before { order.append(-Int32(before) - 1) }
            return
        }
        lastKnown = index
        add(known: index, rows: 1, digest: digest, line: line)
    }

    /// Adds `rows` rows of known participant `index` whose digests sum to `digest`, the first at `line`.
    @inline(__always)
    private mutating func add(known index: Int, rows: Int32, digest: UInt64, line: Int) {
        if rowCounts[index] == 0 {
            lines[index] = Int32(truncatingIfNeeded: line)
            order.append(Int32(index))
        }
        rowCounts[index] &+= rows
        digests[index] &+= digest
    }

    /// The digests of a file from the runs of its records (`RowDigestRuns`, each of a known
    /// participant), in file order.
    init(file: String, keyColumn: String, known: StringTable, runs: [RowDigestRuns]) {
        self.init(file: file, keyColumn: keyColumn, known: known)
        for part in runs {
            for run in part.participants.indices {
                add(known: Int(part.participants[run]), rows: part.rowCounts[run], digest: part.digests[run], line: Int(part.lines[run]))
            }
        }
    }

    /// Adds the rows of `later`, a part of the same file after the ones added so far, keyed by
    /// the same participants.
    mutating func merge(_ later: KeyedRowDigests) {
        let otherIndices = others.merge(later.others)
        for entry in later.order {
            if entry >= 0 {
                let index = Int(entry)
                guard rowCounts[index] == 0 else { continue }
                lines[index] = later.lines[index]
                order.append(entry)
            } else if case let (index, inserted) = otherIndices[Int(-entry - 1)], inserted {
                order.append(-Int32(index) - 1)
            }
        }
        for index in rowCounts.indices {
            rowCounts[index] &+= later.rowCounts[index]
            digests[index] &+= later.digests[index]
        }
    }

    /// The digests as one table, participants in the order their first rows appear. When that
    /// order is the known participants' own (a file sorted as the subject-level one, with a row
    /// for everyone), their table is shared, not copied; when no participant is known, the table
    /// is `others`.
    /// - Complexity: O(number of participants), and the size of their ids unless shared.
    func table() -> RowDigests {
        if order.count == others.participants.count { return others }
        var table = RowDigests(file: others.file, keyColumn: others.keyColumn)
        if others.participants.count == 0, order.count == known.count, order.indices.allSatisfy({ order[$0] == Int32($0) }) {
            table.participants = known
            table.rowCounts = rowCounts
            table.digests = digests
            table.lines = lines
            return table
        }
        table.participants = StringTable(capacity: order.count)
        table.rowCounts.reserveCapacity(order.count)
        table.digests.reserveCapacity(order.count)
        table.lines.reserveCapacity(order.count)
        for entry in order {
            if entry >= 0 {
                let index = Int(entry)
                table.participants.appendAbsent(index, of: known)
                table.rowCounts.append(rowCounts[index])
                table.digests.append(digests[index])
                table.lines.append(lines[index])
            } else {
                let index = Int(-entry - 1)
                table.participants.appendAbsent(index, of: others.participants)
                table.rowCounts.append(others.rowCounts[index])
                table.digests.append(others.digests[index])
                table.lines.append(others.lines[index])
            }
        }
        return table
    }

    /// The digests of a file from those of its parts, in file order.
    static func merged(_ parts: [KeyedRowDigests]) -> RowDigests {
        var whole = parts[0]
        for part in parts.dropFirst() { whole.merge(part) }
        return whole.table()
    }
}
