import Foundation

/// The built `trialreport` executable, found next to the test bundle, run as a child process:
/// shared by every test target that runs the command line end to end.
public enum Trialreport {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String

        public init(status: Int32, standardOutput: String, standardError: String) {
            self.status = status
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// The executable: beside the test bundle, else beside the test runner.
    public static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("trialreport")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("trialreport")
    }

    /// Runs the executable with `arguments` and `environment` added to this process's environment,
    /// in `workingDirectory` (default: this process's).
    public static func run(_ arguments: [String], environment: [String: String] = [:],
                           workingDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let captured = try process.runCapturingOutput()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: captured.output, as: UTF8.self),
                      standardError: String(decoding: captured.error, as: UTF8.self))
    }
}

extension Process {
    /// Runs the process to its end with its standard output and error captured, both pipes read
    /// at once: a child filling one pipe must not block on it.
    public func runCapturingOutput() throws -> (output: Data, error: Data) {
        let output = Pipe(), error = Pipe()
        standardOutput = output
        standardError = error
        try run()
        let errorData = LockedData()
        let reader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        waitUntilExit()
        return (outputData, errorData.wait())
    }
}

/// Data handed from a reader thread to the waiting test.
public final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init() {}

    /// Hands `value` over (once).
    public func set(_ value: Data) {
        data = value
        done.signal()
    }

    /// Waits for the value.
    public func wait() -> Data {
        done.wait()
        return data
    }
}
