import Foundation
import TrialData

/// The files of a study folder written all or nothing: each is written to a hidden temporary
/// file beside it and renamed into place only when every file is complete, so that a failure
/// leaves the folder's previous contents exactly as they were.
///
/// Writes go straight to file descriptors in large buffers (POSIX `write`), which is what makes
/// a million-participant study take seconds.
struct StudyFolderFiles {
    private let directory: URL
    private let names: [String]
    private var descriptors: [Int32] = []

    /// Creates `directory` if needed and opens a temporary file for each of `names`, after
    /// checking that none of them is a folder (which would make the final move fail).
    /// - Throws: `TrialReportError` `.cannotWrite` naming the folder or file.
    init(directory: URL, names: [String]) throws(TrialReportError) {
        self.directory = directory
        self.names = names
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: directory.path), "cannot create the folder")
        }
        for name in names {
            var isFolder: ObjCBool = false
            let target = directory.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
                abandon()
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: target), "cannot replace a folder with a file")
            }
            let descriptor = open(temporaryPath(name), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                let error = Self.cannotWrite(temporaryPath(name), errno: errno)
                abandon()
                throw error
            }
            descriptors.append(descriptor)
        }
    }

    /// Appends `bytes` to the file at `index` in `names`.
    func write(_ bytes: [UInt8], toFileAt index: Int) throws(TrialReportError) {
        let failure = FileDescriptor.writeAll(bytes, to: descriptors[index])
        if let failure {
            abandon()
            throw Self.cannotWrite(temporaryPath(names[index]), errno: failure)
        }
    }

    /// Closes every file and moves it into place.
    func commit() throws(TrialReportError) {
        for (descriptor, name) in zip(descriptors, names) where close(descriptor) != 0 {
            let error = Self.cannotWrite(temporaryPath(name), errno: errno)
            abandon()
            throw error
        }
        for name in names {
            let target = directory.appendingPathComponent(name).path
            guard rename(temporaryPath(name), target) == 0 else {
                let error = Self.cannotWrite(target, errno: errno)
                abandon()
                throw error
            }
        }
    }

    /// Closes and removes the temporary files.
    private func abandon() {
        for descriptor in descriptors { close(descriptor) }
        for name in names { unlink(temporaryPath(name)) }
    }

    private func temporaryPath(_ name: String) -> String {
        directory.appendingPathComponent(".\(name).partial").path
    }

    private static func cannotWrite(_ path: String, errno code: Int32) -> TrialReportError {
        TrialReportError(.cannotWrite, at: SourceLocation(file: path), "cannot write: \(String(cString: strerror(code)))")
    }
}
