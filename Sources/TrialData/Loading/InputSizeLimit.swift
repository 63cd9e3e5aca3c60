import Foundation

/// The most bytes the files of a study folder may hold together. A study over the limit is
/// refused before any file is read (exit 65), so a wrong folder or a runaway export cannot
/// exhaust the memory: every input file is read whole.
///
/// The limit is 2 GiB unless the environment variable `TRIALREPORT_MAX_INPUT_BYTES` sets another:
/// a whole number of bytes, optionally followed by `K`, `M` or `G` (KiB, MiB, GiB), e.g. `4G`.
public struct InputSizeLimit: Sendable, Hashable {
    /// The environment variable that sets the limit.
    public static let environmentVariable = "TRIALREPORT_MAX_INPUT_BYTES"
    /// The default limit: 2 GiB.
    public static let standard = InputSizeLimit(bytes: 1 << 31)

    /// The limit in bytes.
    public var bytes: Int

    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// The limit `TRIALREPORT_MAX_INPUT_BYTES` sets in `environment`, else `standard`.
    /// - Throws: `TrialReportError` of kind `.usage` (exit 64) when the variable is set to
    ///   something other than a positive whole number with an optional `K`, `M` or `G`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(TrialReportError) -> InputSizeLimit {
        guard let text = environment[environmentVariable] else { return .standard }
        guard let bytes = parse(text.trimmingCharacters(in: .whitespaces)) else {
            throw TrialReportError(.usage, at: SourceLocation(file: environmentVariable),
                                   "\"\(text)\" is not a size in bytes: give a whole number, optionally followed by K, M or G (e.g. 4G)")
        }
        return InputSizeLimit(bytes: bytes)
    }

    private static func parse(_ text: String) -> Int? {
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30]
        let shift = text.last.flatMap { shifts[Character($0.uppercased())] }
        guard let number = Int(shift == nil ? text : String(text.dropLast())), number > 0 else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: 1 << (shift ?? 0))
        return overflow ? nil : bytes
    }

    /// Checks the sizes of the files about to be read.
    /// - Parameters:
    ///   - files: each file's name and size in bytes.
    ///   - directory: the study folder, named in the message.
    /// - Throws: `TrialReportError` of kind `.invalidInput` naming every file's size when their
    ///   total exceeds the limit.
    func check(_ files: [(name: String, bytes: Int)], in directory: URL) throws(TrialReportError) {
        let total = files.reduce(0) { $0 + $1.bytes }
        guard total > bytes else { return }
        let sizes = files.map { "\($0.name) \($0.bytes)" }.joined(separator: ", ")
        throw TrialReportError(.invalidInput, at: SourceLocation(file: directory.path),
                               "the study files are \(total) bytes together (\(sizes)), more than the limit of \(bytes) bytes; "
                                   + "set \(Self.environmentVariable) to allow more (e.g. \(Self.environmentVariable)=4G)")
    }
}
