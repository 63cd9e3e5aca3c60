import Foundation

/// A study folder's input files as a lock records them: each read once, its SHA-256 and (for
/// `lock`) its row digests computed from the same bytes, every file's hash and every part of its
/// rows (`RowDigestPart`) on whichever core is free; the rows are kept by the participants
/// validated or, without them, by the first file's (`KeyedRowDigests`).
struct LockedInputs {
    /// The files present, in the order asked.
    var files: [LockedFile]
    /// The row digests of each file whose rows can be compared, in file order.
    var rowDigests: [RowDigests]

    /// Reads the files `names` of `dataDirectory` that exist.
    /// - Parameters:
    ///   - withRowDigests: whether to compute the row digests too.
    ///   - participants: the participants whose ids key the digests of every file; `nil`: the
    ///     first file's, read whole first, beside the files' hashes.
    /// - Throws: `TrialReportError` when a file exists but cannot be read.
    /// - Complexity: O(total size of the files).
    static func read(_ dataDirectory: URL, names: [String], withRowDigests: Bool,
                     participants: StringTable? = nil) throws(TrialReportError) -> LockedInputs {
        var found: [(name: String, bytes: FileContents)] = []
        for name in names {
            let url = dataDirectory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            found.append((name, try FileContents.reading(url, name: name)))
        }
        let present = found
        // Without the participants, the first file (the subject-level one) is read whole first and
        // its participants key the other files' parts.
        let keysFirst = participants == nil
        let parts = present.indices.map { index in
            withRowDigests ? try? RowDigestPart.parts(of: present[index].bytes, file: present[index].name, keyColumn: RowDigests.participantColumn,
                                                      count: keysFirst && index == 0 ? 1 : 2).get() : nil
        }
        enum Task: Sendable {
            case hash(Int)
            case firstRows(RowDigestPart)
        }
        enum Outcome: Sendable {
            case hash(String)
            case rows(Result<RowDigests, RowDigestProblem>)
        }
        // The largest files first, so that the cores finish together.
        let bySize = present.indices.sorted(by: { present[$0].bytes.count > present[$1].bytes.count })
        var tasks = bySize.map(Task.hash)
        if keysFirst, let first = parts.first, let first { tasks.insert(contentsOf: first.map(Task.firstRows), at: 0) }
        let outcomes = ParallelWork.map(tasks) { task -> Outcome in
            switch task {
            case .hash(let index): .hash(Checksum.sha256(present[index].bytes))
            case .firstRows(let part): .rows(part.digests())
            }
        }
        var hashes = [String](repeating: "", count: present.count)
        var firstRows: RowDigests?
        for (task, outcome) in zip(tasks, outcomes) {
            switch (task, outcome) {
            case (.hash(let index), .hash(let hash)): hashes[index] = hash
            case (.firstRows, .rows(let result)): firstRows = try? result.get()
            default: break
            }
        }
        let known = participants ?? firstRows?.participants ?? StringTable()
        let keyedParts = bySize.filter { !keysFirst || $0 > 0 }.flatMap { index in (parts[index] ?? []).map { (index, $0) } }
        let keyedDigests = ParallelWork.map(keyedParts) { $0.1.digests(keyedBy: known) }
        var keyed = [[KeyedRowDigests]?](repeating: [], count: present.count)
        for ((index, _), result) in zip(keyedParts, keyedDigests) {
            switch result {
            case .success(let table): keyed[index]?.append(table)
            case .failure: keyed[index] = nil
            }
        }
        let files = present.indices.map { LockedFile(path: present[$0].name, sha256: hashes[$0], byteCount: present[$0].bytes.count) }
        let rowDigests = [firstRows].compactMap { $0 }
            + keyed.compactMap { $0.flatMap { $0.isEmpty ? nil : KeyedRowDigests.merged($0) } }
        return LockedInputs(files: files, rowDigests: rowDigests)
    }
}
