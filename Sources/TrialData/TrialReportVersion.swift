/// The version of TrialReport, recorded in `trial.lock` and shown in reports. Outputs are
/// byte-identical for the same inputs, plan, templates and this version.
public enum TrialReportVersion {
    /// The current version, e.g. "0.1.0" (semantic versioning).
    public static let current = "0.1.0"
}
