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
    /// - Complexity: O(size of the file + *r* log *r*) for *r* rows.
    static func compute(_ bytes: FileContents, file: String, like layout: RowDigests? = nil) -> Result<RowDigests, RowDigestProblem> {
        let csv = CSVFile(name: file, contents: bytes)
        let defaultKey = keyColumns[file] ?? []
        let key = layout?.keyColumns ?? defaultKey.enumerated().filter { $0.offset == 0 || csv.header.contains($0.element) }.map(\.element)
        if let missing = key.first(where: { !csv.header.contains($0) }) {
            return .failure(RowDigestProblem(message: "its rows cannot be compared: column \(missing) is missing"))
        }
        let keyIndices = key.map { csv.header.firstIndex(of: $0)! }
        let columnOrder = csv.header.indices.sorted { csv.header[$0].utf8.lexicographicallyPrecedes(csv.header[$1].utf8) }
        let names = csv.header.map { Array($0.utf8) }
        var rows: [(key: Key, digest: String, line: Int)] = []
        var seen: [[String]: Int] = [:]
        var log = DiagnosticLog(file: file)
        csv.forEachRecord(&log) { record, _ in
            let values = keyIndices.map { index in index < record.count ? record.text(index) : "" }
            let occurrence = (seen[values] ?? 0) + 1
            seen[values] = occurrence
            var hasher = SHA256()
            for column in columnOrder {
                hasher.update(data: names[column])
                hasher.update(data: [0x1F])
                if column < record.count { record.withValueBytes(column) { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) } }
                hasher.update(data: [0x1E])
            }
            rows.append((Key(values: values, occurrence: occurrence), shortHex(Array(hasher.finalize())), record.line))
        }
        guard layout?.isGroupedByParticipant ?? (rows.count > rowLimit) else {
            return .success(RowDigests(file: file, keyColumns: key, isGroupedByParticipant: false,
                                       digests: Dictionary(rows.map { ($0.key, $0.digest) }) { first, _ in first },
                                       lines: Dictionary(rows.map { ($0.key, $0.line) }) { first, _ in first }))
        }
        var byParticipant: [Key: (digests: [String], line: Int)] = [:]
        for row in rows {
            byParticipant[Key(values: [row.key.values[0]], occurrence: 1), default: ([], row.line)].digests.append(row.digest)
        }
        return .success(RowDigests(
            file: file, keyColumns: [key[0]], isGroupedByParticipant: true,
            digests: byParticipant.mapValues { shortHex(Array(SHA256.hash(data: Array($0.digests.sorted().joined().utf8)))) },
            lines: byParticipant.mapValues(\.line)))
    }

    /// The first 6 bytes of `digest` as 12 lowercase hexadecimal digits.
    private static func shortHex(_ digest: [UInt8]) -> String {
        Checksum.hex(digest.prefix(6))
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
