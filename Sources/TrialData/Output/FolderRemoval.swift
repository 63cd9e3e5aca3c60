import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes a folder with everything in it, its files on several threads: unlinking a file the
/// file system has just flushed frees its blocks under the journal, about 0.1 ms a file on ext4,
/// and one after the other the 83 files of the example's previous output took 7–11 ms at the end of
/// every render (`FileManager.removeItem`), 5 ms eight at a time.
public enum FolderRemoval {
    /// Threads unlinking files at once.
    static let lanes = 8

    /// Removes the folder at `path` and everything in it; symbolic links are removed, never
    /// followed. A file at `path` is removed too.
    /// - Returns: whether nothing is left at `path`.
    @discardableResult
    public static func remove(_ path: String) -> Bool {
        var listedFiles: [String] = [], folders: [String] = []
        guard collect(path, files: &listedFiles, folders: &folders) else { return unlink(path) == 0 || errno == ENOENT }
        let files = listedFiles, lanes = min(files.count, Self.lanes)
        let unlinked = (0..<lanes).map { lane in
            BackgroundComputation { () -> Bool in
                stride(from: lane, to: files.count, by: lanes).reduce(true) { $0 && (unlink(files[$1]) == 0 || errno == ENOENT) }
            }
        }
        let allUnlinked = unlinked.allSatisfy { $0.value() }
        // The folders after every file, the deepest first (each was listed before what it holds).
        let allRemoved = folders.reversed().reduce(true) { $0 && (rmdir($1) == 0 || errno == ENOENT) }
        return allUnlinked && allRemoved
    }

    /// Lists the folder at `path` (when it is one, not a link to one), then its files and the
    /// folders inside, depth first.
    /// - Returns: whether `path` is a folder that could be listed.
    private static func collect(_ path: String, files: inout [String], folders: inout [String]) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, let stream = opendir(path) else { return false }
        folders.append(path)
        var children: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            if name != "." && name != ".." { children.append(path + "/" + name) }
        }
        closedir(stream)
        for child in children where !collect(child, files: &files, folders: &folders) {
            files.append(child)
        }
        return true
    }
}
