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
/// `trialreport figures` replaces the folder `figures` inside an output folder the same way,
/// carrying over the figure files it did not draw.
///
/// Writes into one output folder take turns: each holds an exclusive `flock` on the output
/// folder's parent from `init` until it is released, so two renders (or a render and a
/// `figures` run) into one output folder at once end with one complete output, never a mix, and
/// neither removes the other's temporary folder.
///
/// A file whose new bytes equal the file it replaces is not written again: the old file is
/// linked into the temporary folder under its name (`UnchangedFile`, which says when), and given
/// the time of the swap once the new output is in place, as a file written anew would have. A
/// render that regenerates an unchanged output then writes, and frees, no blocks for it.
public final class OutputFolder {
    /// Which files of the folder being replaced are carried into the new one, unless written anew.
    public enum Carried: Sendable {
        /// Hidden regular files (`.gitkeep`): a render's output.
        case hiddenFiles
        /// Every regular file: a `figures` run, which may draw only some of the figures.
        case everyFile
    }

    /// The folder replaced.
    let destination: URL
    /// The temporary folder the files go to.
    let staging: URL
    private let carried: Carried
    /// The lock on the output folder's parent, held while this write runs.
    private let parentLock: FolderLock
    /// The files of the old folder kept in place of equal new bytes (relative paths).
    private var keptFiles: [String] = []

