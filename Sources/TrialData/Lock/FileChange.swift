/// A difference between a study folder and its lock: a file changed, added or missing, and
/// for a changed CSV file the rows that differ.
public struct FileChange: Sendable, Hashable {
    /// What happened to the file.
    public enum Kind: String, Sendable, Hashable {
        /// The file's contents differ from the locked ones (or, for the plan, another file is used).
        case changed
        /// The file is there now but was not when the folder was locked.
        case added
        /// The file was locked but is not there now.
        case missing
    }

    /// What the file is to the study.
    public enum Role: String, Sendable, Hashable {
        case input, plan, template
    }

    public var kind: Kind
    public var role: Role
    /// The file as locked (`nil` when added).
    public var locked: LockedFile?
    /// The file as it is now (`nil` when missing).
    public var current: LockedFile?
    /// For a changed input file, the rows that differ.
    public var rows: RowChanges?

    /// The file's path as recorded.
    public var path: String { (current ?? locked)?.path ?? "" }

    /// What `verify` prints and `render --locked` refuses with: one error for the file, then one
    /// per differing row, at most `rowLimit` of them, then the count of the rest.
    public func diagnostics(rowLimit: Int = 20) -> [Diagnostic] {
        let what = role == .input ? "" : "\(role.rawValue) "
        let describe = { (file: LockedFile) in "sha256 \(file.sha256) (\(file.byteCount) bytes)" }
        let location = SourceLocation(file: path)
        var message: String
        switch (kind, locked, current) {
        case (.changed, let locked?, let current?) where locked.path != current.path:
            message = "\(what)\(current.path) is used, but \(locked.path) was locked: \(describe(locked)) → \(describe(current))"
        case (.changed, let locked?, let current?):
            message = "\(what)changed since the lock: \(describe(locked)) → \(describe(current))"
        case (.added, _, let current?):
            message = "\(what)added since the lock (\(role == .plan ? "the built-in plan was locked" : "not locked")): \(describe(current))"
        case (.missing, let locked?, _):
            message = "\(what)missing; locked with \(describe(locked))"
        default:
            message = "\(what)differs from the lock"
        }
        return [Diagnostic(.error, at: location, message)] + (rows?.diagnostics(file: path, limit: rowLimit) ?? [])
    }
}

/// The rows of a changed CSV file that differ from the locked rows, by key.
public struct RowChanges: Sendable, Hashable {
    /// One differing row (or participant, for files recorded per participant).
    public struct Row: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// The key is in both, the contents differ.
            case changed
            /// The key is new.
            case added
            /// The key was locked and is gone.
            case missing
        }

        public var kind: Kind
        /// The key, e.g. `USUBJID=P001 PARAMCD=CPEPF AVISITN=12`.
        public var key: String
        /// The row's line in the file now (`nil` when missing).
        public var line: Int?
    }

    /// The differing rows: changed and added ones by line, then missing ones by key.
    public var rows: [Row]
    /// Whether the digests were recorded per participant rather than per row.
    public var isPerParticipant: Bool
    /// Why the rows could not be compared, when they could not (then `rows` is empty).
    public var unavailable: String?

    func diagnostics(file: String, limit: Int) -> [Diagnostic] {
        if let unavailable { return [Diagnostic(.warning, at: SourceLocation(file: file), "rows not compared: \(unavailable)")] }
        var list = rows.prefix(limit).map { row in
            let location = SourceLocation(file: file, line: row.line)
            let message = switch (row.kind, isPerParticipant) {
            case (.changed, false): "row \(row.key) differs from the locked one"
            case (.added, false): "row \(row.key) was not locked"
            case (.missing, false): "row \(row.key) was locked and is missing"
            case (.changed, true): "rows of participant \(row.key) differ from the locked ones"
            case (.added, true): "rows of participant \(row.key) were not locked"
            case (.missing, true): "rows of participant \(row.key) were locked and are missing"
            }
            return Diagnostic(.error, at: location, message)
        }
        if rows.count > limit {
            list.append(Diagnostic(.error, at: SourceLocation(file: file), "… and \(rows.count - limit) more differing \(isPerParticipant ? "participants" : "rows")"))
        }
        if rows.isEmpty {
            list.append(Diagnostic(.warning, at: SourceLocation(file: file), "every row is as locked; only the order or layout of the file changed"))
        }
        return list
    }

    /// The differences between `locked` and `current` digests of the same layout.
    static func between(_ locked: RowDigests, _ current: RowDigests) -> RowChanges {
        var present: [Row] = []
        for (key, digest) in current.digests {
            switch locked.digests[key] {
            case digest: continue
            case nil: present.append(Row(kind: .added, key: current.describe(key), line: current.lines[key]))
            default: present.append(Row(kind: .changed, key: current.describe(key), line: current.lines[key]))
            }
        }
        let missing = locked.digests.keys.filter { current.digests[$0] == nil }.map { Row(kind: .missing, key: locked.describe($0), line: nil) }
        present.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return RowChanges(rows: present + missing.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) },
                          isPerParticipant: locked.isGroupedByParticipant, unavailable: nil)
    }
}
