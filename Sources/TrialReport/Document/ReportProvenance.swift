import Foundation

/// What the report says about where it came from, besides the results: the document date, the
/// data lock, the tool version, the plan as used and the validation warnings.
public struct ReportProvenance: Sendable, Equatable {
    /// The date printed in the report and stored in the PDF (never the clock; see `ReportDate`).
    public var date: ReportDate
    /// The SHA-256 of `trial.lock`, or `nil` when the data are not locked.
    public var lockHash: String?
    /// Whether files covered by the lock changed since it was made (the report is watermarked).
    public var lockChanged: Bool
    /// The tool's version, e.g. "0.1.0".
    public var toolVersion: String
    /// The analysis plan as used, in canonical YAML (`AnalysisPlan.canonicalYAML`).
    public var planYAML: String
    /// Where the plan came from: "study.yaml" or "built-in plan".
    public var planSource: String
    /// Warnings of the validation, one line each (`warning: FILE:LINE: message`).
    public var warnings: [String]

    /// A provenance record.
    public init(date: ReportDate, lockHash: String?, lockChanged: Bool = false, toolVersion: String, planYAML: String,
                planSource: String, warnings: [String]) {
        self.date = date
        self.lockHash = lockHash
        self.lockChanged = lockChanged
        self.toolVersion = toolVersion
        self.planYAML = planYAML
        self.planSource = planSource
        self.warnings = warnings
    }

    /// The lock hash, or "not locked"; flagged when the data changed since the lock.
    public var lockStatus: String {
        guard let lockHash else { return "not locked" }
        return lockChanged ? lockHash + " (changed since lock)" : lockHash
    }

    /// The words of the watermark and the warning when the data changed since the lock.
    public static let changedWarning = "DATA CHANGED SINCE LOCK"

    /// The watermark of every PDF page, or `nil`.
    public var watermark: String? { lockChanged ? Self.changedWarning : nil }
}

/// The one date inside every output: the data lock time when there is one, else
/// `SOURCE_DATE_EPOCH`, else 2000-01-01T00:00:00Z — never the clock, so renders are reproducible.
public struct ReportDate: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64

    /// The fixed date used when neither a lock time nor `SOURCE_DATE_EPOCH` is given.
    public static let fixed = ReportDate(secondsSince1970: 946_684_800)

    /// A date from seconds since 1970.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The lock time if given, else `SOURCE_DATE_EPOCH` from `environment` when it is a
    /// non-negative integer, else `fixed`.
    public static func resolve(lockTime: Date?, environment: [String: String]) -> ReportDate {
        if let lockTime { return ReportDate(secondsSince1970: Int64(lockTime.timeIntervalSince1970.rounded(.down))) }
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text), seconds >= 0 {
            return ReportDate(secondsSince1970: seconds)
        }
        return fixed
    }

    /// "2000-01-01".
    public var day: String { String(timestamp.prefix(10)) }

    /// "2000-01-01T00:00:00" (UTC), the form Cairo's PDF metadata takes.
    public var timestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }
}
