/// A difference between a study folder and its lock: a file changed, added or missing, and
/// for a changed input file the participants whose rows differ.
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
    /// For a changed input file, the participants whose rows differ.
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

/// The participants whose rows in a changed input file differ from the locked ones.
public struct RowChanges: Sendable, Hashable {
    /// One participant whose rows differ.
    public struct Row: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// The participant has rows in both, and they differ.
            case changed
            /// The participant's rows are new.
            case added
            /// The participant had rows when locked, and has none now.
            case missing
        }

        public var kind: Kind
        /// The participant, e.g. `USUBJID=P001`.
        public var key: String
        /// The participant's first row in the file now (for a transport file its 80-byte
        /// record; `nil` when missing).
        public var line: Int?
        /// The participant's number of rows when locked (0 when added).
        public var lockedRows: Int
        /// The participant's number of rows now (0 when missing).
        public var currentRows: Int
    }

    /// The differing participants: changed and added ones in file order, then missing ones in
    /// their locked order.
    public var rows: [Row]
    /// Why the rows could not be compared, when they could not (then `rows` is empty).
    public var unavailable: String?

    func diagnostics(file: String, limit: Int) -> [Diagnostic] {
        if let unavailable { return [Diagnostic(.warning, at: SourceLocation(file: file), "rows not compared: \(unavailable)")] }
        var list = rows.prefix(limit).map { row in
            let location = SourceLocation(file: file, line: row.line)
            let message = switch row.kind {
            case .changed where row.lockedRows == row.currentRows:
                "rows of participant \(row.key) differ from the locked ones (\(Self.count(row.currentRows)))"
            case .changed:
                "rows of participant \(row.key) differ from the locked ones (\(Self.count(row.lockedRows)) locked, \(row.currentRows) now)"
            case .added: "rows of participant \(row.key) were not locked (\(Self.count(row.currentRows)))"
            case .missing: "rows of participant \(row.key) were locked and are missing (\(Self.count(row.lockedRows)))"
            }
            return Diagnostic(.error, at: location, message)
        }
        if rows.count > limit {
            list.append(Diagnostic(.error, at: SourceLocation(file: file), "… and \(rows.count - limit) more participants whose rows differ"))
        }
        if rows.isEmpty {
            list.append(Diagnostic(.warning, at: SourceLocation(file: file), "every row is as locked; only the order or layout of the file changed"))
        }
        return list
    }

    private static func count(_ rows: Int) -> String { rows == 1 ? "1 row" : "\(rows) rows" }

    /// The differences between `locked` and `current` digests of the same file.
    /// - Complexity: O(size of the ids).
    static func between(_ locked: RowDigests, _ current: RowDigests) -> RowChanges {
        let describe = { (table: RowDigests, participant: Int) in "\(table.keyColumn)=\(table.participants[participant])" }
        var present: [Row] = []
        var seen = [Bool](repeating: false, count: locked.participants.count)
        for participant in 0..<current.participants.count {
            let rows = Int(current.rowCounts[participant])
            let line = current.lines.isEmpty ? nil : Int(current.lines[participant])
            guard let index = current.participants.withBytes(participant, { locked.participants.index(ofBytes: $0) }) else {
                present.append(Row(kind: .added, key: describe(current, participant), line: line, lockedRows: 0, currentRows: rows))
                continue
            }
            seen[index] = true
            guard locked.digests[index] != current.digests[participant] || Int(locked.rowCounts[index]) != rows else { continue }
            present.append(Row(kind: .changed, key: describe(current, participant), line: line,
                               lockedRows: Int(locked.rowCounts[index]), currentRows: rows))
        }
        let missing = seen.indices.filter { !seen[$0] }.map {
            Row(kind: .missing, key: describe(locked, $0), line: nil, lockedRows: Int(locked.rowCounts[$0]), currentRows: 0)
        }
        return RowChanges(rows: present + missing, unavailable: nil)
    }
}
