/// A digest of every participant's rows in a study file, so that `verify` can say whose rows
/// of a changed file differ from the locked ones without keeping the old file.
///
/// Any file a lock covers, in any layout: CSV (the seed study's files, ADaM datasets as CSV) and
/// SAS transport files (`.xpt`, whose rows are their observations, compared as records). The key
/// is the participant (`USUBJID`): one method at any size, kept in flat arrays, in the order
/// participants first appear in the file.
///
/// A cell's hash is `RowHash` of its value seeded by the hash of its column name, so moving
/// columns changes no digest; a row's is the mixed sum of its cells' hashes; a participant's
/// digest is the sum of its rows' (modulo 2⁶⁴), so moving rows changes none either, while any
/// change of a value, or a row added or removed, changes it (with probability 1 − 2⁻⁶⁴). Cells
/// are the values as written (a CSV field with doubled quotes undone; the stored bytes of an
/// XPT variable).
struct RowDigests: Sendable, Equatable {
    /// The key column of every file: the participant.
    static let participantColumn = "USUBJID"

    /// The file, e.g. `adlb.csv` or `data/adsl.xpt`.
    var file: String
    /// The key column used.
    var keyColumn: String
    /// The participants, numbered in the order they first appear.
    var participants = StringTable()
    /// The number of rows of each participant.
    var rowCounts: [Int32] = []
    /// The digest of each participant's rows.
    var digests: [UInt64] = []
    /// The line (for an XPT file, the 80-byte record) of each participant's first row in the
    /// file read; empty when read from `trial.lock.rows`.
    var lines: [Int32] = []

    /// Adds a row of the participant whose id is `id`, at `line`.
    @inline(__always)
    mutating func add(_ id: UnsafeBufferPointer<UInt8>, digest: UInt64, line: Int, last: inout Int) {
        let index: Int
        if last >= 0, participants.equals(last, id) {
            index = last
        } else {
            let (found, inserted) = participants.insert(bytes: id)
            index = found
            if inserted {
                rowCounts.append(0)
                digests.append(0)
                lines.append(Int32(truncatingIfNeeded: line))
            }
        }
        last = index
        rowCounts[index] &+= 1
        digests[index] &+= digest
    }

    /// Adds the participants of `later`, a part of the same file after the ones added so far.
    /// - Returns: for each participant of `later`, its index here and whether it was new.
    @discardableResult
    mutating func merge(_ later: RowDigests) -> [(index: Int, inserted: Bool)] {
        var indices: [(index: Int, inserted: Bool)] = []
        indices.reserveCapacity(later.participants.count)
        for participant in 0..<later.participants.count {
            let (index, inserted) = later.participants.withBytes(participant) { participants.insert(bytes: $0) }
            if inserted {
                rowCounts.append(0)
                digests.append(0)
                lines.append(later.lines[participant])
            }
            rowCounts[index] &+= later.rowCounts[participant]
            digests[index] &+= later.digests[participant]
            indices.append((index, inserted))
        }
        return indices
    }

    /// The digests of the rows of a whole file, its parts read on every core.
    /// - Returns: the digests, or why they cannot be computed (no key column, not a transport file).
    /// - Complexity: O(size of the file).
    static func compute(_ bytes: FileContents, file: String, keyColumn: String = participantColumn) -> Result<RowDigests, RowDigestProblem> {
        let parts: [RowDigestPart]
        switch RowDigestPart.parts(of: bytes, file: file, keyColumn: keyColumn, count: 2) {
        case .success(let found): parts = found
        case .failure(let problem): return .failure(problem)
        }
        var tables: [KeyedRowDigests] = []
        for result in ParallelWork.map(parts, { $0.digests(keyedBy: StringTable()) }) {
            switch result {
            case .success(let table): tables.append(table)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(KeyedRowDigests.merged(tables))
    }
}

/// Why the rows of a file cannot be compared.
struct RowDigestProblem: Error, Sendable, Equatable {
    var message: String
}
