import Foundation
import TrialData

/// Reading a results.json to compare.
public enum ResultsFile {
    /// The results at `path`: the file itself, or `path/results.json` when `path` is a folder
    /// (an output folder). Numbers are read exactly (see `JSONParser`).
    /// - Throws: `TrialReportError` — `.missingInput` when there is no such file, `.invalidInput`
    ///   at the line and column of the first problem when it is not JSON.
    /// - Complexity: O(size of the file).
    public static func load(_ path: String) throws(TrialReportError) -> JSONValue {
        var file = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = URL(fileURLWithPath: path).appendingPathComponent("results.json").path
        }
        guard FileManager.default.fileExists(atPath: file), let data = FileManager.default.contents(atPath: file) else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: file), "results file not found")
        }
        return try JSONParser.parse([UInt8](data), file: file)
    }
}
