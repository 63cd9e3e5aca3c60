import Foundation
import TrialData

/// A study ready to analyse: its analysis plan and its data, read and checked together.
public struct StudyInput: Sendable {
    /// The plan, with where each value was written.
    public var plan: LoadedPlan
    /// The data, validated against the plan's expectations.
    public var data: StudyData
    /// The plan file as read — its path as a lock records it, and the SHA-256 and size of the
    /// bytes parsed — or `nil` for the built-in plan.
    public var planFile: LockedFile?

    /// A plan and its data.
    public init(plan: LoadedPlan, data: StudyData, planFile: LockedFile? = nil) {
        self.plan = plan
        self.data = data
        self.planFile = planFile
    }

    /// The plan file a study uses — the one rule of every command: `planFile` (`--spec`) when
    /// given; else the plan file `lock` recorded, when it exists; else `directory/study.yaml` when
    /// it exists; else `nil` (the built-in plan).
    /// - Throws: `TrialReportError` (`.invalidInput`, at `trial.lock`) when the plan the lock
    ///   names leads outside the study folder through a symbolic link.
    public static func planFile(for directory: URL, given planFile: URL?, lock: TrialLock?) throws(TrialReportError) -> URL? {
        if let planFile { return planFile }
        if let locked = lock?.planFile(in: directory), FileManager.default.fileExists(atPath: locked.path) {
            guard LockedContents.isInside(locked, directory) else {
                throw TrialReportError(.invalidInput, at: SourceLocation(file: directory.appendingPathComponent(TrialLock.fileName).path),
                                       "the plan the lock names (\(locked.lastPathComponent)) leads outside the study folder")
            }
            return locked
        }
        let inFolder = directory.appendingPathComponent("study.yaml")
        return FileManager.default.fileExists(atPath: inFolder.path) ? inFolder : nil
    }

    /// Reads a study with the plan `planFile(for:given:lock:)` picks, with the folder's own
    /// lock; see `load(from:resolvedPlan:)`.
    /// - Throws: as `load(from:resolvedPlan:)`, and `.invalidInput` for an invalid `trial.lock`.
    public static func load(from directory: URL, planFile: URL? = nil, recordingInputs: Bool = true) throws(TrialReportError) -> StudyInput {
        let lock = try TrialLock.read(in: directory)
        return try load(from: directory, resolvedPlan: try Self.planFile(for: directory, given: planFile, lock: lock),
                        recordingInputs: recordingInputs)
    }

    /// Reads a study: the plan (`resolvedPlan`, or the built-in plan when `nil`), then the data
    /// with what the plan expects of it, then the checks of the plan that need the
    /// data (arm labels, covariates, subgroup variables, remission parameters) for the values the
    /// plan file writes; default values the data do not fit are left to the analyses (nulls and notes).
    ///
    /// Every mistake is reported at once: a plan whose values have problems still has its data
    /// read and checked, unless a value the data are checked against (arms, parameters, remission
    /// parameters, baseline visit, subgroups, covariates) is among them.
    ///
    /// - Parameters:
    ///   - directory: the study folder.
    ///   - resolvedPlan: the plan file, as `planFile(for:given:lock:)` picks it; `nil` for the built-in plan.
    ///   - keepingBytes: whether the data keep the files' bytes as validated and the row digests
    ///     made while reading them (`StudyData.validatedBytes`), for a data lock.
    ///   - recordingInputs: whether the data record the files read, hashed on another thread
    ///     (`StudyData.inputs`, what results.json lists); a caller that reports no hash
    ///     (`trialreport validate`, `figures`) spares the hashing.
    /// - Throws: `TrialReportError` with every problem found: `.missingInput` (exit 66) for a
    ///   missing plan file, folder or required CSV file, else `.invalidInput` (exit 65) for an
    ///   invalid plan, invalid data, or a plan that does not fit the data.
    ///   The problems of an invalid plan or data are marked `isStudyCheck`.
    /// - Complexity: O(size of the files).
    public static func load(from directory: URL, resolvedPlan: URL?, keepingBytes: Bool = false,
                            recordingInputs: Bool = true) throws(TrialReportError) -> StudyInput {
        do {
            return try check(directory, resolvedPlan, keepingBytes: keepingBytes, recordingInputs: recordingInputs)
        } catch {
            var problems = error
            problems.isStudyCheck = error.kind == .invalidInput
            throw problems
        }
    }

