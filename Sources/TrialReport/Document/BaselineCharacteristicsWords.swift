import TrialAnalysis

extension BaselineCharacteristicsTable {
    /// The methods paragraph of the baseline characteristics table, built from what was computed:
    /// the set and its N, the summaries of the kinds of variables present, the tests used, and the
    /// variables whose chi-square approximation may be poor.
    ///
    /// "Baseline characteristics are summarised by arm and in total in the Intent-to-treat set
    /// (N = 254): n, mean (SD), median (Q1 to Q3) and minimum to maximum for continuous variables;
    /// n (%) of the participants with a value for categorical ones. Arms are compared with one-way
    /// analysis of variance (F test) for continuous variables and Pearson's chi-square test for
    /// categorical ones. An expected count below 5 makes the chi-square approximation doubtful for
    /// Race, Duration of disease group (months)."
    public var methodsText: String {
        let population = set.map { "the \($0) set" } ?? "all participants"
        let kinds = Set(variables.map(\.kind))
        var summaries: [String] = []
        if kinds.contains(.continuous) {
            summaries.append("n, mean (SD), median (Q1 to Q3) and minimum to maximum for continuous variables")
        }
        if kinds.contains(.categorical) {
            summaries.append("n (%) of the participants with a value for categorical ones")
        }
        var text = "Baseline characteristics are summarised by arm and in total in \(population) (N = \(Display.integer(total)))"
            + (summaries.isEmpty ? "." : ": " + summaries.joined(separator: "; ") + ".")
        let tests = BaselineVariableKind.allCases.compactMap { kind -> String? in
            let names = variables.filter { $0.kind == kind }.compactMap(\.test).reduce(into: [TestName]()) { names, test in
                if !names.contains(test) { names.append(test) }
            }
            guard !names.isEmpty else { return nil }
            let kindWords = kind == .continuous ? "continuous variables" : "categorical ones"
            return names.map(\.displayName).joined(separator: " or ") + " for " + kindWords
        }
        text += tests.isEmpty ? " Arms are not compared by tests." : " Arms are compared with " + tests.joined(separator: " and ") + "."
        let approximate = variables.filter { $0.smallExpectedCounts == true }.map(\.label)
        if !approximate.isEmpty {
            text += " An expected count below 5 makes the chi-square approximation doubtful for " + approximate.joined(separator: ", ") + "."
        }
        return text
    }
}
