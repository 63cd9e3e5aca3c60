import Foundation

/// How a study folder stands against its `trial.lock`: what `verify` reports and what
/// `render --locked` (refuse on change) and an unlocked render (warn, watermark) decide on.
public enum LockStatus: Sendable, Hashable {
    /// The folder has no `trial.lock`.
    case notLocked
    /// Every locked file is as locked, and nothing was added.
    case matches(LockSummary)
    /// These files differ from the lock (in the order inputs, plan, templates).
    case changed([FileChange], LockSummary)

    /// The lock, when there is one.
    public var summary: LockSummary? {
        switch self {
        case .notLocked: nil
        case .matches(let summary), .changed(_, let summary): summary
        }
    }

    /// Checks a study folder against its lock.
    ///
    /// - Parameters:
    ///   - dataDirectory: the study folder.
    ///   - planFile: the plan file that is (to be) used, `nil` for the built-in plan. A file that
    ///     does not exist counts as missing.
    ///   - templatesDirectory: the templates folder that is (to be) used, `nil` for none.
    /// - Returns: `.notLocked`, `.matches`, or `.changed` with every difference; for a changed
    ///   input file with the participants whose rows differ (from `trial.lock.rows`).
    /// - Throws: `TrialReportError` of kind `.invalidInput` when `trial.lock` is not a valid
    ///   lock; `.other` when a file cannot be read.
    /// - Complexity: O(total size of the files), plus O(*r* log *r*) for the *r* rows of changed files.
    public static func check(dataDirectory: URL, planFile: URL?, templatesDirectory: URL?) throws(TrialReportError) -> LockStatus {
        guard let lock = try TrialLock.read(in: dataDirectory) else { return .notLocked }
        let existingPlan = planFile.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        // The files the lock recorded, and any seed-study file that has appeared since.
        let recorded = lock.contents.inputs.map(\.path)
        let inputNames = recorded + LockedContents.seedInputNames.filter { !recorded.contains($0) }
        let current = try LockedContents.current(dataDirectory: dataDirectory, planFile: existingPlan,
                                                 templatesDirectory: templatesDirectory, inputNames: inputNames)
        return try compare(current, with: lock, in: dataDirectory)
    }

    /// Compares files already read — for a render, the bytes it analysed, the plan it parsed and
    /// the templates it used — with a lock.
    ///
    /// - Parameters:
    ///   - current: the files as read.
    ///   - lock: the study folder's lock, `nil` when it has none.
    ///   - dataDirectory: the study folder, where the rows of a changed input file are read again
    ///     to name them (only for the message).
    /// - Returns: as `check(dataDirectory:planFile:templatesDirectory:)`.
    /// - Throws: `TrialReportError` (`.other`) when a changed file cannot be read again.
    /// - Complexity: O(*f*²) in the number of files, plus O(size + *r* log *r*) for each changed input file.
    public static func compare(_ current: LockedContents, with lock: TrialLock?, in dataDirectory: URL) throws(TrialReportError) -> LockStatus {
        guard let lock else { return .notLocked }
        var changes = differences(lock.contents.inputs, current.inputs, role: .input)
        if lock.contents.plan != current.plan {
            let kind: FileChange.Kind = lock.contents.plan == nil ? .added : current.plan == nil ? .missing : .changed
            changes.append(FileChange(kind: kind, role: .plan, locked: lock.contents.plan, current: current.plan))
        }
        changes += differences(lock.contents.templates, current.templates, role: .template)
        guard !changes.isEmpty else { return .matches(lock.summary) }

        let recordedRows = rowDigests(of: lock, in: dataDirectory)
        for index in changes.indices where changes[index].role == .input && changes[index].kind == .changed {
            let path = changes[index].path
            let bytes = try FileContents.reading(dataDirectory.appendingPathComponent(path), name: path)
            changes[index].rows = rowChanges(of: bytes, file: path, recorded: recordedRows)
        }
        return .changed(changes, lock.summary)
    }

    /// Files of `locked` changed or missing in `current`, then those of `current` added.
    private static func differences(_ locked: [LockedFile], _ current: [LockedFile], role: FileChange.Role) -> [FileChange] {
        var changes: [FileChange] = []
        for file in locked {
            if let now = current.first(where: { $0.path == file.path }) {
                if now != file { changes.append(FileChange(kind: .changed, role: role, locked: file, current: now)) }
            } else {
                changes.append(FileChange(kind: .missing, role: role, locked: file, current: nil))
            }
        }
        for file in current where !locked.contains(where: { $0.path == file.path }) {
            changes.append(FileChange(kind: .added, role: role, locked: nil, current: file))
        }
        return changes
    }

    /// The recorded row digests by file, or why there are none.
    private static func rowDigests(of lock: TrialLock, in directory: URL) -> Result<[String: RowDigests], RowDigestProblem> {
        guard let recorded = lock.rowDigests else { return .failure(RowDigestProblem(message: "the lock has no row digests")) }
        let url = directory.appendingPathComponent(recorded.path)
        guard let bytes = try? FileContents.reading(url, name: recorded.path) else {
            return .failure(RowDigestProblem(message: "\(recorded.path) is missing"))
        }
        let notWritten = RowDigestProblem(message: "\(recorded.path) is not the one written with the lock")
        guard Checksum.sha256(bytes) == recorded.sha256 else { return .failure(notWritten) }
        switch bytes.withBytes(RowDigestFile.contents(of:)) {
        case .tables(let tables): return .success(tables)
        case .invalid: return .failure(notWritten)
        case .earlierFormat:
            return .failure(RowDigestProblem(message: "\(recorded.path) was written by an earlier TrialReport version, "
                                             + "whose row digests this one does not compare; lock again (--force) to compare rows"))
        }
    }

    private static func rowChanges(of bytes: FileContents, file: String,
                                   recorded: Result<[String: RowDigests], RowDigestProblem>) -> RowChanges {
        let unavailable = { (message: String) in RowChanges(rows: [], unavailable: message) }
        switch recorded {
        case .failure(let problem): return unavailable(problem.message)
        case .success(let tables):
            guard let locked = tables[file] else { return unavailable("no row digests were recorded for it") }
            switch RowDigests.compute(bytes, file: file, keyColumn: locked.keyColumn) {
            case .failure(let problem): return unavailable(problem.message)
            case .success(let current): return RowChanges.between(locked, current)
            }
        }
    }
}
