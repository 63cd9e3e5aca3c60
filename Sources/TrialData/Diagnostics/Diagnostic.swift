/// Where a problem was found: a file, and where known a line and column (both 1-based).
public struct SourceLocation: Sendable, Hashable {
    /// The file name as the user knows it (e.g. `adsl.csv`, `study.yaml`).
    public var file: String
    /// 1-based line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column counted in characters, or `nil` when it concerns a whole line.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `FILE`, `FILE:LINE` or `FILE:LINE:COLUMN`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// One problem (or warning) found in the user's input, with its location.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is: errors stop the run, warnings do not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// How many problems this diagnostic stands for: 1, or N for `N more errors in this file
    /// not shown` (see `DiagnosticLog`).
    public var problemCount: Int

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, problemCount: Int = 1) {
        self.severity = severity
        self.location = location
        self.message = message
        self.problemCount = problemCount
    }
}

extension Diagnostic: CustomStringConvertible {
    /// The line a user sees on stderr: `error: FILE:LINE:COLUMN: message`.
    public var description: String {
        "\(severity.rawValue): \(location): \(message)"
    }
}
