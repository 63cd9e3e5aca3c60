import Foundation

/// What a data lock covers — the study's input files, its analysis plan and the report
/// templates — as recorded in `trial.lock` or as found in the folders now.
public struct LockedContents: Sendable, Hashable {
    /// The input files present, in the order adsl, adlb, adae, adii.
    public var inputs: [LockedFile]
    /// The analysis plan file, or `nil` for the built-in plan.
    public var plan: LockedFile?
    /// Every template file, by path inside the templates folder, sorted.
    public var templates: [LockedFile]

    /// Recorded contents.
    public init(inputs: [LockedFile], plan: LockedFile?, templates: [LockedFile]) {
        self.inputs = inputs
        self.plan = plan
        self.templates = templates
    }

    /// The seed study's files that a lock covers when present, in the order they are recorded.
    public static let seedInputNames = [StudyData.FileName.participants, StudyData.FileName.measurements,
                             StudyData.FileName.adverseEvents, StudyData.FileName.insulinIndependence]

    /// The canonical listing the lock hash is computed from: one line per file, inputs first
    /// (in the order above), then the plan, then the templates (sorted by path):
    /// `input <sha256> <bytes> <path>`, `plan <sha256> <bytes> <path>` or `plan built-in`,
    /// `template <sha256> <bytes> <path>`, each ending with a line feed. Lock time, person, note
    /// and tool version are not part of it: the same files give the same hash.
    public var listing: String {
        var lines = inputs.map { "input \($0.sha256) \($0.byteCount) \($0.path)" }
        lines.append(plan.map { "plan \($0.sha256) \($0.byteCount) \($0.path)" } ?? "plan built-in")
        lines += templates.map { "template \($0.sha256) \($0.byteCount) \($0.path)" }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The SHA-256 of `listing`: the lock hash reports show on every page.
    public var lockHash: String { Checksum.sha256(Array(listing.utf8)) }

    /// The files as they are now.
    ///
    /// - Parameters:
    ///   - dataDirectory: the study folder; the files `inputNames` names are recorded when present.
    ///   - inputNames: the input files by their path inside the study folder; by default the
    ///     seed study's adsl, adlb, adae and adii.
    ///   - planFile: the plan file used, or `nil` for the built-in plan. Recorded by its name
    ///     when it lies in the study folder, else by its absolute path.
    ///   - templatesDirectory: the templates folder, or `nil` for none. Every regular file inside
    ///     it (subfolders included, hidden files excluded) is recorded by its relative path; a
    ///     folder that does not exist records no templates.
    /// - Throws: `TrialReportError` when a file exists but cannot be read.
    /// - Complexity: O(total size of the files), each read once.
    public static func current(dataDirectory: URL, planFile: URL?, templatesDirectory: URL?,
                               inputNames: [String] = seedInputNames) throws(TrialReportError) -> LockedContents {
        try reading(dataDirectory: dataDirectory, planFile: planFile, templatesDirectory: templatesDirectory, inputNames: inputNames).contents
    }

    /// The files as they are now, as `current` records them, and with `withRowDigests` the
    /// digests of the input files' rows, computed from the bytes hashed (`LockedInputs`), kept
    /// by `participants` when given; the bytes validation kept (`validated`) are used for the files
    /// they still are.
    static func reading(dataDirectory: URL, planFile: URL?, templatesDirectory: URL?, inputNames: [String],
                        withRowDigests: Bool = false, participants: StringTable? = nil,
                        reusing validated: ValidatedBytes? = nil) throws(TrialReportError)
        -> (contents: LockedContents, inputs: LockedInputs) {
        let inputs = try LockedInputs.read(dataDirectory, names: inputNames, withRowDigests: withRowDigests,
                                           participants: participants, reusing: validated)
        var plan: LockedFile?
        if let planFile {
            plan = try LockedFile.reading(planFile, as: recordedPath(of: planFile, in: dataDirectory))
        }
        var templates: [LockedFile] = []
        if let templatesDirectory {
            for path in templatePaths(in: templatesDirectory) {
                templates.append(try LockedFile.reading(templatesDirectory.appendingPathComponent(path), as: path))
            }
        }
        return (LockedContents(inputs: inputs.files, plan: plan, templates: templates), inputs)
    }

    /// `file`'s path relative to `directory` when inside it, else its absolute path.
    public static func recordedPath(of file: URL, in directory: URL) -> String {
        let filePath = file.standardizedFileURL.path, directoryPath = directory.standardizedFileURL.path
        let prefix = directoryPath.hasSuffix("/") ? directoryPath : directoryPath + "/"
        return filePath.hasPrefix(prefix) ? String(filePath.dropFirst(prefix.count)) : filePath
    }

    /// Whether `file`, with every symbolic link on its path resolved, lies inside `directory`
    /// (its links resolved too).
    public static func isInside(_ file: URL, _ directory: URL) -> Bool {
        let folder = directory.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let resolved = file.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        return resolved.count > folder.count && resolved.starts(with: folder)
    }

    /// The relative paths of the regular, non-hidden files under `directory` (symbolic links
    /// are not followed), sorted by their UTF-8 bytes.
    public static func templatePaths(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            let isHidden = (path as NSString).lastPathComponent.hasPrefix(".")
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if isHidden, type == .typeDirectory { enumerator.skipDescendants() }
            if !isHidden, type == .typeRegular { paths.append(path) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
