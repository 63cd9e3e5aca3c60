/// The labels of the study's two arms, as written in `adsl.csv` `ARM`.
///
/// Results list the treatment arm first, then the control arm (SPEC.md §5).
public struct ArmLabels: Sendable, Hashable {
    /// The experimental arm.
    public var treatment: String
    /// The comparator arm.
    public var control: String

    /// Arm labels; the defaults are the seed study's.
    public init(treatment: String = "UC-MSC", control: String = "Control") {
        self.treatment = treatment
        self.control = control
    }

    /// Both labels in result order: treatment, then control.
    public var ordered: [String] { [treatment, control] }
}
