/// The plan as the analyses used it, carried in the results so that the report and readers of
/// `results.json` take every fact about the design from the results: the title, the data layout,
/// the arms with their roles and doses, and the analysis sets.
public struct PlanAsUsed: Codable, Sendable, Equatable {
    /// One arm of the plan.
    public struct Arm: Codable, Sendable, Equatable {
        /// The arm's label, as in the treatment variable and in `Results.arms`.
        public var label: String
        /// Whether the arm is the reference of every pairwise comparison.
        public var reference: Bool
        /// The dose for a dose–response test, or `nil`.
        public var dose: Double?

        /// An arm.
        public init(label: String, reference: Bool, dose: Double?) {
            self.label = label
            self.reference = reference
            self.dose = dose
        }
    }

    /// An analysis set of the plan.
    public struct Set: Codable, Sendable, Equatable {
        /// The set's name.
        public var name: String
        /// The subject-level flag whose value `Y` puts a participant in the set.
        public var flag: String
        /// Whether participants are analysed in the arm they received rather than the one assigned.
        public var byActualTreatment: Bool

        /// A set.
        public init(name: String, flag: String, byActualTreatment: Bool) {
            self.name = name
            self.flag = flag
            self.byActualTreatment = byActualTreatment
        }
    }

    /// The study title.
    public var title: String
    /// The data layout: `"seed-study"` (the built-in file layout) or `"adam"` (CDISC ADaM datasets).
    public var layout: String
    /// The arms in the plan's order.
    public var arms: [Arm]
    /// The analysis sets in the plan's order (none for the seed study's layout).
    public var sets: [Set]

    /// The plan as used.
    public init(title: String, layout: String, arms: [Arm], sets: [Set]) {
        self.title = title
        self.layout = layout
        self.arms = arms
        self.sets = sets
    }

    /// What the results record of `plan`.
    public init(_ plan: AnalysisPlan) {
        let layout = switch plan.data {
        case .seedStudy: "seed-study"
        case .adam: "adam"
        }
        self.init(
            title: plan.title, layout: layout,
            arms: plan.arms.list.enumerated().map { Arm(label: $1.label, reference: $0 == plan.arms.referenceIndex, dose: $1.dose) },
            sets: plan.sets.map { Set(name: $0.name, flag: $0.flag, byActualTreatment: $0.byActualTreatment) })
    }

    /// The reference arm's label.
    public var referenceArm: String? {
        arms.first(where: \.reference)?.label
    }
}
