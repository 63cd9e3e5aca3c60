/// The version of TrialReport written into every report, the PDF metadata and `manifest.json`.
public enum ToolVersion {
    /// The current version.
    public static let current = "0.1.0"
}
