import Foundation
import TrialAnalysis
import TrialData

/// What the data lock (`trial.lock`, SPEC.md §6) means for one render: the lock hash and time
/// the outputs carry, whether the data changed since the lock (then every page is watermarked),
/// and the warnings to show.
struct RenderLock: Sendable {
    /// The lock hash, or `nil` when the study folder is not locked.
    var hash: String?
    /// The lock time: the date inside every output when the folder is locked.
    var time: Date?
    /// Whether a file covered by the lock differs from it.
    var changedSinceLock: Bool
    /// What differs, as warnings (an unlocked render goes on, loudly).
    var warnings: [Diagnostic]

    /// Checks the study folder of `options` against its lock, with the plan and templates the
    /// render uses.
    /// - Throws: `TrialReportError` (`.invalidInput`, exit 65) when `options.requireLock` and the
    ///   folder is not locked or differs from its lock, naming every change; the lock's own
    ///   errors (an invalid `trial.lock`).
    /// - Complexity: O(total size of the locked files).
    static func check(_ options: RenderOptions) throws(TrialReportError) -> RenderLock {
        let planFile = StudyInput.planFile(for: options.dataDirectory, given: options.planFile)
        let lockFile = SourceLocation(file: options.dataDirectory.appendingPathComponent(TrialLock.fileName).path)
        let status = try LockStatus.check(dataDirectory: options.dataDirectory, planFile: planFile,
                                          templatesDirectory: options.templatesDirectory)
        switch status {
        case .notLocked:
            if options.requireLock {
                throw TrialReportError(.invalidInput, at: lockFile,
                                       "--locked: the study folder is not locked; lock it with `trialreport lock`")
            }
            return RenderLock(hash: nil, time: nil, changedSinceLock: false, warnings: [])
        case .matches(let summary):
            return RenderLock(hash: summary.lockHash, time: summary.lockedAt, changedSinceLock: false, warnings: [])
        case .changed(let changes, let summary):
            let differences = changes.flatMap { $0.diagnostics() }
            if options.requireLock {
                throw TrialReportError(.invalidInput, differences + [Diagnostic(
                    .error, at: lockFile, "--locked: the study folder does not match its lock (\(summary.description))")])
            }
            let warnings = differences.map { Diagnostic(.warning, at: $0.location, $0.message) } + [Diagnostic(
                .warning, at: lockFile,
                "\(ReportProvenance.changedWarning) (\(summary.description)): every report page is watermarked; see `trialreport verify`")]
            return RenderLock(hash: summary.lockHash, time: summary.lockedAt, changedSinceLock: true, warnings: warnings)
        }
    }
}
