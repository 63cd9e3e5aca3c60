/// The study's arms, in the plan's order, one of them the reference.
///
/// Written either as the two-arm shorthand `arms: {treatment: …, control: …}` (the control arm is
/// the reference; results list the treatment arm first, then the control arm) or as a list of
/// arms, each with its label (the value of the treatment variable) and an optional dose.
public struct ArmLabels: Sendable, Hashable {
    /// One arm.
    public struct Arm: Sendable, Hashable {
        /// The label: the value of the treatment variable (`ARM`, `TRT01P`) and the arm's name in the report.
        public var label: String
        /// The dose, for a dose–response test, or `nil`.
        public var dose: Double?

        /// An arm.
        public init(label: String, dose: Double? = nil) {
            self.label = label
            self.dose = dose
        }
    }

    /// The arms in the plan's order (the shorthand: treatment, then control).
    public private(set) var list: [Arm]
    /// The index in `list` of the reference arm (the shorthand: the control arm).
    public private(set) var referenceIndex: Int
    /// Whether the plan wrote the two-arm shorthand `{treatment, control}`.
    public private(set) var isShorthand: Bool

    /// The two-arm shorthand; the defaults are the seed study's.
    public init(treatment: String = "UC-MSC", control: String = "Control") {
        list = [Arm(label: treatment), Arm(label: control)]
        referenceIndex = 1
        isShorthand = true
    }

    /// Arms as a list, the reference one of them.
    public init(arms: [Arm], referenceIndex: Int) {
        precondition(arms.indices.contains(referenceIndex), "the reference arm must be one of the arms")
        list = arms
        self.referenceIndex = referenceIndex
        isShorthand = false
    }

    /// The experimental arm of a two-arm plan: the first arm that is not the reference.
    public var treatment: String {
        get { list[referenceIndex == 0 ? 1 : 0].label }
        set { list[referenceIndex == 0 ? 1 : 0].label = newValue }
    }

    /// The reference arm.
    public var control: String {
        get { list[referenceIndex].label }
        set { list[referenceIndex].label = newValue }
    }

    /// Every label in the plan's order.
    public var ordered: [String] { list.map(\.label) }
}
