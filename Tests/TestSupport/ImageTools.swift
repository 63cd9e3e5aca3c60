import Foundation

/// ImageMagick, libtiff's tools and Ghostscript run on a file, for the tests that check that
/// other programs open our TIFF and EPS figures; `nil` when the tool is not installed
/// (`make test-deps` installs them).
public enum ImageTools {
    /// What a tool printed and how it ended.
    public struct Output: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: String
        /// The standard output as text.
        public var text: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// The installed program `name` (in /usr/bin), nil when missing.
    public static func executable(_ name: String) -> URL? {
        let url = URL(fileURLWithPath: "/usr/bin").appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Runs `name` with `arguments`, `{}` in them standing for a temporary file holding `bytes`
    /// named with `fileExtension`; nil when the program is not installed.
    public static func run(_ name: String, _ arguments: [String], on bytes: [UInt8], fileExtension: String) throws -> Output? {
        guard let executable = executable(name) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("image-\(UUID().uuidString).\(fileExtension)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments.map { $0 == "{}" ? file.path : $0 }
        let captured = try process.runCapturingOutput()
        return Output(status: process.terminationStatus, standardOutput: captured.output,
                      standardError: String(decoding: captured.error, as: UTF8.self))
    }
}
