import Foundation

/// `trial.lock`: the record of a data lock — when, by whom and why a study folder was locked,
/// with which tool version, and the SHA-256 and size of every input file, the plan and every
/// template. Earlier locks of the same folder (replaced with `--force`) are kept in `history`.
///
/// The file is canonical JSON (see `JSONValue.canonicalText`; keys in the fixed order below),
/// so the same lock gives the same bytes:
///
/// ```json
/// {
///   "format": "trialreport lock",
///   "formatVersion": 1,
///   "lockHash": "…",
///   "lockedAt": "2025-06-30T12:00:00Z",
///   "lockedBy": "jdoe",
///   "note": "database lock after final data review",
///   "toolVersion": "0.1.0",
///   "inputs": [{"path": "adsl.csv", "sha256": "…", "bytes": 2745}, …],
///   "plan": {"path": "study.yaml", "sha256": "…", "bytes": 1410},
///   "templates": [{"path": "report.md.mustache", "sha256": "…", "bytes": 5120}, …],
///   "rowDigests": {"path": "trial.lock.rows", "sha256": "…", "bytes": 41233},
///   "history": []
/// }
/// ```
/// `plan` is the text `"built-in"` when the built-in plan was used; `note` is `null` when none
/// was given; entries of `history` have every key but `history`, oldest first.
public struct TrialLock: Sendable, Hashable {
    /// `trial.lock`.
    public static let fileName = "trial.lock"
    /// The value of `format`.
    static let format = "trialreport lock"
    /// The value of `formatVersion` this version writes and reads.
    static let formatVersion = 1

    /// When the folder was locked (whole seconds, UTC).
    public var lockedAt: Date
    /// Who locked it.
    public var lockedBy: String
    /// Why, if said.
    public var note: String?
    /// `TrialReportVersion.current` of the tool that locked it.
    public var toolVersion: String
    /// The files locked.
    public var contents: LockedContents
    /// `trial.lock.rows` as written with this lock, or `nil` when it has none.
    public var rowDigests: LockedFile?
    /// Earlier locks of the folder, oldest first (their own `history` empty).
    public var history: [TrialLock]

    /// A lock record.
    public init(lockedAt: Date, lockedBy: String, note: String?, toolVersion: String = TrialReportVersion.current,
                contents: LockedContents, rowDigests: LockedFile?, history: [TrialLock] = []) {
        self.lockedAt = lockedAt
        self.lockedBy = lockedBy
        self.note = note
        self.toolVersion = toolVersion
        self.contents = contents
        self.rowDigests = rowDigests
        self.history = history
    }

    /// The SHA-256 of the canonical listing of the locked files (`LockedContents.listing`).
    public var lockHash: String { contents.lockHash }

    /// What reports and messages say about the lock.
    public var summary: LockSummary {
        LockSummary(lockedAt: lockedAt, lockedBy: lockedBy, note: note, toolVersion: toolVersion, lockHash: lockHash)
    }
}

/// A lock in brief: what a report shows and `verify` prints.
public struct LockSummary: Sendable, Hashable {
    /// When the folder was locked; reports take their date from it.
    public var lockedAt: Date
    /// Who locked it.
    public var lockedBy: String
    /// Why, if said.
    public var note: String?
    /// The version of the tool that locked it.
    public var toolVersion: String
    /// The lock hash shown on every report page.
    public var lockHash: String

    /// `locked 2025-06-30T12:00:00Z by jdoe, hash 3f2a…` (the hash in full).
    public var description: String {
        "locked \(LockTime.text(lockedAt)) by \(lockedBy), hash \(lockHash)"
    }
}

/// Lock times as text: ISO 8601, UTC, whole seconds (`2025-06-30T12:00:00Z`).
public enum LockTime {
    /// `date` as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func text(_ date: Date) -> String {
        formatter(fractionalSeconds: false).string(from: date)
    }

    /// The time written `text` in ISO 8601 with a time zone (`Z` or `±HH:MM`, fractional
    /// seconds allowed), rounded down to whole seconds; `nil` when it is not such a time.
    public static func date(_ text: String) -> Date? {
        guard let date = formatter(fractionalSeconds: false).date(from: text) ?? formatter(fractionalSeconds: true).date(from: text)
        else { return nil }
        return Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private static func formatter(fractionalSeconds: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = fractionalSeconds ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }
}
