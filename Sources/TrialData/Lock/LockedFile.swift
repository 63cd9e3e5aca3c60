import Foundation

/// One file recorded by a data lock: where it is, its SHA-256 and its size.
public struct LockedFile: Sendable, Hashable {
    /// The path as recorded: a name inside the study folder (`adsl.csv`, `study.yaml`), a path
    /// inside the templates folder (`partials/header.mustache`), or an absolute path for a plan
    /// outside the study folder.
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
    static func reading(_ url: URL, as path: String) throws(TrialReportError) -> LockedFile {
        let contents = try FileContents.reading(url, name: path)
        return LockedFile(path: path, sha256: Checksum.sha256(contents), byteCount: contents.count)
    }

    /// `{"path": …, "sha256": …, "bytes": …}`.
    var json: JSONValue {
        .object([("path", .string(path)), ("sha256", .string(sha256)), ("bytes", .integer(byteCount))])
    }

    init(_ json: JSONValue, at key: String) throws(TrialReportError) {
        let object = try LockJSON.object(json, at: key)
        self.init(path: try object.string("path"), sha256: try object.string("sha256"), byteCount: try object.integer("bytes"))
    }
}
