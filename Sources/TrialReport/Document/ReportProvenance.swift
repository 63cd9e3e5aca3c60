import Foundation

/// What the report says about where it came from, besides the results: the document date, the
/// data lock, the tool version, the plan as used and the validation warnings.
public struct ReportProvenance: Sendable, Equatable {
    /// The date printed in the report and stored in the PDF (see `ReportDate.resolve`).
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

    /// The lock hash, or `notLocked`; flagged when the data changed since the lock.
    public var lockStatus: String {
        guard let lockHash else { return Self.notLocked }
        return lockChanged ? lockHash + " (changed since lock)" : lockHash
    }

    /// What the title page, the page footers and the appendix say of a report of data not locked.
    public static let notLocked = "draft — data not locked"

    /// The words of the watermark and the warning when the data changed since the lock.
    public static let changedWarning = "DATA CHANGED SINCE LOCK"

    /// The watermark of every PDF page, or `nil`.
    public var watermark: String? { lockChanged ? Self.changedWarning : nil }
}
