import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TrialData

/// Writes a render's files into a temporary folder beside the output folder and swaps it into
/// place only when every file is written: after any failure (or a kill) the previous output is
/// as it was. The swap is two renames (output → `.NAME.previous-PID`, temporary → output); a
/// render killed between them leaves the previous output under that name, and the next render
/// puts it back before anything else. Temporary folders of an interrupted render are removed by
/// the next one. Nothing is
/// read or written through a symbolic link inside the output folder: the old folder is replaced
/// as a whole, never written into; only its hidden regular files (such as `.gitkeep`) are copied
/// into the new one.
///
/// Renders into folders of the same parent take turns: each holds an exclusive `flock` on the
/// parent folder from `init` until it is released, so two renders into one output folder at once
/// end with one complete output, never a mix, and neither removes the other's temporary folder.
/// The kernel releases the lock when the process ends, however it ends.
final class OutputFolder {
    /// The output folder.
    let destination: URL
    /// The temporary folder the files go to.
    let staging: URL
    /// The open parent folder, locked with `flock` while this render writes.
    private let parentLock: Int32

    private static let stagingMarker = ".render-"
    private static let previousMarker = ".previous-"

    /// Prepares a temporary folder beside `destination` (its parent is created when missing) and
    /// removes those left by interrupted renders.
    /// - Throws: `TrialReportError` (`.cannotWrite`) when the parent cannot be created or written,
    ///   or the destination exists and is not a folder.
    init(destination: URL) throws(TrialReportError) {
        let manager = FileManager.default
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: self.destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: self.destination.path),
                                   "the output path exists and is not a folder")
        }
        try? manager.createDirectory(at: parent, withIntermediateDirectories: true)
        parentLock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parentLock >= 0 else {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: parent.path),
                                   "cannot open the output folder's parent: \(String(cString: strerror(errno)))")
        }
        while flock(parentLock, LOCK_EX) != 0 && errno == EINTR {}
        do {
            let leftovers = try manager.contentsOfDirectory(atPath: parent.path).sorted()
            for leftover in leftovers where leftover.hasPrefix("." + name + Self.previousMarker) {
                let url = parent.appendingPathComponent(leftover)
                if (try? manager.attributesOfItem(atPath: self.destination.path)) == nil {
                    try manager.moveItem(at: url, to: self.destination)
                } else {
                    try? manager.removeItem(at: url)
                }
            }
            for leftover in leftovers where leftover.hasPrefix("." + name + Self.stagingMarker) {
                try? manager.removeItem(at: parent.appendingPathComponent(leftover))
            }
            staging = parent.appendingPathComponent("." + name + Self.stagingMarker + String(getpid()))
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            close(parentLock)
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: parent.path),
                                   "cannot create the output folder's temporary folder: \(error.localizedDescription)")
        }
    }

    /// Releases the lock on the parent folder.
    deinit {
        close(parentLock)
    }

    /// Writes `bytes` to `path` (relative, "/"-separated) inside the temporary folder.
    func write(_ bytes: some DataProtocol, to path: String) throws(TrialReportError) {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .withoutOverwriting)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.appendingPathComponent(path).path),
                                   "cannot write: \(error.localizedDescription)")
        }
    }

    /// Puts the temporary folder in the output folder's place, then removes the old output.
    func commit() throws(TrialReportError) {
        let manager = FileManager.default
        keepHiddenFiles()
        let previous = destination.deletingLastPathComponent()
            .appendingPathComponent("." + destination.lastPathComponent + Self.previousMarker + String(getpid()))
        let exists = (try? manager.attributesOfItem(atPath: destination.path)) != nil
        if exists {
            guard rename(destination.path, previous.path) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.path),
                                       "cannot move the previous output aside: \(reason)")
            }
        }
        if rename(staging.path, destination.path) != 0 {
            if exists { _ = rename(previous.path, destination.path) }
            let reason = String(cString: strerror(errno))
            discard()
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.path),
                                   "cannot create the output folder: \(reason)")
        }
        if exists { try? manager.removeItem(at: previous) }
    }

    /// Copies the hidden regular files of the previous output (`.gitkeep` and the like, not
    /// written by renders) into the temporary folder; symbolic links and folders are left out.
    private func keepHiddenFiles() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: destination.path) else { return }
        for name in names.sorted() where name.hasPrefix(".") {
            let source = destination.appendingPathComponent(name)
            guard (try? manager.attributesOfItem(atPath: source.path)[.type] as? FileAttributeType) == .typeRegular,
                  let bytes = try? Data(contentsOf: source) else { continue }
            try? bytes.write(to: staging.appendingPathComponent(name), options: .withoutOverwriting)
        }
    }

    /// Removes the temporary folder (after a failure).
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
