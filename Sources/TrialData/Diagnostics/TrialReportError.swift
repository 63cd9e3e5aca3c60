/// The failure of a TrialReport operation, with every problem found and the kind of failure
/// that decides the exit code (see `ExitStatus`).
public struct TrialReportError: Error, Sendable {
    /// What went wrong, in the terms of SPEC.md §4.
    public enum Kind: Sendable, Hashable {
        /// Invalid data, plan, template or a lock mismatch (exit 65).
        case invalidInput
        /// A required input file is missing (exit 66).
        case missingInput
        /// The output cannot be written (exit 73).
        case cannotWrite
        /// A setting given on the command line or in the environment is not valid (exit 64).
        case usage
        /// Anything else (exit 1).
        case other
    }

    public var kind: Kind
    /// Every problem found, in the order found; never empty.
    public var diagnostics: [Diagnostic]
    /// Whether the diagnostics are the problems a check of a study's plan and data found (as
    /// opposed to, say, the differences `verify` lists): the command line ends them with a line
    /// counting them (`DiagnosticSummary`).
    public var isStudyCheck = false

    public init(_ kind: Kind, _ diagnostics: [Diagnostic]) {
        precondition(!diagnostics.isEmpty, "a TrialReportError carries at least one diagnostic")
        self.kind = kind
        self.diagnostics = diagnostics
    }

    /// A failure with a single problem.
    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.init(kind, [Diagnostic(.error, at: location, message)])
    }
}
