import Crypto

/// A short digest of every row of a study CSV file, by the row's key, so that `verify` can
/// say which rows of a changed file differ from the locked ones without keeping the old file.
///
/// A row's digest is the first 48 bits (12 hexadecimal digits) of the SHA-256 of its cells,
/// taken in the order of the column names (`NAME 0x1F VALUE 0x1E` for each), so reordering
/// columns or rows changes no digest. Keys: adsl `USUBJID`; adlb `USUBJID × PARAMCD × AVISITN`;
/// adae `USUBJID × AEDECOD × AESTDY`; adii `USUBJID × STARTMO`; a key seen again gets an
/// occurrence number (`#2`, …) in file order. Files of more than `rowLimit` rows are recorded
/// per participant instead (the digest of the sorted digests of the participant's rows), which
/// keeps `trial.lock.rows` to about 30 bytes per participant.
struct RowDigests: Sendable, Equatable {
    /// A row's key: the values of the key columns, and which occurrence of them it is (1, 2, …).
    struct Key: Hashable, Sendable {
        var values: [String]
        var occurrence: Int
    }

    /// The file, e.g. `adlb.csv`.
    var file: String
    /// The key columns used: those of the file's key present in its header (`USUBJID` at least).
    var keyColumns: [String]
    /// Whether there is one digest per participant (the first key column) rather than per row.
    var isGroupedByParticipant: Bool
    /// The digest of each row (or participant), by key.
    var digests: [Key: String]
    /// The line of each row (or a participant's first row) in the file read; empty when read
    /// from `trial.lock.rows`.
    var lines: [Key: Int] = [:]

    /// Files with more rows than this are recorded per participant.
    static let rowLimit = 1_000_000

    /// The key columns of each study file; the first is required, the others used when present.
    static let keyColumns: [String: [String]] = [
        StudyData.FileName.participants: ["USUBJID"],
        StudyData.FileName.measurements: ["USUBJID", "PARAMCD", "AVISITN"],
        StudyData.FileName.adverseEvents: ["USUBJID", "AEDECOD", "AESTDY"],
        StudyData.FileName.insulinIndependence: ["USUBJID", "STARTMO"],
    ]

    /// The digests of the rows of `bytes`.
    ///
    /// - Parameter layout: the key columns and grouping to use — those of a recorded table, to
    ///   compare with it; by default the file's key columns present in its header, per row, or
    ///   per participant when the file has more than `rowLimit` rows.
    /// - Returns: the digests, or why they cannot be computed (a key column is missing).
    /// - Complexity: O(size of the file + *r* log *r*) for *r* rows; one pass keeps 16 bytes per
    ///   row (participant, digest, line), a second builds the row keys only for files recorded per row.
    static func compute(_ bytes: FileContents, file: String, like layout: RowDigests? = nil) -> Result<RowDigests, RowDigestProblem> {
        let csv = CSVFile(name: file, contents: bytes)
        let defaultKey = keyColumns[file] ?? []
        let key = layout?.keyColumns ?? defaultKey.enumerated().filter { $0.offset == 0 || csv.header.contains($0.element) }.map(\.element)
        if let missing = key.first(where: { !csv.header.contains($0) }) {
            return .failure(RowDigestProblem(message: "its rows cannot be compared: column \(missing) is missing"))
        }
        guard !key.isEmpty, !file.lowercased().hasSuffix(".xpt") else {
            return .failure(RowDigestProblem(message: "its rows cannot be compared: rows are recorded for the seed study's CSV files only"))
        }
        let keyIndices = key.map { csv.header.firstIndex(of: $0)! }
        let rows = RowTable(csv, participantColumn: keyIndices[0])
        guard layout?.isGroupedByParticipant ?? (rows.count > rowLimit) else {
            var digests: [Key: String] = [:], lines: [Key: Int] = [:]
            var seen: [[String]: Int] = [:]
            var row = 0
            var log = DiagnosticLog(file: file)
            csv.forEachRecord(&log) { record, _ in
                let values = keyIndices.map { index in index < record.count ? record.text(index) : "" }
                let occurrence = (seen[values] ?? 0) + 1
                seen[values] = occurrence
                // The occurrence number makes every row's key unique.
                let rowKey = Key(values: values, occurrence: occurrence)
                digests[rowKey] = shortHex(rows.digest[row])
                lines[rowKey] = Int(rows.line[row])
                row += 1
            }
            return .success(RowDigests(file: file, keyColumns: key, isGroupedByParticipant: false, digests: digests, lines: lines))
        }
        var digests: [Key: String] = [:], lines: [Key: Int] = [:]
        var hexDigits: [UInt8] = []
        for (participant, participantRows) in rows.byParticipant().enumerated() where !participantRows.isEmpty {
            let participantKey = Key(values: [rows.participants[participant]], occurrence: 1)
            hexDigits.removeAll(keepingCapacity: true)
            for digest in participantRows.map({ rows.digest[$0] }).sorted() { appendHex(digest, to: &hexDigits) }
            digests[participantKey] = shortHex(digestPrefix(hexDigits.withUnsafeBytes { SHA256.hash(data: $0) }))
            lines[participantKey] = Int(rows.line[participantRows[0]])
        }
        return .success(RowDigests(file: file, keyColumns: [key[0]], isGroupedByParticipant: true, digests: digests, lines: lines))
    }

