import TrialAnalysis
import TrialData

/// The messages a user would see for a plan, or an empty list when it loads.
func planDiagnostics(_ yaml: String, file: String = "study.yaml") -> [String] {
    do {
        _ = try AnalysisPlan.load(yaml: yaml, file: file)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}
