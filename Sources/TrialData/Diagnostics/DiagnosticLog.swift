/// Collects the diagnostics of one input file, keeping at most `limit` errors and, separately,
/// at most `limit` warnings, so that a badly broken file of millions of rows cannot flood the
/// terminal or the memory, and warnings never crowd out errors.
///
/// `diagnostics` lists what was kept, sorted by line and column, followed (when some were left
/// out) by one diagnostic per severity saying how many more errors or warnings the file has.
public struct DiagnosticLog: Sendable {
    /// The default number of errors, and of warnings, kept per file.
    public static let defaultLimit = 200

    public let file: String
    /// The most errors kept; also the most warnings kept.
    public let limit: Int
    private var kept: [Diagnostic] = []
    private var errors = Tally()
    private var warnings = Tally()

    public init(file: String, limit: Int = DiagnosticLog.defaultLimit) {
        self.file = file
        self.limit = limit
    }

    /// Adds one problem.
    public mutating func add(_ severity: Diagnostic.Severity, _ location: SourceLocation, _ message: String) {
        if self[severity].kept < limit {
            kept.append(Diagnostic(severity, at: location, message))
            self[severity].kept += 1
        } else {
            self[severity].leftOut += 1
        }
    }

    /// Adds an error for each of `problems`, locating and wording only those kept: `locate` gets
    /// them in order and returns one location each; the others are counted.
    public mutating func addErrors<Problem>(_ problems: [Problem], locate: ([Problem]) -> [SourceLocation],
                                            message: (Problem) -> String) {
        let shown = Array(problems.prefix(max(limit - errors.kept, 0)))
        for (problem, location) in zip(shown, locate(shown)) { add(.error, location, message(problem)) }
        errors.leftOut += problems.count - shown.count
    }

    /// Adds every diagnostic of another log of the same file, kept or counted.
    public mutating func add(contentsOf other: DiagnosticLog) {
        for diagnostic in other.kept { add(diagnostic.severity, diagnostic.location, diagnostic.message) }
        errors.leftOut += other.errors.leftOut
        warnings.leftOut += other.warnings.leftOut
    }

    /// The number of errors (not warnings) added, kept or not.
    public var errorCount: Int { errors.kept + errors.leftOut }

    /// Whether any error (as opposed to a warning) was added.
    public var hasErrors: Bool { errorCount > 0 }

    /// The kept diagnostics ordered by line, then column (file-level ones first, order of
    /// discovery among equals), then the count of errors left out, then of warnings left out.
    /// - Complexity: O(*k* log *k*) in the kept diagnostics.
    public var diagnostics: [Diagnostic] {
        var sorted = kept.enumerated().sorted { first, second in
            let a = first.element.location, b = second.element.location
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
            return first.offset < second.offset
        }.map(\.element)
        for severity in [Diagnostic.Severity.error, .warning] where self[severity].leftOut > 0 {
            let count = self[severity].leftOut
            sorted.append(Diagnostic(severity, at: SourceLocation(file: file), Message.moreNotShown(count, severity),
                                     problemCount: count))
        }
        return sorted
    }

    /// How many diagnostics of one severity were kept and left out.
    private struct Tally: Sendable {
        var kept = 0
        var leftOut = 0
    }

    private subscript(severity: Diagnostic.Severity) -> Tally {
        get { severity == .error ? errors : warnings }
        set { if severity == .error { errors = newValue } else { warnings = newValue } }
    }
}
