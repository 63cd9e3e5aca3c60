/// The line that ends a list of diagnostics: how many errors and warnings, in how many files.
public enum DiagnosticSummary {
    /// `2 errors and 3 warnings in 2 files`, `1 error in 1 file`, `3 warnings in 1 file`; `nil`
    /// when there are no diagnostics. Problems only counted (`N more errors in this file not
    /// shown`) are included; a grouped warning counts once.
    public static func line(for diagnostics: [Diagnostic]) -> String? {
        guard !diagnostics.isEmpty else { return nil }
        let count = { (severity: Diagnostic.Severity) in
            diagnostics.lazy.filter { $0.severity == severity }.reduce(0) { $0 + $1.problemCount }
        }
        let (errors, warnings) = (count(.error), count(.warning))
        let parts = [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }.map { Message.counted($0.0, $0.1) }
        let files = Set(diagnostics.map(\.location.file)).count
        return parts.joined(separator: " and ") + " in " + Message.counted(files, "file")
    }
}
