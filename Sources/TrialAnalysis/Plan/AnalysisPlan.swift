import TrialData
import TrialStats

/// The statistical analysis plan: everything study-specific that the analyses need (SPEC.md §2).
///
/// A plan is plain data. `AnalysisPlan()` is the built-in plan, the seed study's (the UC-MSC
/// type 1 diabetes study of STUDY.md); `study.yaml` overrides any part of it (see
/// `AnalysisPlan.load(yaml:file:)`). Months are months since the first infusion, as `AVISITN`.
public struct AnalysisPlan: Sendable, Hashable {
    /// The study title shown on the report's title page.
    public var title: String
    /// Which files of the study folder hold what, under which variable names: the seed study's
    /// layout (SPEC.md §1), or CDISC ADaM datasets.
    public var data: StudyLayout
    /// The arms, as their labels appear in the treatment variable (`adsl.csv` `ARM`), one of them
    /// the reference.
    public var arms: ArmLabels
    /// The analysis sets defined by subject-level flags (ADaM layouts only), in the plan's order.
    public var sets: [AnalysisSet]
    /// The endpoints analysed by a linear model (ADaM layouts only), in the plan's order.
    public var endpoints: [ModelEndpoint]
    /// The scheduled visits in months, ascending; the baseline visit is one of them.
    public var visits: [Double]
    /// The visit whose values are the baseline of change and percent change.
    public var baselineVisit: Double
    /// The visit of the primary endpoint; one of `visits`, after `baselineVisit`.
    public var primaryVisit: Double
    /// The months at which the treatment arm received an infusion (marked on trajectories).
    public var infusionMonths: [Double]
    /// The measured parameters (`PARAMCD`) with their display label, unit and decimals, in report order.
    public var parameters: [ParameterDefinition]
    /// The primary endpoint: when a participant counts as in remission.
    public var remission: RemissionRule
    /// The subgroups analysed besides all participants, each splitting an ADSL variable at a cut
    /// (the seed study's layout) or by its categories (CDISC ADaM studies).
    public var subgroups: [SubgroupDefinition]
    /// The between-arm test of continuous values and changes.
    public var continuousTest: ContinuousTest
    /// The within-arm test of a visit against baseline.
    public var pairedTest: PairedTest
    /// The adjustment of the p-values of each arm against the reference (more than two arms).
    public var multiplicity: MultiplicityAdjustment
    /// The logistic regression of remission on baseline covariates.
    public var logistic: LogisticSpecification
    /// The baseline characteristics table of any subject-level variables, or `nil` for the seed
    /// study's own baseline table only.
    public var baseline: BaselineCharacteristicsPlan?
    /// The figures to draw, in the order given.
    public var figures: [FigureName]
    /// How treatment-emergent adverse events are tabulated by system organ class and preferred
    /// term, or `nil` when the plan has no `safety` section.
    public var safety: SafetySpecification?
    /// The TLF package: whether it is written, where titles go, the output numbers the plan fixes.
    public var tlf: TLFSettings
    /// The disposition table (completion and reasons for discontinuation; ADaM layouts only), or
    /// `nil` when the plan has no `disposition` section.
    public var disposition: DispositionPlan?
    /// The parameters derived from the measurement datasets' records (ADaM layouts only), in order:
    /// one may use those before it.
    public var derivedParameters: [DerivedParameter]
    /// How the figures look: a journal preset, panel letters, notes in the image or the caption.
    public var figureStyle: FigureStyle
    /// The formats of the figure files in `figures/`, in this order (by default PDF, SVG and PNG).
    public var figureFormats: [FigureFormat]
    /// The resolution of the PNG and TIFF figure files in dots per inch, 72…1200 (default 300).
    public var figureDpi: Double

    /// A plan; every argument defaults to the seed study's choice (SPEC.md §2); the subgroups
    /// default to the seed study's onset groups in its layout, to none for CDISC ADaM data.
    public init(
        title: String = "UC-MSC in recent-onset type 1 diabetes",
        data: StudyLayout = .seedStudy,
        arms: ArmLabels = ArmLabels(),
        sets: [AnalysisSet] = [],
        endpoints: [ModelEndpoint] = [],
        visits: [Double] = [0, 3, 6, 9, 12],
        baselineVisit: Double = 0,
        primaryVisit: Double = 12,
        infusionMonths: [Double] = [0, 3],
        parameters: [ParameterDefinition] = ParameterDefinition.seedStudy,
        remission: RemissionRule = RemissionRule(),
        subgroups: [SubgroupDefinition]? = nil,
        continuousTest: ContinuousTest = .mannWhitney,
        pairedTest: PairedTest = .wilcoxon,
        multiplicity: MultiplicityAdjustment = .none,
        logistic: LogisticSpecification = LogisticSpecification(),
        figures: [FigureName] = FigureName.seedStudy,
        safety: SafetySpecification? = nil,
        baseline: BaselineCharacteristicsPlan? = nil,
        tlf: TLFSettings = TLFSettings(),
        disposition: DispositionPlan? = nil,
        derivedParameters: [DerivedParameter] = [],
        figureStyle: FigureStyle = FigureStyle(),
        figureFormats: [FigureFormat] = FigureFormat.standard,
        figureDpi: Double = 300
    ) {
        self.title = title
        self.data = data
        self.arms = arms
        self.sets = sets
        self.endpoints = endpoints
        self.visits = visits
        self.baselineVisit = baselineVisit
        self.primaryVisit = primaryVisit
        self.infusionMonths = infusionMonths
        self.parameters = parameters
        self.remission = remission
        self.subgroups = subgroups ?? (data == .seedStudy ? [SubgroupDefinition.onset] : [])
        self.continuousTest = continuousTest
        self.pairedTest = pairedTest
        self.multiplicity = multiplicity
        self.logistic = logistic
        self.baseline = baseline
        self.figures = figures
        self.safety = safety
        self.tlf = tlf
        self.disposition = disposition
        self.derivedParameters = derivedParameters
        self.figureStyle = figureStyle
        self.figureFormats = figureFormats
        self.figureDpi = figureDpi
    }

    /// The visits after baseline, ascending: the visits of the secondary endpoints.
    public var followUpVisits: [Double] {
        visits.filter { $0 > baselineVisit }
    }

    /// The definition of the parameter with this `PARAMCD`, if the plan has one.
    ///
    /// - Complexity: O(*p*) for *p* parameters.
    public func parameter(_ code: String) -> ParameterDefinition? {
        parameters.first { $0.code == code }
    }
}
