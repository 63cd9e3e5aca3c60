import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing one output file (`analyze --json FILE`, `trial.lock`) without ever losing what was there.
///
/// - A regular file (or a path that does not exist yet) is replaced atomically: the bytes go to a
///   hidden temporary file beside it, are flushed to disk (`fsync`), and the temporary file is
///   renamed over the target, keeping its permissions. Readers see the old contents or the new,
///   never a part; after any error (a full disk, a file size limit) the old file is as it was and
///   the temporary file is gone. A symbolic link is followed: the file it names is replaced, the
///   link stays.
/// - A character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written into, as
///   a shell's `>` would, never replaced by a regular file.
/// - A folder, a block device or a socket is refused.
public enum AtomicFile {
    /// Writes `data` to `url` as described above (from the caller's buffer: large files are not copied).
    /// - Throws: `TrialReportError` of kind `.cannotWrite` (exit 73) naming the file.
    public static func write(_ data: some ContiguousBytes, to url: URL) throws(TrialReportError) {
        let path = url.path
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else { throw failure(path, errno: errno) }
            return try replace(path, with: data, mode: nil)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            try replace(URL(fileURLWithPath: path).resolvingSymlinksInPath().path, with: data, mode: status.st_mode & 0o7777)
        case S_IFCHR, S_IFIFO:
            try writeInto(path, data)
        case S_IFDIR:
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: path), "cannot write: the path is a folder")
        default:
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: path),
                                   "cannot write: the path is neither a regular file, a character device nor a FIFO")
        }
    }

    /// Writes to `url`, as described above, the `byteCount` bytes `fill` writes into the buffer it
    /// is given: for a regular file, the temporary file mapped into memory
    /// (`FileDescriptor.writeNewFile(byteCount:to:mode:fill:)`).
    /// - Throws: `TrialReportError` of kind `.cannotWrite` (exit 73) naming the file.
    public static func write(byteCount: Int, to url: URL, fill: (UnsafeMutableRawBufferPointer) -> Void) throws(TrialReportError) {
        let path = url.path
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else { throw failure(path, errno: errno) }
            return try replace(path, mode: nil) { FileDescriptor.writeNewFile(byteCount: byteCount, to: $0, mode: $1, fill: fill) }
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            try replace(URL(fileURLWithPath: path).resolvingSymlinksInPath().path, mode: status.st_mode & 0o7777) {
                FileDescriptor.writeNewFile(byteCount: byteCount, to: $0, mode: $1, fill: fill)
            }
        default:
            try write([UInt8](count: byteCount, filledBy: fill), to: url)
        }
    }

    /// Temporary file, `fsync`, rename; the temporary file is removed after any failure.
    private static func replace(_ path: String, with data: some ContiguousBytes, mode: mode_t?) throws(TrialReportError) {
        try replace(path, mode: mode) { FileDescriptor.writeNewFile(data, to: $0, mode: $1) }
    }

    /// `writeNew(temporary path, mode)` writes and flushes the temporary file (or returns the
    /// `errno` of its failure, having removed it), which is then renamed to `path`.
    private static func replace(_ path: String, mode: mode_t?, writeNew: (String, mode_t?) -> Int32?) throws(TrialReportError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).tmp"
        unlink(temporary)  // left by a killed process that had this process's id
        var code = writeNew(temporary, mode)
        if code == nil, rename(temporary, path) != 0 {
            code = errno
            unlink(temporary)
        }
        if let code { throw failure(path, errno: code) }
        FileDescriptor.synchronizeFolder(folder)
    }

    /// Writes into a character device or FIFO, as `>` does.
    private static func writeInto(_ path: String, _ data: some ContiguousBytes) throws(TrialReportError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno: errno) }
        var code = FileDescriptor.writeAll(data, to: descriptor)
        if close(descriptor) != 0, code == nil { code = errno }
        if let code { throw failure(path, errno: code) }
    }

    private static func failure(_ path: String, errno code: Int32) -> TrialReportError {
        TrialReportError(.cannotWrite, at: SourceLocation(file: path), "cannot write: \(String(cString: strerror(code)))")
    }
}
