/// The results of every analysis of the plan: what `trialreport analyze` prints and `render`
/// writes as `results.json` (SPEC.md §5).
///
/// Results are data: the report and the figures format them and never compute statistics.
/// Arrays listing arms hold them in the plan's order (the two-arm shorthand: the treatment arm,
/// then the control arm). A statistic that cannot be computed (too few values, a zero denominator)
/// is `nil`, written `null`; results never hold NaN or infinity (the initializers turn them into
/// `nil`). A section the plan does not have (remission in a CDISC ADaM study) is `null`. `jsonData()` writes the canonical JSON
/// that `schema/results.schema.json` describes.
public struct Results: Codable, Sendable, Equatable {
    /// The version of the results format; it changes when a key changes meaning or disappears.
    public static let currentSchemaVersion = 1

    /// The version of the results format, `Results.currentSchemaVersion` when written.
    public var schemaVersion: Int
    /// Every input file with its checksum.
    public var inputs: [InputFile]
    /// The participants per arm.
    public var arms: [ArmSize]
    /// The primary endpoint, or `nil` when the plan has no remission rule (a CDISC ADaM study).
    public var remission: RemissionResults?
    /// Every parameter × visit after baseline × (all participants, each subgroup level).
    public var endpoints: [EndpointResult]
    /// The predictors of remission, or `nil` when the plan has no remission rule.
    public var logistic: LogisticResults?
    /// Participants who stopped insulin, and their episodes, or `nil` for a study without episodes.
    public var insulinIndependence: InsulinIndependenceResults?
    /// Adverse events by term, system organ class, severity, seriousness and relatedness, between
    /// two arms, or `nil` for a CDISC ADaM study.
    public var adverseEvents: AdverseEventResults?
    /// Baseline characteristics by arm (the seed study's table), or `nil` for a CDISC ADaM study.
    public var baseline: BaselineResults?
    /// The participant flow (CONSORT) of the seed study's layout, or `nil` for a CDISC ADaM study.
    public var participantFlow: ParticipantFlow?
    /// What the figures draw beyond the statistics above (trajectories, distributions).
    public var figureData: FigureData
    /// Statistics that could not be computed and fallbacks taken, in the order of the sections.
    public var notes: [AnalysisNote]
    /// The plan as used: title, layout, arms with roles and doses, analysis sets.
    public var plan: PlanAsUsed
    /// The participants of each analysis set by arm, in the plan's order (none when the plan has no sets).
    public var analysisSets: [AnalysisSetSize]
    /// Treatment-emergent adverse events of the plan's safety set for any number of arms, by
    /// system organ class and preferred term; `nil` when not analysed.
    public var treatmentEmergentEvents: TreatmentEmergentEvents?
    /// The endpoints the plan analyses by a linear model (ANCOVA), in the plan's order (responder
    /// endpoints are in `responderEndpoints`).
    public var modelEndpoints: [ModelEndpointResult]
    /// The baseline characteristics table of the plan's `baseline` key, or `nil` when the plan has none.
    public var baselineCharacteristics: BaselineCharacteristicsTable?
    /// The endpoints the plan analyses as responders, in the plan's order.
    public var responderEndpoints: [ResponderEndpointResult]
    /// The disposition table of the plan's `disposition` key, or `nil` when the plan has none.
    public var disposition: DispositionTable?
    /// The endpoints the plan analyses by a mixed model for repeated measures (MMRM), in the
    /// plan's order, or `nil` when the plan has none.
    public var repeatedMeasuresEndpoints: [RepeatedMeasuresEndpointResult]?
    /// The CONSORT 2010 flow, for a CDISC ADaM study whose data hold the disposition table's
    /// status and reason variables, else `nil`.
    public var consortFlow: ConsortFlow?
    /// The supportive analyses of the seed study's built-in profile (log C-peptide ANCOVA and
    /// MMRM, IDAA1c partial remission), or `nil` for a study without them.
    public var supportiveAnalyses: SupportiveAnalysesResults?

    /// Results of the current schema version.
    public init(
        inputs: [InputFile], arms: [ArmSize], remission: RemissionResults?, endpoints: [EndpointResult],
        logistic: LogisticResults?, insulinIndependence: InsulinIndependenceResults?,
        adverseEvents: AdverseEventResults?, baseline: BaselineResults?, participantFlow: ParticipantFlow?,
        figureData: FigureData = .empty, notes: [AnalysisNote] = [], plan: PlanAsUsed,
        analysisSets: [AnalysisSetSize] = [], treatmentEmergentEvents: TreatmentEmergentEvents? = nil,
        modelEndpoints: [ModelEndpointResult] = [],
        baselineCharacteristics: BaselineCharacteristicsTable? = nil,
        responderEndpoints: [ResponderEndpointResult] = [],
        disposition: DispositionTable? = nil,
        repeatedMeasuresEndpoints: [RepeatedMeasuresEndpointResult]? = nil,
        consortFlow: ConsortFlow? = nil,
        supportiveAnalyses: SupportiveAnalysesResults? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.inputs = inputs
        self.arms = arms
        self.remission = remission
        self.endpoints = endpoints
        self.logistic = logistic
        self.insulinIndependence = insulinIndependence
        self.adverseEvents = adverseEvents
        self.baseline = baseline
        self.participantFlow = participantFlow
        self.figureData = figureData
        self.notes = notes
        self.plan = plan
        self.analysisSets = analysisSets
        self.treatmentEmergentEvents = treatmentEmergentEvents
        self.modelEndpoints = modelEndpoints
        self.baselineCharacteristics = baselineCharacteristics
        self.responderEndpoints = responderEndpoints
        self.disposition = disposition
        self.repeatedMeasuresEndpoints = repeatedMeasuresEndpoints
        self.consortFlow = consortFlow
        self.supportiveAnalyses = supportiveAnalyses
    }
}

/// An input file of the analysis.
public struct InputFile: Codable, Sendable, Equatable {
    /// The file name inside the study folder, e.g. `adsl.csv`.
    public var file: String
    /// The SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.
    public var sha256: String
    /// The size of the file in bytes.
    public var bytes: Int
    /// The number of data rows (header excluded), or `nil` for a file that is not a table.
    public var rows: Int?

    /// An input file.
    public init(file: String, sha256: String, bytes: Int, rows: Int?) {
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.rows = rows
    }
}

/// The number of participants in an arm.
public struct ArmSize: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// Participants allocated to the arm (rows of `adsl.csv`).
    public var n: Int

    /// An arm size.
    public init(arm: String, n: Int) {
        self.arm = arm
        self.n = n
    }
}
