/// Adverse events per arm (`adae.csv`): by term, system organ class and severity; serious,
/// related and any events with a between-arm test.
public struct AdverseEventResults: Codable, Sendable, Equatable {
    /// One row per term, by system organ class then term.
    public var byTerm: [AdverseEventTerm]
    /// One row per system organ class, alphabetical.
    public var bySystemOrganClass: [AdverseEventClass]
    /// One row per severity: MILD, MODERATE, SEVERE; `subjects` counts participants by the most
    /// severe grade of their events (each participant once), `events` the events of that grade.
    public var bySeverity: [AdverseEventSeverity]
    /// Participants with any adverse event.
    public var anyEvent: AdverseEventIncidence
    /// Participants with a serious adverse event (`AESER` = Y).
    public var serious: AdverseEventIncidence
    /// Participants with a related adverse event (`AEREL` = Y).
    public var related: AdverseEventIncidence
    /// Events left out because they began before the first infusion (negative `AESTDY`).
    public var preTreatmentEventsExcluded: Int

    /// Adverse-event results (treatment-emergent events).
    public init(
        byTerm: [AdverseEventTerm], bySystemOrganClass: [AdverseEventClass], bySeverity: [AdverseEventSeverity],
        anyEvent: AdverseEventIncidence, serious: AdverseEventIncidence, related: AdverseEventIncidence,
        preTreatmentEventsExcluded: Int = 0
    ) {
        self.preTreatmentEventsExcluded = preTreatmentEventsExcluded
        self.byTerm = byTerm
        self.bySystemOrganClass = bySystemOrganClass
        self.bySeverity = bySeverity
        self.anyEvent = anyEvent
        self.serious = serious
        self.related = related
    }
}

/// Participants and events in one arm.
public struct AdverseEventCount: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// Participants with at least one such event.
    public var subjects: Int
    /// Events (rows of `adae.csv`).
    public var events: Int

    /// A count.
    public init(arm: String, subjects: Int, events: Int) {
        self.arm = arm
        self.subjects = subjects
        self.events = events
    }
}

/// One adverse-event term.
public struct AdverseEventTerm: Codable, Sendable, Equatable {
    /// `AEDECOD`.
    public var term: String
    /// `AEBODSYS`, the system organ class.
    public var soc: String
    /// Treatment arm, then control arm.
    public var byArm: [AdverseEventCount]
    /// Treatment minus control proportion of participants with the term.
    public var difference: ProportionDifference

    /// A term row.
    public init(term: String, soc: String, byArm: [AdverseEventCount], difference: ProportionDifference) {
        self.term = term
        self.soc = soc
        self.byArm = byArm
        self.difference = difference
    }
}

/// One system organ class.
public struct AdverseEventClass: Codable, Sendable, Equatable {
    /// `AEBODSYS`.
    public var soc: String
    /// Treatment arm, then control arm.
    public var byArm: [AdverseEventCount]

    /// A system organ class row.
    public init(soc: String, byArm: [AdverseEventCount]) {
        self.soc = soc
        self.byArm = byArm
    }
}

/// One severity grade.
public struct AdverseEventSeverity: Codable, Sendable, Equatable {
    /// `AESEV`: MILD, MODERATE or SEVERE.
    public var severity: String
    /// Treatment arm, then control arm.
    public var byArm: [AdverseEventCount]

    /// A severity row.
    public init(severity: String, byArm: [AdverseEventCount]) {
        self.severity = severity
        self.byArm = byArm
    }
}

/// Participants with a kind of adverse event, per arm, and the between-arm test.
public struct AdverseEventIncidence: Codable, Sendable, Equatable {
    /// Treatment arm, then control arm.
    public var byArm: [AdverseEventCount]
    /// The test comparing the proportions of participants (Fisher's exact test).
    public var test: TestName
    /// Its two-sided p-value.
    public var pValue: Double?

    /// An incidence; a non-finite p-value becomes `nil`.
    public init(byArm: [AdverseEventCount], test: TestName, pValue: Double?) {
        self.byArm = byArm
        self.test = test
        self.pValue = pValue.finite
    }
}
