import Foundation

/// The bundled example study (`examples/uc-msc-t1d`) and templates (`templates/`), found from the
/// working directory or, failing that, from the location of the executable inside a package checkout.
enum BundledExample {
    static let relativePath = "examples/uc-msc-t1d"

    /// The example study folder.
    static var directory: URL { packageItem(relativePath) }

    /// The report templates folder.
    static var templatesDirectory: URL { packageItem("templates") }

    private static func packageItem(_ relativePath: String) -> URL {
        let fileManager = FileManager.default
        let inWorkingDirectory = URL(fileURLWithPath: relativePath)
        if fileManager.fileExists(atPath: inWorkingDirectory.path) { return inWorkingDirectory }
        // .build/<configuration>/trialreport → the package root is three levels up.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let packageRoot = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(relativePath)
    }
}
