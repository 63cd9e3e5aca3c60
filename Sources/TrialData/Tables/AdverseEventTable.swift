/// AESEV: the severity of an adverse event.
public enum AdverseEventSeverity: UInt8, Sendable, Hashable, CaseIterable {
    case mild
    case moderate
    case severe

    /// The code used in adae.csv (`MILD`, `MODERATE`, `SEVERE`).
    public var code: String {
        switch self {
        case .mild: "MILD"
        case .moderate: "MODERATE"
        case .severe: "SEVERE"
        }
    }
}

/// adae.csv, one entry per adverse event, column by column (empty when the file is absent).
public struct AdverseEventTable: Sendable {
    /// The participant (an index into `ParticipantTable`) of each event.
    public var participant: [Int32] = []
    /// AEDECOD, as an index into `terms`.
    public var term: [Int32] = []
    /// AEBODSYS (system organ class), as an index into `bodySystems`.
    public var bodySystem: [Int32] = []
    /// AESEV.
    public var severity: [AdverseEventSeverity] = []
    /// AESER: whether the event is serious.
    public var serious: [Bool] = []
    /// AESTDY, study day of onset; `Double.nan` where missing or when the column is absent.
    public var studyDay: [Double] = []
    /// AEREL: whether related to treatment; `nil` where missing or when the column is absent.
    public var related: [Bool?] = []
    /// The distinct AEDECOD terms, in order of first appearance.
    public var terms = StringTable()
    /// The distinct AEBODSYS classes, in order of first appearance.
    public var bodySystems = StringTable()

    public init() {}

    /// The number of adverse events.
    public var count: Int { participant.count }
}

/// adii.csv, one entry per insulin-independence episode (empty when the file is absent).
public struct InsulinIndependenceTable: Sendable {
    /// The participant (an index into `ParticipantTable`) of each episode.
    public var participant: [Int32] = []
    /// STARTMO, month insulin was stopped.
    public var startMonth: [Double] = []
    /// ENDMO, month insulin was resumed; `Double.nan` when still insulin-free (censored at LASTMO).
    public var endMonth: [Double] = []

    public init() {}

    /// The number of episodes.
    public var count: Int { participant.count }
}
