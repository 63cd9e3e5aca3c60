import Foundation
import TrialAnalysis
import TrialData

/// What the data lock (`trial.lock`, SPEC.md §6) means for one render: the lock hash the
/// outputs carry, whether the data changed since the lock (then every page is watermarked),
/// and the warnings to show.
struct RenderLock: Sendable {
    /// The lock hash, or `nil` when the study folder is not locked.
    var hash: String?
    /// Whether a file covered by the lock differs from it.
    var changedSinceLock: Bool
    /// What differs, as warnings (an unlocked render goes on, loudly).
    var warnings: [Diagnostic]

    /// Checks what a render read against the study folder's lock: the SHA-256 of the input
    /// bytes it analysed, of the plan it parsed and of the templates it used — not the files as
    /// they are on disk now, which may have changed since they were read.
    /// - Parameters:
    ///   - lock: the study folder's lock, `nil` when it has none.
    ///   - study: the study as analysed.
    ///   - templates: the templates as parsed.
    ///   - options: the render's options (`requireLock`, the study folder).
    /// - Throws: `TrialReportError` (`.invalidInput`, exit 65) when `options.requireLock` and the
    ///   folder is not locked or what was read differs from its lock, naming every change.
    /// - Complexity: O(number of files²), plus a read of each changed input file to name its rows.
    static func check(_ lock: TrialLock?, study: AnalysedStudy, templates: ReportTemplates,
                      options: RenderOptions) throws(TrialReportError) -> RenderLock {
        let lockFile = SourceLocation(file: options.dataDirectory.appendingPathComponent(TrialLock.fileName).path)
        let analysed = LockedContents(
            inputs: study.results.inputs.map { LockedFile(path: $0.file, sha256: $0.sha256, byteCount: $0.bytes) },
            plan: study.planFile, templates: templates.lockedFiles)
        let status = try LockStatus.compare(analysed, with: lock, in: options.dataDirectory)
        switch status {
        case .notLocked:
            if options.requireLock {
                throw TrialReportError(.invalidInput, at: lockFile,
                                       "--locked: the study folder is not locked; lock it with `trialreport lock`")
            }
            return RenderLock(hash: nil, changedSinceLock: false, warnings: [])
        case .matches(let summary):
            return RenderLock(hash: summary.lockHash, changedSinceLock: false, warnings: [])
        case .changed(let changes, let summary):
            let differences = changes.flatMap { $0.diagnostics() }
            if options.requireLock {
                throw TrialReportError(.invalidInput, differences + [Diagnostic(
                    .error, at: lockFile, "--locked: the study folder does not match its lock (\(summary.description))")])
            }
            let warnings = differences.map { Diagnostic(.warning, at: $0.location, $0.message) } + [Diagnostic(
                .warning, at: lockFile,
                "\(ReportProvenance.changedWarning) (\(summary.description)): every report page is watermarked; see `trialreport verify`")]
            return RenderLock(hash: summary.lockHash, changedSinceLock: true, warnings: warnings)
        }
    }
}
