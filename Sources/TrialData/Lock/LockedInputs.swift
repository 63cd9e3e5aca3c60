import Foundation

/// A study folder's input files as a lock records them: each read once, its SHA-256 and (for
/// `lock`) its row digests computed from the same bytes, every file's hash and every part of its
/// rows (`RowDigestPart`) on whichever core is free; the rows are kept by the participants
/// validated (`KeyedRowDigests`). A file whose bytes validation kept (`ValidatedBytes`) and that
/// is still the file at its path is neither read nor hashed again, and when validation digested
/// its rows as it read them (`RowDigestSink`), not even looked at.
struct LockedInputs {
    /// The files present, in the order asked.
    var files: [LockedFile]
    /// The row digests of each file whose rows can be compared, in file order.
    var rowDigests: [RowDigests]
    /// The files whose validated bytes were used and that were written or replaced before their
    /// rows were all digested: what is recorded of them may not be what the folder holds.
    var changedMeanwhile: [String] = []

    /// Reads the files `names` of `dataDirectory` that exist.
    /// - Parameters:
    ///   - withRowDigests: whether to compute the row digests too.
    ///   - participants: the participants whose ids key the digests of every file; `nil`: each
    ///     part of a file keeps a table of its own ids, merged by looking them up.
    ///   - validated: the bytes validation read and hashed, used instead of the file when it is
    ///     still the file at its path (`FileContents.isCurrent`), with the validated SHA-256 and
    ///     the row digests validation computed as it read them, when it did (`RowDigestSink`).
    /// - Throws: `TrialReportError` when a file exists but cannot be read.
    /// - Complexity: O(total size of the files).
    static func read(_ dataDirectory: URL, names: [String], withRowDigests: Bool,
                     participants: StringTable? = nil, reusing validated: ValidatedBytes? = nil) throws(TrialReportError) -> LockedInputs {
        var found: [(name: String, bytes: FileContents, sha256: String?)] = []
        for name in names {
            let url = dataDirectory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            if let kept = validated?.file(named: name), kept.contents.isCurrent(at: url) {
                found.append((name, kept.contents, kept.input.sha256))
            } else {
                found.append((name, try FileContents.reading(url, name: name), nil))
            }
        }
        let present = found
        let known = participants ?? StringTable()
        enum Task: Sendable {
            case hash(Int)
            case rows(Int, RowDigestPart)
            /// The digests validation computed as it read the file: only put in one table.
            case digested(Int, runs: [RowDigestRuns], known: StringTable)
        }
        enum Outcome: Sendable {
            case hash(String)
            case rows(Result<KeyedRowDigests, RowDigestProblem>)
        }
        // The largest files first, so that the cores finish together (a part keeps arrays the size
        // of the participant table: four parts per file instead of two held 90 MB more at
        // 1,000,000 participants, beyond the memory budget, for 0.07 s).
        var tasks: [Task] = []
        for index in present.indices.sorted(by: { present[$0].bytes.count > present[$1].bytes.count }) {
            if present[index].sha256 == nil { tasks.append(.hash(index)) }
            guard withRowDigests else { continue }
            if present[index].sha256 != nil, let digested = validated?.rowDigestRuns(of: present[index].name) {
                tasks.append(.digested(index, runs: digested.runs, known: digested.known))
            } else if case .success(let parts) = RowDigestPart.parts(of: present[index].bytes, file: present[index].name,
                                                              keyColumn: RowDigests.participantColumn, count: 2) {
                tasks += parts.map { .rows(index, $0) }
            }
        }
        let outcomes = ParallelWork.map(tasks) { task -> Outcome in
            switch task {
            case .hash(let index): .hash(Checksum.sha256(present[index].bytes))
            case .rows(_, let part): .rows(part.digests(keyedBy: known))
            case .digested(let index, let runs, let known):
                .rows(.success(KeyedRowDigests(file: present[index].name, keyColumn: RowDigests.participantColumn, known: known, runs: runs)))
            }
        }
        var hashes = present.map { $0.sha256 ?? "" }
        var parts = [[KeyedRowDigests]?](repeating: [], count: present.count)
        for (task, outcome) in zip(tasks, outcomes) {
            switch (task, outcome) {
            case (.hash(let index), .hash(let hash)): hashes[index] = hash
            case (.rows(let index, _), .rows(.success(let table))), (.digested(let index, _, _), .rows(.success(let table))):
                parts[index]?.append(table)
            case (.rows(let index, _), .rows(.failure)): parts[index] = nil
            default: break
            }
        }
        let files = present.indices.map { LockedFile(path: present[$0].name, sha256: hashes[$0], byteCount: present[$0].bytes.count) }
        // Each file's parts merged on whichever core is free (a file's merge is on one).
        let rowDigests = ParallelWork.map(parts) { $0.flatMap { $0.isEmpty ? nil : KeyedRowDigests.merged($0) } }.compactMap { $0 }
        let changedMeanwhile = present.filter { $0.sha256 != nil && !$0.bytes.isCurrent(at: dataDirectory.appendingPathComponent($0.name)) }
        return LockedInputs(files: files, rowDigests: rowDigests, changedMeanwhile: changedMeanwhile.map(\.name))
    }
}
