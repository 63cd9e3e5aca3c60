/// Which files of a study folder hold what, under which variable names.
public enum StudyLayout: Sendable, Hashable {
    /// The seed study's files and columns: adsl.csv, adlb.csv, adae.csv and adii.csv.
    case seedStudy
    /// CDISC ADaM datasets (CSV or SAS transport), named by the plan.
    case adam(AdamLayout)
}

/// CDISC ADaM datasets of a study folder: the files and the standard variables used.
public struct AdamLayout: Sendable, Hashable {
    /// The subject-level dataset (ADSL), e.g. `adsl.xpt`.
    public var subjects: String
    /// The occurrence dataset of adverse events (ADAE), or `nil` when the study has none.
    public var events: String?
    /// The Basic Data Structure datasets of measurements (ADLB, ADQS, ADVS…), in the plan's order.
    public var measurements: [String]
    /// The planned-treatment variable of ADSL whose values are the arms (`TRT01P`).
    public var treatment: String
    /// The actual-treatment variable (`TRT01A`), or `nil`; its values must be arms or blank.
    public var actualTreatment: String?
    /// The population flags the plan uses (`SAFFL`, `ITTFL`, …): each value `Y`, `N` or blank.
    public var flags: [String]
    /// The flag of treatment-emergent events in the events dataset (`TRTEMFL`); when the dataset
    /// has it, only events flagged `Y` are analysed.
    public var emergentFlag: String
    /// The values of AREL/AEREL that count as related (e.g. `PROBABLE`, `POSSIBLE`), or `nil`
    /// when the variable holds `Y` and `N`.
    public var relatedValues: [String]?
    /// With `relatedValues`, the other values the variable may hold (e.g. `NONE`, `REMOTE`).
    public var unrelatedValues: [String]

    /// A layout; the defaults are ADaM's standard names.
    public init(subjects: String = "adsl.xpt", events: String? = "adae.xpt", measurements: [String] = [], treatment: String = "TRT01P",
                actualTreatment: String? = "TRT01A", flags: [String] = [], emergentFlag: String = "TRTEMFL",
                relatedValues: [String]? = nil, unrelatedValues: [String] = []) {
        self.subjects = subjects
        self.events = events
        self.measurements = measurements
        self.treatment = treatment
        self.actualTreatment = actualTreatment
        self.flags = flags
        self.emergentFlag = emergentFlag
        self.relatedValues = relatedValues
        self.unrelatedValues = unrelatedValues
    }

    /// Every file the layout names: the subject-level dataset, the events, the measurements.
    public var files: [String] {
        [subjects] + (events.map { [$0] } ?? []) + measurements
    }

    /// The ADSL variables read as text whatever their values: the identifier, the treatments, the flags.
    var textVariables: Set<String> {
        Set(["USUBJID", treatment] + (actualTreatment.map { [$0] } ?? []) + flags)
    }
}
