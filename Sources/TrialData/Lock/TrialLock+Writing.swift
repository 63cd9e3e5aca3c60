import Foundation

extension TrialLock {
    /// The lock of a study folder, or `nil` when it has no `trial.lock`; read once, and with
    /// `key` its signature (`LockSignature`) checked on the very bytes parsed.
    /// - Throws: `TrialReportError` of kind `.invalidInput` when the file is not a valid lock, or
    ///   (with `key`) when `trial.lock.sig` is missing or not this key's signature of it.
    public static func read(in dataDirectory: URL, verifyingSignatureWith key: LockSignature.VerifyingKey? = nil)
        throws(TrialReportError) -> TrialLock? {
        let url = dataDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let bytes = try FileContents.reading(url, name: fileName).withBytes { Array($0) }
        if let key { try LockSignature.verify(bytes, in: dataDirectory, with: key) }
        return try TrialLock(bytes: bytes)
    }

    /// The plan file this lock recorded, inside `dataDirectory`, or `nil` for the built-in plan
    /// (a lock records only files inside the study folder).
    public func planFile(in dataDirectory: URL) -> URL? {
        contents.plan.map { dataDirectory.appendingPathComponent($0.path) }
    }

    /// Locks a study folder: records its files as they are now in `trial.lock` and the digests
    /// of their rows in `trial.lock.rows` (each written to a temporary file, then renamed into
    /// place). The caller validates the study first.
    ///
    /// - Parameters:
    ///   - dataDirectory: the study folder.
    ///   - planFile: the plan file used, or `nil` for the built-in plan.
    ///   - templatesDirectory: the report templates, or `nil` for none.
    ///   - lockedAt: the lock time (rounded down to whole seconds).
    ///   - lockedBy: who locks.
    ///   - note: why, if said.
    ///   - replacing: whether an existing lock may be replaced; it is then kept in `history`.
    ///   - validated: the input files as validated (`StudyData.inputs`), which the lock records
    ///     (the seed study's files present when empty); a file whose SHA-256 differs now changed
    ///     after validation, and the lock is refused.
    ///   - validatedPlan: the plan file as validated (`StudyInput.planFile`), checked likewise;
    ///     `nil` for the built-in plan or no check.
    ///   - participants: the participants validated (`ParticipantTable.ids`), whose ids key the
    ///     row digests of every file; `nil`: each file's own (slower for large files).
    ///   - validatedBytes: the bytes validation read and hashed (`StudyData.validatedBytes`): the
    ///     rows of a file that is still those bytes are digested from them, and its validated
    ///     SHA-256 recorded, without reading or hashing it again; a file written or replaced
    ///     before its rows are digested is refused like a changed one.
    /// - Returns: the lock written.
    /// - Throws: `TrialReportError` — `.invalidInput` when the folder is already locked and
    ///   `replacing` is false, when its lock cannot be read, when the plan lies outside the study
    ///   folder (symbolic links resolved), or when an input changed since validation; `.cannotWrite` when the files cannot be written.
    /// - Complexity: O(total size of the files).
    @discardableResult
    public static func write(dataDirectory: URL, planFile: URL?, templatesDirectory: URL?, lockedAt: Date,
                             lockedBy: String, note: String?, replacing: Bool, validated: [InputFile],
                             validatedPlan: LockedFile? = nil, participants: StringTable? = nil,
                             validatedBytes: consuming ValidatedBytes? = nil) throws(TrialReportError) -> TrialLock {
        let previous = try read(in: dataDirectory)
        if let previous, !replacing {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: dataDirectory.appendingPathComponent(fileName).path),
                                   "the study folder is already locked (\(previous.summary.description)); "
                                   + "give --force to lock it again (the earlier lock is kept in its history)")
        }
        if let planFile, !LockedContents.isInside(planFile, dataDirectory) {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: planFile.path),
                                   "the plan is outside the study folder; a lock covers only files inside it: "
                                   + "copy the plan into \(dataDirectory.path) and lock with --spec naming the copy")
        }
        // The row digests are computed from the bytes hashed: the validated ones when kept, else
        // one read of each file.
        let inputNames = validated.isEmpty ? LockedContents.seedInputNames : validated.map(\.file)
        let (contents, inputs) = try LockedContents.reading(dataDirectory: dataDirectory, planFile: planFile,
                                                            templatesDirectory: templatesDirectory, inputNames: inputNames,
                                                            withRowDigests: true, participants: participants, reusing: validatedBytes)
        // The files are unmapped (when the caller passed its last reference) before trial.lock.rows is written.
        _ = consume validatedBytes
        var changed = contents.inputs.filter { file in
            inputs.changedMeanwhile.contains(file.path) || validated.contains { $0.file == file.path && $0.sha256 != file.sha256 }
        }
        if let validatedPlan, let plan = contents.plan, plan != validatedPlan { changed.append(plan) }
        guard changed.isEmpty else {
            throw TrialReportError(.invalidInput, changed.map {
                Diagnostic(.error, at: SourceLocation(file: $0.path), "changed while it was being locked; lock again")
            })
        }
        // trial.lock.rows is written first, in place, and hashed as written.
        let rowLayout = RowDigestFile.Layout(inputs.rowDigests)
        var rowHash = ""
        try AtomicFile.write(byteCount: rowLayout.byteCount, to: dataDirectory.appendingPathComponent(RowDigestFile.name)) { buffer in
            rowLayout.write(into: buffer)
            rowHash = Checksum.sha256(UnsafeRawBufferPointer(buffer))
        }
        let rowFile = LockedFile(path: RowDigestFile.name, sha256: rowHash, byteCount: rowLayout.byteCount)
        let history = previous.map { $0.history + [TrialLock(lockedAt: $0.lockedAt, lockedBy: $0.lockedBy, note: $0.note,
                                                             toolVersion: $0.toolVersion, contents: $0.contents,
                                                             rowDigests: $0.rowDigests)] } ?? []
        let lock = TrialLock(lockedAt: Date(timeIntervalSince1970: lockedAt.timeIntervalSince1970.rounded(.down)),
                             lockedBy: lockedBy, note: note, contents: contents, rowDigests: rowFile, history: history)
        try AtomicFile.write(Data(lock.text.utf8), to: dataDirectory.appendingPathComponent(fileName))
        return lock
    }
}
