import Foundation

/// The bundled example study (`examples/uc-msc-t1d`), installed with the executable or in the
/// package checkout that built it (`BundledFolder`).
enum BundledExample {
    static let relativePath = "examples/uc-msc-t1d"

    static var directory: URL { BundledFolder.locate(relativePath) }

    /// The notice printed when a command without `--data` reads the example at `directory`.
    /// - Parameter workingFolderHasStudy: whether the working folder holds a study of its own,
    ///   which is then not read (the notice says how to read it).
    static func notice(_ directory: URL, workingFolderHasStudy: Bool) -> String {
        let path = directory.relativePath
        return workingFolderHasStudy
            ? "note: no --data given: using the bundled example study \(path), not the study in this folder (give --data . to use it)"
            : "note: no --data given and no study in this folder: using the bundled example study \(path)"
    }
}

/// The report templates of the package (`templates/`), found as the example study is.
enum BundledTemplates {
    static let relativePath = "templates"

    /// The folder, or `nil` when there is none.
    static var directory: URL? {
        let url = BundledFolder.locate(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

/// The folders that come with the executable: the bundled example and the report templates, found
/// from the executable's own location (symbolic links resolved), never from the working folder —
/// a `templates` folder that happens to be where the user works must not change the report.
enum BundledFolder {
    /// Where `make install` puts the folders, relative to the prefix (`PREFIX/bin/trialreport`).
    static let installedFolder = "share/trialreport"

    /// The folder `relativePath` of the nearest folder above the executable that has it, either
    /// installed (`PREFIX/share/trialreport/<relativePath>` for `PREFIX/bin/trialreport`) or in the
    /// package checkout that built it (`.build/release/trialreport` is
    /// `.build/<triple>/release/trialreport` once links are resolved). When none has it, the
    /// installed location (reported as missing by whoever reads it).
    static func locate(_ relativePath: String) -> URL {
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(installedFolder).appendingPathComponent(relativePath)
        return found(relativePath, above: executable) ?? installed
    }

    /// The running executable with every symbolic link resolved: Linux's `/proc/self/exe`, which
    /// is right however it was started (through a link on PATH, by a relative path); elsewhere
    /// the first argument.
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    /// `relativePath` in the nearest of the six folders above `executable` that has it, installed or not.
    static func found(_ relativePath: String, above executable: URL) -> URL? {
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [folder.appendingPathComponent(installedFolder), folder]
            where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(relativePath).path) {
                return candidate.appendingPathComponent(relativePath)
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