    /// Prepares a temporary folder beside `destination` after recovering the leftovers of stopped
    /// writes into `output` (`OutputRecovery.recover(output:under:)`); the folders above it are
    /// created when missing.
    /// - Parameters:
    ///   - destination: the folder replaced: the output folder, or a folder inside it.
    ///   - output: the output folder `destination` is or lies in (default: `destination`).
    ///   - carried: which files of the old `destination` the new one keeps.
    /// - Throws: `TrialReportError` (`.cannotWrite`) when the parent cannot be created or written,
    ///   or the destination exists and is not a folder.
    public init(destination: URL, in output: URL? = nil, carrying carried: Carried = .hiddenFiles) throws(TrialReportError) {
        self.destination = destination.standardizedFileURL
        self.carried = carried
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: self.destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: self.destination.path),
                                   "the output path exists and is not a folder")
        }
        let output = (output ?? destination).standardizedFileURL
        parentLock = try FolderLock(output.deletingLastPathComponent())
        _ = try OutputRecovery.recover(output: output, under: parentLock)
        staging = OutputRecovery.stagingFolder(for: self.destination)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: staging.deletingLastPathComponent().path),
                                   "cannot create the output folder's temporary folder: \(error.localizedDescription)")
        }
    }

    /// Writes every file (relative path, bytes) and puts them in place (`commit`); after a
    /// failure removes the temporary folder (`discard`), leaving the output as it was.
    /// - Throws: `TrialReportError` `.cannotWrite` naming the file or folder that failed.
    public func replace(with files: [(String, [UInt8])]) throws(TrialReportError) {
        try replace(with: files, then: [])
    }

    /// Like `replace(with:)`, writing and flushing `files` while the rest are made: then, stage
    /// by stage, the files each of `stages` returns (made meanwhile, e.g. on other threads) are
    /// written and flushed, and the folder put in place; an error of a stage discards the
    /// temporary folder too.
    /// - Throws: `TrialReportError` `.cannotWrite` naming the file or folder that failed, or the
    ///   error of a stage.
    public func replace(with files: [(String, [UInt8])],
                        then stages: [() throws(TrialReportError) -> [(String, [UInt8])]]) throws(TrialReportError) {
        do {
            try writeAndFlush(files)
            for stage in stages { try writeAndFlush(try stage()) }
            try commit()
        } catch {
            discard()
            throw error
        }
    }

    private func writeAndFlush(_ files: [(String, [UInt8])]) throws(TrialReportError) {
        for (path, bytes) in files { try write(bytes, to: path) }
        try flush(files.map(\.0))
    }

    /// Writes `bytes` to `path` (relative, "/"-separated) inside the temporary folder, not yet
    /// flushed to disk (`replace` flushes each stage's files together); or links the old folder's
    /// file there when it holds the same bytes (`UnchangedFile`).
    func write(_ bytes: [UInt8], to path: String) throws(TrialReportError) {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.appendingPathComponent(path).path),
                                   "cannot write: \(error.localizedDescription)")
        }
        if UnchangedFile.link(bytes, at: path, in: destination.path, to: url.path) {
            keptFiles.append(path)
            return
        }
        if let code = FileDescriptor.writeNewFile(bytes, to: url.path, flush: false) {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.appendingPathComponent(path).path),
                                   "cannot write: \(String(cString: strerror(code)))")
        }
    }

    /// Flushes the files at `paths` (relative, "/"-separated) inside the temporary folder to disk.
    func flush(_ paths: [String]) throws(TrialReportError) {
        guard let failed = FileDescriptor.flush(paths.map { staging.appendingPathComponent($0).path }) else { return }
        throw TrialReportError(.cannotWrite, at: SourceLocation(file: destination.appendingPathComponent(paths[failed.index]).path),
                               "cannot write: \(String(cString: strerror(failed.code)))")
    }

    /// Puts the temporary folder in the output folder's place, then removes the old output.
    func commit() throws(TrialReportError) {
        try keepPreviousFiles()
        FileDescriptor.synchronizeFolder(staging.path)
        guard OutputRecovery.exists(destination.path) else {
            guard rename(staging.path, destination.path) == 0 else { throw cannotSwap("cannot create the output folder") }
            return FileDescriptor.synchronizeFolder(destination.deletingLastPathComponent().path)
        }
        if FolderExchange.exchange(staging.path, destination.path) {
            touchKeptFiles()
            FolderRemoval.remove(staging.path)  // now the old output
        } else {
            let previous = OutputRecovery.leftover(of: destination, marker: OutputRecovery.previousMarker)
            guard rename(destination.path, previous.path) == 0 else { throw cannotSwap("cannot move the previous output aside") }
            guard rename(staging.path, destination.path) == 0 else {
                let error = cannotSwap("cannot create the output folder")
                _ = rename(previous.path, destination.path)
                throw error
            }
            touchKeptFiles()
            FolderRemoval.remove(previous.path)
        }
        FileDescriptor.synchronizeFolder(destination.deletingLastPathComponent().path)
    }

    /// Gives the kept files the time of now, in the new output (the old names are about to go):
    /// a tool that compares times, such as make, sees them as written by this render.
    private func touchKeptFiles() {
        for path in keptFiles {
            utimensat(AT_FDCWD, destination.appendingPathComponent(path).path, nil, AT_SYMLINK_NOFOLLOW)
        }
    }

    private func cannotSwap(_ what: String) -> TrialReportError {
        TrialReportError(.cannotWrite, at: SourceLocation(file: destination.path), "\(what): \(String(cString: strerror(errno)))")
    }

    /// Carries the regular files of the previous output that `carried` names (hidden ones such as
    /// `.gitkeep`, which renders do not write; for `figures`, the figures not drawn again) into
    /// the temporary folder, unless written anew: as hard links (no copy, no space needed), else as
    /// flushed copies. Symbolic links and folders are left out.
    /// - Throws: `TrialReportError` `.cannotWrite` naming the file that could not be carried
    ///   (a full disk), so that it is never lost or truncated.
    private func keepPreviousFiles() throws(TrialReportError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: destination.path) else { return }
        for name in names.sorted() where carried == .everyFile || name.hasPrefix(".") {
            let source = destination.appendingPathComponent(name).path, target = staging.appendingPathComponent(name).path
            var status = stat()
            guard lstat(source, &status) == 0, status.st_mode & S_IFMT == S_IFREG, !OutputRecovery.exists(target),
                  link(source, target) != 0 else { continue }
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
        FolderRemoval.remove(staging.path)
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
