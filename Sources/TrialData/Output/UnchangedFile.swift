#if canImport(Glibc)
import Glibc
#endif

/// A file of the output being replaced, kept under a second name in place of new bytes that
/// equal it: a render that regenerates an unchanged output writes no new blocks for it, and
/// removing the old output then frees none (on a file system that discards freed blocks as it
/// frees them, about 0.1 ms a file).
///
/// A file is kept only when it would be indistinguishable from the one written anew: a regular
/// file holding exactly the new bytes, owned by this process's user, with the permissions a new
/// file gets (`FileDescriptor.newFilePermissions` less the umask), reached without a symbolic link, and with no other name (a
/// hard link of the user's elsewhere would otherwise share the new output's file).
public enum UnchangedFile {
    /// Names the file at `path` (relative, "/"-separated) inside `previousFolder` also `target`,
    /// when it is kept (see `UnchangedFile`).
    /// - Returns: whether `target` now names that file; when `false`, nothing was made at `target`.
    /// - Complexity: O(*n*) in the size of the file, read only when its size equals `bytes.count`.
    public static func link(_ bytes: [UInt8], at path: String, in previousFolder: String, to target: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = components.last, components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
              let newFileMode else { return false }
        var folder = open(previousFolder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        for component in components.dropLast() where folder >= 0 {
            let inner = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(folder)
            folder = inner
        }
        guard folder >= 0 else { return false }
        defer { close(folder) }
        let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        var previous = stat()
        guard fstat(file, &previous) == 0, previous.st_mode & S_IFMT == S_IFREG, previous.st_nlink == 1,
              previous.st_uid == geteuid(), previous.st_mode & 0o7777 == newFileMode, previous.st_size == bytes.count,
              holds(bytes, file), linkat(folder, name, AT_FDCWD, target, 0) == 0 else { return false }
        // The name linked must still be the file compared.
        var linked = stat()
        guard lstat(target, &linked) == 0, linked.st_dev == previous.st_dev, linked.st_ino == previous.st_ino else {
            unlink(target)
            return false
        }
        return true
    }

    /// Whether the file open as `descriptor`, of `bytes.count` bytes, holds `bytes`.
    private static func holds(_ bytes: [UInt8], _ descriptor: Int32) -> Bool {
        let chunk = 1 << 16
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { buffer in
            bytes.withUnsafeBytes { expected in
                var offset = 0
                while offset < expected.count {
                    let count = pread(descriptor, buffer.baseAddress, min(chunk, expected.count - offset), off_t(offset))
                    guard count > 0, memcmp(buffer.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
                return true
            }
        }
    }

    /// The permissions of a new file (`FileDescriptor.writeNewFile`): `newFilePermissions` less
    /// the process's umask, read from `/proc/self/status` (setting the umask to read it would race with files
    /// other threads create); `nil` where it cannot be read, and then no file is kept.
    static let newFileMode: mode_t? = {
        guard let status = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(status) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), status) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let fields = text.split { $0 == ":" || $0 == " " || $0 == "\t" || $0 == "\n" }
            guard fields.count == 2, fields[0] == "Umask", let mask = mode_t(fields[1], radix: 8) else { continue }
            return FileDescriptor.newFilePermissions & ~mask
        }
        return nil
    }()
}
