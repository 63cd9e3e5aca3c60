import ArgumentParser
import Foundation
import TrialAnalysis
import TrialData

/// `trialreport verify`: checks a study folder against its `trial.lock`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a study folder against its trial.lock.",
        discussion: """
            Prints `ok: DIR matches trial.lock (locked AT by WHO, hash H)` and exits 0, or lists every \
            changed, added or missing input file, plan and template with the locked and current \
            SHA-256, and for a changed input file the participants whose rows differ (at most 20 per file), \
            and exits 65. Exits 66 when the folder has no trial.lock. The plan checked is the one \
            render uses: --spec, else the plan file recorded in the lock when present, else \
            DIR/study.yaml when present, else the built-in plan. With --key PUB, a lock that this \
            key did not sign (DIR/trial.lock.sig, written by lock --sign) exits 65.
            """
    )

    @OptionGroup var study: StudyOptions
    @OptionGroup var templates: TemplatesOption
    @OptionGroup var signature: LockKeyOption

    func run() throws {
        try runReportingFailures {
            let directory = study.studyDirectory
            guard let lock = try TrialLock.read(in: directory, verifyingSignatureWith: try signature.key()) else {
                throw TrialReportError(.missingInput, at: SourceLocation(file: directory.appendingPathComponent(TrialLock.fileName).path),
                                       "the study folder is not locked; lock it with `trialreport lock`")
            }
            let plan = try StudyInput.planFile(for: directory, given: study.planFile.map(URL.init(fileURLWithPath:)), lock: lock)
            let status = try LockStatus.check(dataDirectory: directory, planFile: plan, templatesDirectory: try templates.directory())
            switch status {
            case .notLocked, .matches:
                printToStandardOutput("ok: \(directory.path) matches \(TrialLock.fileName) (\(lock.summary.description))")
            case .changed(let changes, let summary):
                let counts = Dictionary(grouping: changes, by: \.kind).mapValues(\.count)
                let total = "\(counts[.changed] ?? 0) changed, \(counts[.added] ?? 0) added, \(counts[.missing] ?? 0) missing"
                throw TrialReportError(.invalidInput, changes.flatMap { $0.diagnostics() } + [
                    Diagnostic(.error, at: SourceLocation(file: directory.path),
                               "does not match \(TrialLock.fileName) (\(summary.description)): \(total)"),
                ])
            }
        }
    }
}
