/// What the analysis plan expects of the data, in terms TrialData can check without reading
/// the plan itself: TrialAnalysis builds one from study.yaml, and `seedStudy` holds the
/// defaults of SPEC.md (the UC-MSC type 1 diabetes study).
public struct StudyExpectations: Sendable, Hashable {
    /// A measured parameter (an ADLB `PARAMCD`) the plan knows.
    public struct Parameter: Sendable, Hashable {
        /// The `PARAMCD` code, e.g. `CPEPF`.
        public var code: String
        /// The unit `AVALU` must equal when given, e.g. `pmol/L`.
        public var unit: String
        /// Whether a negative `AVAL` is valid. Concentrations, percentages and doses cannot be
        /// negative, so the default is `false`.
        public var allowsNegative: Bool

        public init(code: String, unit: String, allowsNegative: Bool = false) {
            self.code = code
            self.unit = unit
            self.allowsNegative = allowsNegative
        }
    }

    /// The arm labels `ARM` may take, treatment first.
    public var arms: [String]
    /// The parameters of the plan, in the order tables should list them.
    public var parameters: [Parameter]
    /// The parameters of the remission rule: every participant needs a baseline value of each.
    public var remissionParameters: [String]
    /// The `AVISITN` of the baseline visit.
    public var baselineVisit: Double
    /// ADSL columns beyond SPEC's that the plan uses (e.g. logistic covariates); each must exist.
    public var adslColumns: [String]
    /// Which files hold what, under which names.
    public var layout: StudyLayout

    public init(arms: [String], parameters: [Parameter], remissionParameters: [String],
                baselineVisit: Double, adslColumns: [String] = [], layout: StudyLayout = .seedStudy) {
        self.arms = arms
        self.parameters = parameters
        self.remissionParameters = remissionParameters
        self.baselineVisit = baselineVisit
        self.adslColumns = adslColumns
        self.layout = layout
    }

    /// The plan of SPEC.md's seed study: arms `UC-MSC` and `Control`; `CPEPF` and `CPEPP` in
    /// pmol/L, `HBA1C` in %, `INSDOSE` in IU/kg/day; remission on `CPEPF` and `CPEPP`;
    /// baseline at visit 0.
    public static let seedStudy = StudyExpectations(
        arms: ["UC-MSC", "Control"],
        parameters: [
            Parameter(code: "CPEPF", unit: "pmol/L"),
            Parameter(code: "CPEPP", unit: "pmol/L"),
            Parameter(code: "HBA1C", unit: "%"),
            Parameter(code: "INSDOSE", unit: "IU/kg/day"),
        ],
        remissionParameters: ["CPEPF", "CPEPP"],
        baselineVisit: 0
    )
}
