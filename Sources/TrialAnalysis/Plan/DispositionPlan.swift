import TrialData

/// The plan's disposition table (`disposition` in `study.yaml`, CDISC ADaM layouts): how many
/// participants of each arm completed, discontinued and why, from subject-level variables.
///
/// A participant completed when the status variable is `Y` (a completion flag such as `COMP24FL`)
/// or `COMPLETED` (an end-of-study status such as `EOSSTT`), and discontinued when it is `N` or
/// `DISCONTINUED`; any other value (e.g. `ONGOING`) is counted on a row of its own and a blank as
/// missing. Reasons are counted among the participants who discontinued.
public struct DispositionPlan: Sendable, Hashable {
    /// The status variable the plan names, or `nil` for `EOSSTT`.
    public var status: String?
    /// The reason variable the plan names, or `nil` for `DCSREAS`, else `DCDECOD` when the
    /// subject-level data have it, else no reasons.
    public var reason: String?
    /// The analysis set (one of the plan's `sets`), or `nil` for every participant by planned arm.
    public var set: String?
    /// The label of the completion row.
    public var completedLabel: String
    /// The label of the discontinuation row.
    public var discontinuedLabel: String
    /// The reasons in table order, each with an optional label, or `nil`: the reasons found,
    /// sorted. Reasons found but not listed are shown after those listed; listed but absent with 0.
    public var reasons: [BaselineLevel]?
    /// The test across arms of completion and of each reason.
    public var test: DispositionTest
    /// The people assessed for eligibility (CONSORT 2010's enrolment box), or `nil` when the plan
    /// does not say: the subject-level data hold the people randomised only.
    public var assessed: Int?
    /// The people excluded before randomisation, by reason in the plan's order (CONSORT 2010's
    /// "Excluded" box); empty when the plan does not say.
    public var excluded: [EligibilityExclusion]

    /// The status variable when the plan names none.
    public static let defaultStatus = "EOSSTT"
    /// The reason variables tried in turn when the plan names none.
    public static let defaultReasons = ["DCSREAS", "DCDECOD"]

    /// A disposition table; the defaults follow the CDISC ADaM names.
    public init(status: String? = nil, reason: String? = nil, set: String? = nil, completedLabel: String = "Completed",
                discontinuedLabel: String = "Discontinued", reasons: [BaselineLevel]? = nil, test: DispositionTest = .fisherExact,
                assessed: Int? = nil, excluded: [EligibilityExclusion] = []) {
        self.status = status
        self.reason = reason
        self.set = set
        self.completedLabel = completedLabel
        self.discontinuedLabel = discontinuedLabel
        self.reasons = reasons
        self.test = test
        self.assessed = assessed
        self.excluded = excluded
    }
}

/// A reason people assessed for eligibility were not randomised, with how many (the plan's
/// `disposition.excluded`).
public struct EligibilityExclusion: Sendable, Hashable {
    /// The reason: "Did not meet inclusion criteria".
    public var reason: String
    /// The people excluded for it.
    public var n: Int

    /// An exclusion.
    public init(reason: String, n: Int) {
        self.reason = reason
        self.n = n
    }
}

extension DispositionPlan {
    /// The status variable used with `participants`: the plan's, else `EOSSTT`; `nil` when absent.
    public func statusVariable(in participants: ParticipantTable) -> String? {
        let name = status ?? Self.defaultStatus
        return participants.column(named: name) == nil ? nil : name
    }

    /// The reason variable used with `participants`: the plan's, else the first of
    /// `defaultReasons` the data have; `nil` when absent.
    public func reasonVariable(in participants: ParticipantTable) -> String? {
        (reason.map { [$0] } ?? Self.defaultReasons).first { participants.column(named: $0) != nil }
    }
}

/// The test across arms of the disposition table's rows.
public enum DispositionTest: String, Sendable, Hashable, CaseIterable {
    /// Fisher's exact test (Fisher–Freeman–Halton beyond two arms) of the participants on the row
    /// against the others with a status, `fisher.test`.
    case fisherExact = "fisher-exact"
    /// No test.
    case none
}