    /// `load(from:resolvedPlan:)` without marking the problems.
    private static func check(_ directory: URL, _ resolvedPlan: URL?, keepingBytes: Bool,
                              recordingInputs: Bool) throws(TrialReportError) -> StudyInput {
        let reading: PlanReading
        var planFile: LockedFile?
        if let file = resolvedPlan {
            let recorded = LockedContents.recordedPath(of: file, in: directory)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw TrialReportError(.missingInput, at: SourceLocation(file: file.path), "the analysis plan does not exist")
            }
            let bytes = try AnalysisPlan.bytes(of: file, file: recorded)
            planFile = LockedFile(path: recorded, sha256: Checksum.sha256(Array(bytes)), byteCount: bytes.count)
            reading = try AnalysisPlan.read(data: bytes, file: recorded)
        } else {
            reading = PlanReading(plan: .builtIn, reader: PlanNodeReader(file: PlanLocations.builtInFile))
        }
        let plan = reading.plan
        let planProblems = reading.problems
        if !planProblems.isEmpty, Self.dataChecksDependOnFailedValues(reading) {
            throw TrialReportError(.invalidInput, planProblems)
        }
        var data: StudyData
        do {
            data = try StudyData.load(from: directory, expecting: plan.plan.studyExpectations, keepingBytes: keepingBytes,
                                      recordingInputs: recordingInputs)
        } catch {
            guard !planProblems.isEmpty else { throw error }
            throw TrialReportError(error.kind == .missingInput ? .missingInput : .invalidInput, planProblems + error.diagnostics)
        }
        let derivationProblems = Self.deriveParameters(plan, into: &data)
        // A default the data do not fit (a built-in covariate naming the optional MSCDOSE column, a
        // built-in arm without participants) is not the user's mistake: the analyses give nulls
        // and notes. Values written in the plan must fit; a value with a problem of its own is
        // reported once.
        let fitProblems = (plan.problems(with: StudyDataFacts(data)) + plan.baselineProblems(with: data.participants)
            + plan.dispositionProblems(with: data.participants) + plan.subgroupProblems(with: data.participants)).filter { problem in
            let path = String(problem.message.prefix { $0 != ":" })
            return plan.locations.contains(path) && !reading.hasFailed(path)
        }
        let problems = planProblems + derivationProblems + fitProblems
        guard problems.isEmpty else { throw TrialReportError(.invalidInput, problems + data.warnings) }
        return StudyInput(plan: plan, data: data, planFile: planFile)
    }

    /// Adds the plan's derived parameters to the data as one more BDS table (named after the plan
    /// file) with a warning per parameter left without a value for some participant-visits.
    /// - Returns: the problems, each at its line of the plan.
    private static func deriveParameters(_ plan: LoadedPlan, into data: inout StudyData) -> [Diagnostic] {
        guard !plan.plan.derivedParameters.isEmpty else { return [] }
        let derivation = ParameterDerivation.derive(plan.plan.derivedParameters, from: data.bdsTables, file: plan.locations.file + " (derivedParameters)")
        data.bdsTables.append(derivation.table)
        let list = PlanKey.derivedParameters.rawValue
        data.warnings += derivation.notes.map { Diagnostic(.warning, at: plan.locations[list], "\(list): \($0)") }
        return derivation.problems.map { problem in
            let path = PlanPath.child(PlanPath.element(list, problem.index), problem.key)
            return Diagnostic(.error, at: plan.locations[path], "\(path): \(problem.message)")
        }
    }

    /// Refuses a plan beyond what this version analyses: in the seed study's layout the analyses,
    /// figures and report cover two arms written `{treatment, control}`; a list of arms there can be
    /// read and checked (`trialreport validate`), not yet analysed. CDISC ADaM plans take any list of arms.
    /// - Throws: `TrialReportError` (`.invalidInput`) at the plan's `arms`.
    public func checkAnalysable() throws(TrialReportError) {
        guard case .seedStudy = plan.plan.data, !plan.plan.arms.isShorthand else { return }
        throw TrialReportError(.invalidInput, at: plan.locations[PlanKey.arms.rawValue],
                               "arms: in the seed study's file layout a list of arms can be validated (trialreport validate) "
                               + "but the analyses cover two arms written as {treatment: …, control: …}")
    }

    /// The results of every analysis of the plan (`StudyAnalysis.run`), the data handed over to
    /// the analyses: their measurement rows are released once they are in the measurement grid,
    /// for the analyses' own arrays (386 MB at 1,000,000 participants). The input is gone
    /// afterwards: keep what else is needed of it first.
    public consuming func analysed() -> Results {
        let plan = plan.plan
        return StudyAnalysis.run(data: (consume self).data, plan: plan)
    }

    /// Whether a value the data are read or checked against has a problem (it would be checked
    /// against its default instead, and report mistakes that are not the data's).
    private static func dataChecksDependOnFailedValues(_ reading: PlanReading) -> Bool {
        let paths = [PlanKey.arms.rawValue, PlanKey.parameters.rawValue, PlanKey.baselineVisit.rawValue,
                     PlanKey.subgroups.rawValue, PlanPath.child(PlanKey.remission.rawValue, RemissionKey.parameters.rawValue),
                     PlanPath.child(PlanKey.logistic.rawValue, LogisticKey.covariates.rawValue)]
        return paths.contains(where: reading.hasFailed)
    }
}