    /// The first 6 bytes of a SHA-256 digest, as a number.
    fileprivate static func digestPrefix(_ digest: SHA256.Digest) -> UInt64 {
        digest.prefix(6).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A digest prefix as 12 lowercase hexadecimal digits (fixed width, so that text order is number order).
    private static func shortHex(_ prefix: UInt64) -> String {
        var digits: [UInt8] = []
        appendHex(prefix, to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }

    private static func appendHex(_ prefix: UInt64, to digits: inout [UInt8]) {
        for shift in stride(from: 44, through: 0, by: -4) {
            let nibble = UInt8((prefix >> UInt64(shift)) & 0xF)
            digits.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
        }
    }

    /// `USUBJID=P001 PARAMCD=CPEPF AVISITN=12`, with ` #2` for a repeated key.
    func describe(_ key: Key) -> String {
        let text = zip(keyColumns, key.values).map { "\($0)=\($1)" }.joined(separator: " ")
        return key.occurrence > 1 ? text + " #\(key.occurrence)" : text
    }
}

/// Why the rows of a file cannot be compared.
struct RowDigestProblem: Error, Sendable, Equatable {
    var message: String
}

/// Every row of a CSV file in file order: its participant (the first key column, as an index
/// into `participants`), the digest of its cells (see `RowDigests`) and its line.
private struct RowTable {
    var participants = StringTable()
    var participant: [Int32] = []
    var digest: [UInt64] = []
    var line: [Int32] = []

    var count: Int { digest.count }

    /// Reads every record once. The cells of a row are hashed as one buffer: `NAME 0x1F VALUE 0x1E`
    /// for each column in the order of the names.
    init(_ csv: CSVFile, participantColumn: Int) {
        let columnOrder = csv.header.indices.sorted { csv.header[$0].utf8.lexicographicallyPrecedes(csv.header[$1].utf8) }
        let names = csv.header.map { Array($0.utf8) }
        let capacity = csv.estimatedRecordCount(in: csv.allRecords)
        participant.reserveCapacity(capacity)
        digest.reserveCapacity(capacity)
        line.reserveCapacity(capacity)
        var cells: [UInt8] = []
        var last = -1
        var log = DiagnosticLog(file: csv.name)
        var participants = self.participants
        var participant = self.participant, digest = self.digest, line = self.line
        csv.forEachRecord(&log) { record, _ in
            let index: Int
            if participantColumn < record.count {
                index = record.withValueBytes(participantColumn) { bytes in
                    if last >= 0, participants.equals(last, bytes) { return last }
                    return participants.insert(bytes: bytes).index
                }
            } else {
                index = participants.insert("").index
            }
            last = index
            cells.removeAll(keepingCapacity: true)
            for column in columnOrder {
                cells.append(contentsOf: names[column])
                cells.append(0x1F)
                if column < record.count { record.withValueBytes(column) { cells.append(contentsOf: $0) } }
                cells.append(0x1E)
            }
            participant.append(Int32(index))
            digest.append(RowDigests.digestPrefix(cells.withUnsafeBytes { SHA256.hash(data: $0) }))
            line.append(Int32(record.line))
        }
        (self.participants, self.participant, self.digest, self.line) = (participants, participant, digest, line)
    }

    /// The rows of each participant, in file order.
    /// - Complexity: O(*r*) (a counting sort).
    func byParticipant() -> [[Int]] {
        var rows = [[Int]](repeating: [], count: participants.count)
        for (row, owner) in participant.enumerated() { rows[Int(owner)].append(row) }
        return rows
    }
}
