import ArgumentParser
import CTCMalloc
import Foundation
import TrialAnalysis
import TrialData

/// `trialreport lock`: records the study folder's files in `trial.lock`.
struct LockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Lock a study folder: record its files, plan and templates in DIR/trial.lock.",
        discussion: """
            Validates the study first (a study that does not validate cannot be locked), then writes \
            DIR/trial.lock (when, who, why, tool version, SHA-256 and size of every input file, the \
            plan and every template, and the lock hash) and DIR/trial.lock.rows (a digest of each \
            participant's rows in every input file, so that verify can name the participants whose rows changed). A locked folder is not locked again \
            without --force; the earlier lock is then kept in the file's history. With --sign KEY \
            the lock is signed (Ed25519) into DIR/trial.lock.sig, which verify --key checks.
            """
    )

    @OptionGroup var study: StudyOptions
    @OptionGroup var templates: TemplatesOption

    @Option(help: "Who locks the data (default: $USER, else \"unknown\").", transform: nonEmpty)
    var by: String?

    @Option(help: "Why the data are locked, e.g. \"database lock after final data review\".", transform: nonEmpty)
    var note: String?

    @Option(help: "The lock time, ISO 8601 with a time zone (default: now), e.g. 2025-06-30T12:00:00Z.",
            transform: nonEmpty)
    var at: String?

    @Flag(help: "Lock again a folder that is already locked, keeping the earlier lock in the history.")
    var force = false

    @Option(name: .customLong("sign"), help: ArgumentHelp("Sign the lock with this Ed25519 private key (PEM), into DIR/trial.lock.sig.",
                                                          valueName: "key"), transform: nonEmpty)
    var signingKey: String?

    func validate() throws {
        if let at, LockTime.date(at) == nil {
            throw ValidationError("--at \"\(at)\" is not an ISO 8601 time with a time zone, e.g. 2025-06-30T12:00:00Z.")
        }
    }

    func run() throws {
        try runReportingFailures {
            let directory = study.studyDirectory
            var key: LockSignature.SigningKey?
            if let signingKey { key = try LockSignature.privateKey(at: URL(fileURLWithPath: signingKey)) }
            let plan = try StudyInput.planFile(for: directory, given: study.planFile.map(URL.init(fileURLWithPath:)),
                                               lock: try TrialLock.read(in: directory))
            let input = try StudyInput.load(from: directory, resolvedPlan: plan, keepingBytes: true)
            report(input.data.warnings)
            // The lock needs only these of the validation — the files' bytes it digests among
            // them: its tables go, and their memory back to the kernel, before the rows are digested.
            let (validated, validatedPlan, participants, bytes) = (input.data.inputs, input.planFile, input.data.participants.ids,
                                                                   input.data.validatedBytes)
            _ = consume input
            MallocExtension_ReleaseFreeMemory()
            let lock = try TrialLock.write(
                dataDirectory: directory, planFile: plan,
                templatesDirectory: try templates.directory(), lockedAt: at.flatMap(LockTime.date) ?? Date(),
                lockedBy: by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown", note: note,
                replacing: force, validated: validated, validatedPlan: validatedPlan, participants: participants,
                validatedBytes: consume bytes)
            if let key { try LockSignature.sign(lockIn: directory, with: key) }
            let contents = lock.contents
            printToStandardOutput("locked \(directory.path): \(contents.inputs.count) input files, "
                + (contents.plan.map { "plan \($0.path)" } ?? "built-in plan") + ", \(contents.templates.count) templates; "
                + "\(lock.summary.description)" + (key == nil ? "" : "; signed in \(LockSignature.fileName)"))
        }
    }
}

/// `--templates DIR`: the report templates a lock covers.
struct TemplatesOption: ParsableArguments {
    @Option(name: .customLong("templates"), help: "The report templates folder (default: the templates installed with trialreport).",
            transform: nonEmpty)
    var templatesDirectory: String?

    /// `--templates` (which must exist), else the templates installed with the executable
    /// (`BundledTemplates`), else `nil`.
    /// - Throws: `TrialReportError` of kind `.missingInput` when the folder given does not exist.
    func directory() throws(TrialReportError) -> URL? {
        guard let templatesDirectory else { return BundledTemplates.directory }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: templatesDirectory), "the templates folder does not exist")
        }
        return URL(fileURLWithPath: templatesDirectory)
    }

    /// Like `directory()`, for commands that cannot work without templates.
    /// - Throws: `TrialReportError` of kind `.missingInput` when there is no templates folder.
    func requiredDirectory() throws(TrialReportError) -> URL {
        guard let directory = try directory() else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: BundledFolder.locate(BundledTemplates.relativePath).path),
                                   "no templates folder installed with \(BundledFolder.executable.path); "
                                   + "give one with --templates DIR, or install trialreport with `make install`")
        }
        return directory
    }
}
