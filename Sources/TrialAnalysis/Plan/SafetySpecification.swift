/// How treatment-emergent adverse events are tabulated by system organ class and preferred term
/// (the incidence table of a clinical study report): the plan's `safety` section.
public struct SafetySpecification: Codable, Sendable, Hashable {
    /// How rows are ordered.
    public enum Order: String, Codable, Sendable, Hashable, CaseIterable {
        /// By name (bytewise, as `sort(method = "radix")` in R).
        case alphabetical
        /// By the number of participants over all arms, most first; ties by name.
        case frequency
    }

    /// A between-arm test of the proportion of participants with an event.
    public enum Test: String, Codable, Sendable, Hashable, CaseIterable {
        /// Each arm against the reference arm: Fisher's exact test on the 2×2 table.
        case versusReference = "versus-reference"
        /// All arms at once: the Fisher–Freeman–Halton exact test on the 2×k table.
        case global
    }

    /// The name of the analysis set, one of the plan's `sets`; `nil`: the first set analysed by
    /// actual treatment, or all participants by assigned arm when there is none.
    public var set: String?
    /// The order of the system organ classes.
    public var classOrder: Order
    /// The order of the preferred terms within their class.
    public var termOrder: Order
    /// When given, only terms reported by at least this percentage of the participants of some arm
    /// are listed (the others are counted); a class is listed when one of its terms is.
    public var minimumPercent: Double?
    /// The tests of each row, in this order; empty: none.
    public var tests: [Test]
    /// Whether the report shows a column of all arms together.
    public var total: Bool

    /// A specification; the defaults are the usual incidence table: classes and terms
    /// alphabetical, every term, each arm against the reference, no total column.
    public init(set: String? = nil, classOrder: Order = .alphabetical, termOrder: Order = .alphabetical,
                minimumPercent: Double? = nil, tests: [Test] = [.versusReference], total: Bool = false) {
        self.set = set
        self.classOrder = classOrder
        self.termOrder = termOrder
        self.minimumPercent = minimumPercent
        self.tests = tests
        self.total = total
    }
}
