import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TrialData

/// Writes a render's files into a temporary folder beside the output folder and swaps it into
/// place only when every file is written and flushed to disk: after any failure the previous
/// output is as it was, and after a kill at any instant the next render (or `trialreport
/// recover`) finds a complete old or new output (`OutputRecovery`). Nothing is read or written
/// through a symbolic link inside the output folder: the old folder is replaced as a whole, never
/// written into; only its hidden regular files (such as `.gitkeep`) are carried into the new one.
///
/// Renders into folders of the same parent take turns: each holds an exclusive `flock` on the
/// parent folder from `init` until it is released, so two renders into one output folder at once
/// end with one complete output, never a mix, and neither removes the other's temporary folder.
final class OutputFolder {
    /// The output folder.
    let destination: URL
    /// The temporary folder the files go to.
    let staging: URL
    /// The lock on the parent folder, held while this render writes.
    private let parentLock: FolderLock

    /// Prepares a temporary folder beside `destination` (its parent is created when missing) after
    /// recovering the leftovers of stopped renders.
    /// - Throws: `TrialReportError` (`.cannotWrite`) when the parent cannot be created or written,
    ///   or the destination exists and is not a folder.
    init(destination: URL) throws(TrialReportError) {
        self.destination = destination.standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: self.destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: self.destination.path),
                                   "the output path exists and is not a folder")
        }
        parentLock = try FolderLock(self.destination.deletingLastPathComponent())
        _ = try OutputRecovery.recover(self.destination, under: parentLock)
        staging = OutputRecovery.stagingFolder(for: self.destination)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: staging.deletingLastPathComponent().path),
                                   "cannot create the output folder's temporary folder: \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `path` (relative, "/"-separated) inside the temporary folder and flushes
    /// it to disk.
    func write(_ bytes: [UInt8], to path: String) throws(TrialReportError) {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.appendingPathComponent(path).path),
                                   "cannot write: \(error.localizedDescription)")
        }
        if let code = FileDescriptor.writeNewFile(bytes, to: url.path) {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.appendingPathComponent(path).path),
                                   "cannot write: \(String(cString: strerror(code)))")
        }
    }

    /// Puts the temporary folder in the output folder's place, then removes the old output.
    func commit() throws(TrialReportError) {
        try keepHiddenFiles()
        FileDescriptor.synchronizeFolder(staging.path)
        guard OutputRecovery.exists(destination.path) else {
            guard rename(staging.path, destination.path) == 0 else { throw cannotSwap("cannot create the output folder") }
            return FileDescriptor.synchronizeFolder(destination.deletingLastPathComponent().path)
        }
        if FolderExchange.exchange(staging.path, destination.path) {
            try? FileManager.default.removeItem(at: staging)  // now the old output
        } else {
            let previous = OutputRecovery.leftover(of: destination, marker: OutputRecovery.previousMarker)
            guard rename(destination.path, previous.path) == 0 else { throw cannotSwap("cannot move the previous output aside") }
            guard rename(staging.path, destination.path) == 0 else {
                let error = cannotSwap("cannot create the output folder")
                _ = rename(previous.path, destination.path)
                throw error
            }
            try? FileManager.default.removeItem(at: previous)
        }
        FileDescriptor.synchronizeFolder(destination.deletingLastPathComponent().path)
    }

    private func cannotSwap(_ what: String) -> TrialReportError {
        TrialReportError(.cannotWrite, at: SourceLocation(file: destination.path), "\(what): \(String(cString: strerror(errno)))")
    }

    /// Carries the hidden regular files of the previous output (`.gitkeep` and the like, not
    /// written by renders) into the temporary folder: as hard links (no copy, no space needed),
    /// else as flushed copies. Symbolic links and folders are left out.
    /// - Throws: `TrialReportError` `.cannotWrite` naming the file that could not be carried
    ///   (a full disk), so that it is never lost or truncated.
    private func keepHiddenFiles() throws(TrialReportError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: destination.path) else { return }
        for name in names.sorted() where name.hasPrefix(".") {
            let source = destination.appendingPathComponent(name).path, target = staging.appendingPathComponent(name).path
            var status = stat()
            guard lstat(source, &status) == 0, status.st_mode & S_IFMT == S_IFREG, link(source, target) != 0 else { continue }
            let code: Int32?
            if let bytes = FileManager.default.contents(atPath: source) {
                code = FileDescriptor.writeNewFile(bytes, to: target, mode: status.st_mode & 0o7777)
            } else {
                code = errno
            }
            if let code {
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: source),
                                       "cannot keep this file of the previous output: \(String(cString: strerror(code)))")
            }
        }
    }

    /// Removes the temporary folder (after a failure).
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Exchanging two paths in one step (`renameat2` with `RENAME_EXCHANGE`, Linux 3.15 and later),
/// looked up at run time: Swift's Glibc module does not declare it.
enum FolderExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1

    /// Exchanges `first` and `second`; `false` (nothing changed) where the system or the file
    /// system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }
}
