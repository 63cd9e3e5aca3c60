import Foundation
import TrialData

/// Where an output folder may be: never where replacing it would delete the render's own inputs
/// or the folder the user works in. These refusals hold even with `--force`, which only allows
/// replacing a folder that is not a previous output (`PreviousOutput`).
public enum OutputPlacement {
    /// An input the output folder must neither be, nor lie inside, nor hold.
    public struct Input: Sendable {
        /// The file or folder.
        public var url: URL
        /// What it is, for messages: "data folder", "templates folder", "plan".
        public var role: String
        /// Whether an output folder inside it is refused too (folders; a plan file has no inside).
        public var isFolder: Bool

        /// An input; see the properties.
        public init(_ url: URL, role: String, isFolder: Bool = true) {
            self.url = url
            self.role = role
            self.isFolder = isFolder
        }
    }

    /// Refuses an output folder that is an input folder or inside one, that holds an input, or
    /// that is the working folder or holds it (replacing it would pull the folder out from under
    /// the shell and delete what is in it).
    /// - Throws: `TrialReportError` `.cannotWrite` (exit 73) with every problem, at the output folder.
    public static func check(output: URL, inputs: [Input],
                             workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    throws(TrialReportError) {
        let outputPath = resolved(output).pathComponents
        var problems: [String] = []
        for input in inputs {
            let inputPath = resolved(input.url).pathComponents
            if input.isFolder, outputPath.starts(with: inputPath) {
                problems.append("the output folder may not be the \(input.role) or inside it (\(input.url.path))")
            } else if inputPath.starts(with: outputPath) {
                problems.append("the \(input.role) may not be inside the output folder (\(input.url.path)): replacing the output would delete it")
            }
        }
        if resolved(workingDirectory).pathComponents.starts(with: outputPath) {
            problems.append("the output folder may not be the working folder or hold it (\(workingDirectory.path)): "
                + "replacing it would delete the folder you work in; name a folder inside it")
        }
        guard problems.isEmpty else {
            throw TrialReportError(.cannotWrite, problems.map { Diagnostic(.error, at: SourceLocation(file: output.path), $0) })
        }
    }

    /// The path with symbolic links of its existing part resolved.
    static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.pathComponents.count > 1 {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
    }
}
