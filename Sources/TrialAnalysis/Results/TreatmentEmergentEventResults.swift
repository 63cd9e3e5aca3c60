/// Treatment-emergent adverse events of one analysis set for any number of arms: the overview
/// (any event, serious, related, worst severity) and the incidence by system organ class and
/// preferred term, each row with the tests the plan's `safety` section asks for.
///
/// A participant counts once per row (once in a class however many of its terms they had, once
/// in a term however often they had it); events count every record. Percentages are of the
/// arm's participants in the set (`arms`).
public struct TreatmentEmergentEvents: Codable, Sendable, Equatable {
    /// The analysis set, or `nil` for all participants by assigned arm.
    public var set: String?
    /// Whether participants count in the arm they received (the actual-treatment variable).
    public var byActualTreatment: Bool
    /// The participants of the set in each arm, in the plan's order: the denominators.
    public var arms: [ArmSize]
    /// The reference arm of the comparisons.
    public var reference: String
    /// The plan's choices these results follow (the set as the plan wrote it, orders, threshold,
    /// tests, total column).
    public var specification: SafetySpecification
    /// Events left out because they began before treatment (a negative study day).
    public var preTreatmentEventsExcluded: Int
    /// Participants with any treatment-emergent event.
    public var anyEvent: EmergentEventIncidence
    /// Participants with a serious event (`AESER` = Y).
    public var serious: EmergentEventIncidence
    /// Participants with an event related to treatment (by the plan's relatedness values), or
    /// `nil` when no event records its relatedness.
    public var related: EmergentEventIncidence?
    /// One row per severity (MILD, MODERATE, SEVERE): participants by the most severe grade of
    /// their events (each participant in one row), events of that grade. No tests.
    public var bySeverity: [EmergentEventSeverity]
    /// The system organ classes listed, in the plan's order, each with its terms.
    public var classes: [EmergentEventClass]
    /// Terms left out by `specification.minimumPercent` (0 without a threshold).
    public var termsBelowThreshold: Int
    /// Classes left out because none of their terms is listed.
    public var classesBelowThreshold: Int

    /// Results of the treatment-emergent events.
    public init(set: String?, byActualTreatment: Bool, arms: [ArmSize], reference: String, specification: SafetySpecification,
                preTreatmentEventsExcluded: Int, anyEvent: EmergentEventIncidence, serious: EmergentEventIncidence,
                related: EmergentEventIncidence?, bySeverity: [EmergentEventSeverity], classes: [EmergentEventClass],
                termsBelowThreshold: Int, classesBelowThreshold: Int) {
        self.set = set
        self.byActualTreatment = byActualTreatment
        self.arms = arms
        self.reference = reference
        self.specification = specification
        self.preTreatmentEventsExcluded = preTreatmentEventsExcluded
        self.anyEvent = anyEvent
        self.serious = serious
        self.related = related
        self.bySeverity = bySeverity
        self.classes = classes
        self.termsBelowThreshold = termsBelowThreshold
        self.classesBelowThreshold = classesBelowThreshold
    }
}

/// Participants and events of one row per arm and over all arms, with the row's tests.
public struct EmergentEventIncidence: Codable, Sendable, Equatable {
    /// Per arm in the plan's order: participants with at least one such event, and events.
    public var byArm: [AdverseEventCount]
    /// Participants of all arms with at least one such event.
    public var totalSubjects: Int
    /// Events of all arms.
    public var totalEvents: Int
    /// Each arm other than the reference against the reference, in the plan's order (empty when
    /// the plan asks for no such test).
    public var versusReference: [ArmComparison]
    /// The test across all arms, or `nil` when the plan asks for none.
    public var global: RowTest?

    /// A row's counts and tests.
    public init(byArm: [AdverseEventCount], totalSubjects: Int, totalEvents: Int, versusReference: [ArmComparison], global: RowTest?) {
        self.byArm = byArm
        self.totalSubjects = totalSubjects
        self.totalEvents = totalEvents
        self.versusReference = versusReference
        self.global = global
    }
}

/// One arm compared with the reference arm.
public struct ArmComparison: Codable, Sendable, Equatable {
    /// The arm compared with the reference.
    public var arm: String
    /// The test (`fisher-exact`).
    public var test: TestName
    /// Its two-sided p-value; `nil` when neither arm has a participant with the event (nothing
    /// to compare) or the test failed (see the notes).
    public var pValue: Double?

    /// A comparison; a non-finite p-value becomes `nil`.
    public init(arm: String, test: TestName, pValue: Double?) {
        self.arm = arm
        self.test = test
        self.pValue = pValue.finite
    }
}

/// A test of one row across all arms.
public struct RowTest: Codable, Sendable, Equatable {
    /// The test: `fisher-freeman-halton`, or `chi-square` when the exact test would take too long.
    public var test: TestName
    /// Its p-value; `nil` when no arm has a participant with the event.
    public var pValue: Double?

    /// A test; a non-finite p-value becomes `nil`.
    public init(test: TestName, pValue: Double?) {
        self.test = test
        self.pValue = pValue.finite
    }
}

/// One system organ class with its preferred terms.
public struct EmergentEventClass: Codable, Sendable, Equatable {
    /// `AEBODSYS`.
    public var soc: String
    /// Participants with any event of the class (counting every term, also those not listed).
    public var incidence: EmergentEventIncidence
    /// The terms listed, in the plan's order.
    public var terms: [EmergentEventTerm]

    /// A class.
    public init(soc: String, incidence: EmergentEventIncidence, terms: [EmergentEventTerm]) {
        self.soc = soc
        self.incidence = incidence
        self.terms = terms
    }
}

/// One preferred term within its system organ class.
public struct EmergentEventTerm: Codable, Sendable, Equatable {
    /// `AEDECOD`.
    public var term: String
    /// Participants with the term and its events.
    public var incidence: EmergentEventIncidence

    /// A term.
    public init(term: String, incidence: EmergentEventIncidence) {
        self.term = term
        self.incidence = incidence
    }
}

/// Participants whose most severe event has one grade.
public struct EmergentEventSeverity: Codable, Sendable, Equatable {
    /// `AESEV`: MILD, MODERATE or SEVERE.
    public var severity: String
    /// Participants by their worst grade, and events of this grade (no tests).
    public var incidence: EmergentEventIncidence

    /// A severity row.
    public init(severity: String, incidence: EmergentEventIncidence) {
        self.severity = severity
        self.incidence = incidence
    }
}
