import Foundation

/// The bundled example study (`examples/uc-msc-t1d`), found from the working directory or,
/// failing that, from the location of the executable inside a package checkout.
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

/// Folders of the package checkout.
enum BundledFolder {
    /// `relativePath` in the working directory when it exists there, else in the nearest folder
    /// above the executable that has it: the package checkout that built it
    /// (`.build/release/trialreport` is `.build/<triple>/release/trialreport` once links are
    /// resolved). When neither has it, the path in the working directory (reported as missing).
    static func locate(_ relativePath: String) -> URL {
        let fileManager = FileManager.default
        let inWorkingDirectory = URL(fileURLWithPath: relativePath)
        if fileManager.fileExists(atPath: inWorkingDirectory.path) { return inWorkingDirectory }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(relativePath)
            if fileManager.fileExists(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return inWorkingDirectory
    }
}
