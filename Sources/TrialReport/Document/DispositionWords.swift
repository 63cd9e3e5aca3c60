import TrialAnalysis

extension DispositionTable {
    /// The paragraph introducing the disposition table, built from what was computed: the set and
    /// its N, completed and discontinued in all arms with the values that count, the reason
    /// variable, and the test of completion.
    ///
    /// "Disposition is tabulated by arm and in total in the Intent-to-treat set (N = 254): 118
    /// (46.5%) completed week 24 (COMP24FL = Y) and 136 (53.5%) discontinued before week 24
    /// (COMP24FL = N); reasons for discontinuation are those of DCSREAS. Completion and each reason
    /// are compared across the arms with the Fisher–Freeman–Halton exact test; completion: p < 0.001."
    public var methodsText: String {
        let population = set.map { "the \($0) set" } ?? "all participants"
        func count(_ row: DispositionRow) -> String {
            Display.countWithPercentage(row.total, of: total) + " " + Self.inSentence(row.label)
                + (row.value.map { " (\(statusVariable) = \($0))" } ?? "")
        }
        var text = "Disposition is tabulated by arm and in total in \(population) (N = \(Display.integer(total))): "
            + count(completed) + " and " + count(discontinued)
        text += reasonVariable.map { "; reasons for discontinuation are those of \($0)." } ?? "."
        if let test {
            text += " Completion" + (reasonVariable == nil ? " is" : " and each reason are") + " compared across the arms with the "
                + test.displayName + "; completion: " + ReportContext.pStatement(completed.pValue) + "."
        }
        return text
    }

    /// A row label inside a sentence: its first letter in lower case unless the second is a capital
    /// too ("Completed week 24" → "completed week 24"; "ICF withdrawn" stays).
    private static func inSentence(_ label: String) -> String {
        guard let first = label.first, label.dropFirst().first?.isUppercase != true else { return label }
        return first.lowercased() + label.dropFirst()
    }
}
