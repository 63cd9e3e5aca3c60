/// Collects the diagnostics of one input file, keeping at most `limit` of them so that a
/// badly broken file of millions of rows cannot flood the terminal or the memory.
///
/// `diagnostics` lists what was kept, sorted by line and column, followed (when some were left
/// out) by one diagnostic saying how many more problems the file has.
public struct DiagnosticLog: Sendable {
    /// The default number of diagnostics kept per file.
    public static let defaultLimit = 200

    public let file: String
    public let limit: Int
    private var kept: [Diagnostic] = []
    private var leftOut = 0
    private var leftOutErrors = 0
    /// The number of errors (not warnings) added, kept or not.
    public private(set) var errorCount = 0

    public init(file: String, limit: Int = DiagnosticLog.defaultLimit) {
        self.file = file
        self.limit = limit
    }

    /// Adds one problem.
    public mutating func add(_ severity: Diagnostic.Severity, _ location: SourceLocation, _ message: String) {
        if severity == .error { errorCount += 1 }
        if kept.count < limit {
            kept.append(Diagnostic(severity, at: location, message))
        } else {
            leftOut += 1
            if severity == .error { leftOutErrors += 1 }
        }
    }

    /// Adds every diagnostic of another log of the same file, kept or counted.
    public mutating func add(contentsOf other: DiagnosticLog) {
        for diagnostic in other.kept { add(diagnostic.severity, diagnostic.location, diagnostic.message) }
        leftOut += other.leftOut
        leftOutErrors += other.leftOutErrors
        errorCount += other.leftOutErrors
    }

    /// How many more diagnostics will be kept (the rest are only counted).
    public var remainingCapacity: Int { limit - kept.count }

    /// Whether any error (as opposed to a warning) was added.
    public var hasErrors: Bool { errorCount > 0 }

    /// The kept diagnostics ordered by line, then column (file-level ones first, order of
    /// discovery among equals), then the count of those left out.
    /// - Complexity: O(*k* log *k*) in the kept diagnostics.
    public var diagnostics: [Diagnostic] {
        var sorted = kept.enumerated().sorted { first, second in
            let a = first.element.location, b = second.element.location
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
            return first.offset < second.offset
        }.map(\.element)
        if leftOut > 0 {
            sorted.append(Diagnostic(leftOutErrors > 0 ? .error : .warning, at: SourceLocation(file: file), Message.moreProblems(leftOut)))
        }
        return sorted
    }
}
