import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TrialData

/// The leftovers of writes that were stopped (a kill, a power cut) beside an output folder, and
/// how they are put right: by the next render into that folder, or by `trialreport recover`.
///
/// A render writes into `.NAME.render-PID` beside the output folder NAME, then swaps it in
/// (`OutputFolder`). Where the file system can exchange two folders in one step
/// (`renameat2(RENAME_EXCHANGE)`: Linux ext4, btrfs, xfs, tmpfs…) NAME is complete at every
/// instant, and the old output sits under the temporary name until it is removed. Elsewhere the
/// swap is two renames (NAME → `.NAME.previous-PID`, temporary → NAME): a render stopped between
/// them leaves NAME missing and the old output, complete, under `.NAME.previous-PID`.
///
/// Recovery, under the lock on the parent folder (so no write into it is running):
/// - `.NAME.previous-PID` when NAME is missing is renamed back to NAME;
/// - any other `.NAME.previous-PID` (a finished render's old output) is removed;
/// - `.NAME.render-PID` (an unfinished render, or a finished one's old output) is removed.
/// Nothing else is touched: only names of exactly that form, with a number after the dash.
public enum OutputRecovery {
    static let stagingMarker = ".render-"
    static let previousMarker = ".previous-"

    /// Recovers the leftovers of stopped writes into the output folder `output`: a render's beside
    /// it, then a `figures` run's beside `output/figures`. The caller holds `lock` on the parent
    /// of `output`, which renders and `figures` runs into `output` take.
    /// - Returns: what was done, one sentence each; empty when there was nothing to do.
    /// - Throws: `TrialReportError` `.cannotWrite` (exit 73) when a leftover cannot be moved back.
    public static func recover(output: URL, under lock: FolderLock) throws(TrialReportError) -> [String] {
        var done = try recover(output, under: lock)
        if exists(output.path) {
            done += try recover(output.appendingPathComponent("figures"), under: lock)
        }
        return done
    }

    /// Recovers the leftovers beside `destination`; the caller holds the lock taken for it.
    private static func recover(_ destination: URL, under lock: FolderLock) throws(TrialReportError) -> [String] {
        let parent = destination.deletingLastPathComponent()
        var done: [String] = []
        for name in leftovers(of: destination, marker: previousMarker) {
            let leftover = parent.appendingPathComponent(name)
            if exists(destination.path) {
                FolderRemoval.remove(leftover.path)
                done.append("removed \(leftover.path), the previous output of a render that was stopped after replacing it")
            } else if rename(leftover.path, destination.path) == 0 {
                done.append("restored \(destination.path) from \(name), where a render that was stopped had left it")
            } else {
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.path),
                                       "cannot restore the previous output from \(leftover.path): \(String(cString: strerror(errno)))")
            }
        }
        for name in leftovers(of: destination, marker: stagingMarker) {
            FolderRemoval.remove(parent.appendingPathComponent(name).path)
            done.append("removed \(parent.appendingPathComponent(name).path), left by a write that was stopped")
        }
        return done
    }

    /// The temporary folder `.NAME.render-PID` beside `destination` that this process writes into
    /// before swapping or moving its files into place; recovery removes it if the process is stopped.
    public static func stagingFolder(for destination: URL) -> URL {
        leftover(of: destination, marker: stagingMarker)
    }

    /// Whether `name` is a leftover of writes into `destinationName` beside it.
    static func isLeftover(_ name: String, of destinationName: String) -> Bool {
        [stagingMarker, previousMarker].contains { marker in
            let prefix = "." + destinationName + marker
            return name.hasPrefix(prefix) && name.count > prefix.count && name.dropFirst(prefix.count).allSatisfy(\.isASCIIDigit)
        }
    }

    /// The path `.NAME<marker>PID` beside `destination`, for this process.
    static func leftover(of destination: URL, marker: String) -> URL {
        destination.deletingLastPathComponent()
            .appendingPathComponent("." + destination.lastPathComponent + marker + String(getpid()))
    }

    /// The names `.NAME<marker>DIGITS` beside `destination`, sorted.
    private static func leftovers(of destination: URL, marker: String) -> [String] {
        let prefix = "." + destination.lastPathComponent + marker
        let names = (try? FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && isLeftover($0, of: destination.lastPathComponent) }.sorted()
    }

    /// Whether anything (a symbolic link too) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}

/// An exclusive `flock` on a folder, held from `init` until the lock is released (or the process
/// ends, however it ends): writes into the same folder take turns.
public final class FolderLock {
    private let descriptor: Int32

    /// Opens `folder` (creating it when missing) and waits for its lock.
    /// - Throws: `TrialReportError` `.cannotWrite` (exit 73) when the folder cannot be created or opened.
    public init(_ folder: URL) throws(TrialReportError) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: folder.path),
                                   "cannot open the output folder's parent: \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    /// Releases the lock.
    deinit {
        close(descriptor)
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
