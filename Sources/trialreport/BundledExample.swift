import Foundation

/// The bundled example study (`examples/uc-msc-t1d`), found from the working directory or,
/// failing that, from the location of the executable inside a package checkout.
enum BundledExample {
    static let relativePath = "examples/uc-msc-t1d"

    static var directory: URL { BundledFolder.locate(relativePath) }
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
    /// `relativePath` in the working directory when it exists there, else inside the package
    /// checkout that holds the executable.
    static func locate(_ relativePath: String) -> URL {
        let fileManager = FileManager.default
        let inWorkingDirectory = URL(fileURLWithPath: relativePath)
        if fileManager.fileExists(atPath: inWorkingDirectory.path) { return inWorkingDirectory }
        // .build/<configuration>/trialreport → the package root is three levels up.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let packageRoot = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(relativePath)
    }
}
