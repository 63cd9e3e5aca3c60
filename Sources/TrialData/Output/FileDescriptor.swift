import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// POSIX file-descriptor writes, where every failure is reported (a short write is retried, an
/// interrupted one too): the one place output bytes meet the kernel.
public enum FileDescriptor {
    /// Writes all of `bytes` to `descriptor`.
    /// - Returns: `nil`, or the `errno` of the write that failed (`ENOSPC` on a full disk,
    ///   `EFBIG` past the file size limit).
    public static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Creates the file at `path` (which must not exist) with permissions `mode` (less the umask
    /// when `nil`: 0666), writes `bytes` and flushes it to disk.
    /// - Returns: `nil`, or the `errno` of the step that failed (the partial file is then removed).
    public static func writeNewFile(_ bytes: some ContiguousBytes, to path: String, mode: mode_t? = nil) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard descriptor >= 0 else { return errno }
        var code = writeAll(bytes, to: descriptor)
        if code == nil, let mode, fchmod(descriptor, mode) != 0 { code = errno }
        if code == nil, fsync(descriptor) != 0 { code = errno }
        if close(descriptor) != 0, code == nil { code = errno }
        if code != nil { unlink(path) }
        return code
    }

    /// Flushes a folder's entries (a rename into it) to disk; best effort, as some file systems
    /// cannot open folders for it.
    public static func synchronizeFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
