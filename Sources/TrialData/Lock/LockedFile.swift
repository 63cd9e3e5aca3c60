import Foundation

/// One file recorded by a data lock: where it is, its SHA-256 and its size.
public struct LockedFile: Sendable, Hashable {
    /// The path as recorded: a name inside the study folder (`adsl.csv`, `study.yaml`) or a path
    /// inside the templates folder (`partials/header.mustache`). Only a file found now (never one
    /// read from a lock) may have an absolute path: a `--spec` plan outside the study folder.
    public var path: String
    /// The SHA-256 of the file's bytes, lowercase hexadecimal.
    public var sha256: String
    /// The size of the file in bytes.
    public var byteCount: Int

    /// A recorded file.
    public init(path: String, sha256: String, byteCount: Int) {
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
    }

    /// The file at `url`, read and hashed, recorded as `path`.
    /// - Throws: `TrialReportError` when it cannot be read.
    /// - Complexity: O(size of the file).
    public static func reading(_ url: URL, as path: String) throws(TrialReportError) -> LockedFile {
        let contents = try FileContents.reading(url, name: path)
        return LockedFile(path: path, sha256: Checksum.sha256(contents), byteCount: contents.count)
    }

    /// `{"path": …, "sha256": …, "bytes": …}`.
    var json: JSONValue {
        .object([("path", .string(path)), ("sha256", .string(sha256)), ("bytes", .integer(byteCount))])
    }

    /// Reads a recorded file; its path must lie inside its folder (see `isInsideFolder`), so that a
    /// hand-edited lock cannot make `verify` or `render` read a file elsewhere.
    init(_ json: JSONValue, at key: String) throws(TrialReportError) {
        let object = try LockJSON.object(json, at: key)
        let path = try object.string("path")
        guard Self.isInsideFolder(path) else {
            throw LockJSON.problem("\(object.keyPath("path")) \"\(path)\" is not a file inside the study folder; "
                                   + "a lock names only files inside it, by relative path")
        }
        self.init(path: path, sha256: try object.string("sha256"), byteCount: try object.integer("bytes"))
    }

    /// Whether `path` names a file inside a folder: relative, without empty, `.` or `..` parts
    /// and without a NUL byte.
    public static func isInsideFolder(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }
}
