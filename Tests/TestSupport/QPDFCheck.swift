import Foundation

/// `qpdf --check` of a PDF file (Debian's qpdf, installed by `make test`): its exit status and
/// its output and errors together.
public enum QPDFCheck {
    /// Where `make test` installs qpdf.
    public static let executable = URL(fileURLWithPath: "/usr/bin/qpdf")

    /// Checks the PDF file at `path`.
    /// - Throws: `QPDFMissing` when qpdf is not installed: the check cannot pass without it.
    public static func check(path: String) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { throw QPDFMissing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--check", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// qpdf is not installed (`make test` installs it).
    public struct QPDFMissing: Error, CustomStringConvertible {
        public var description: String { "qpdf is not installed at /usr/bin/qpdf (apt-get install qpdf, or make test)" }
    }
}
