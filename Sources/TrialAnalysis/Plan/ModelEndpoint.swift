/// An endpoint analysed by a linear model (ANCOVA) at one visit, or by a mixed model for repeated
/// measures (MMRM) over several: a parameter of a Basic Data Structure dataset, its value, change or
/// percent change, arm plus covariates (each by visit in an MMRM), in an analysis set; or, with a
/// `responder` rule, the share of responders per arm at one visit.
///
/// For example the CDISC pilot's primary endpoint: the ADAS-Cog(11) total (`ACTOT`) change from
/// baseline at week 24 (`AVISITN` 24) in the efficacy set, records with `ANL01FL = Y`, adjusted
/// for site group and baseline, with LS means weighted in proportion to the data.
public struct ModelEndpoint: Sendable, Hashable {
    /// What is modelled.
    public enum Measure: String, CaseIterable, Sendable {
        /// AVAL at the visit.
        case value
        /// The change from baseline: CHG, else AVAL − BASE.
        case change
        /// The percent change from baseline: PCHG, else (AVAL − BASE) / BASE × 100.
        case percentChange
    }

    /// How the LS means average over the levels of the other factors (emmeans' `weights`).
    public enum Weights: String, CaseIterable, Sendable {
        /// Each combination of the other factors' levels alike (emmeans' default).
        case equal
        /// Each combination by its frequency in the data (SAS's `OM`).
        case proportional
        /// Each combination by the product of the factors' marginal frequencies.
        case outer
    }

    /// The model fitted.
    public enum Model: String, CaseIterable, Sendable {
        /// A linear model at one visit (R's `lm`).
        case ancova
        /// A mixed model for repeated measures over several visits (R's `nlme::gls` with REML),
        /// on the observed records only (DTYPE blank): the missing-at-random analysis.
        case mmrm
    }

    /// A covariance structure over the visits of an MMRM, as the plan writes it.
    public enum Covariance: String, CaseIterable, Sendable {
        /// Every variance and covariance free.
        case unstructured
        /// One variance and one correlation between any two visits.
        case compoundSymmetry = "compound-symmetry"
        /// One variance, correlation ρ^k between visits k apart in the list.
        case ar1
        /// A variance per visit and a correlation per lag (visits k apart in the list).
        case toeplitzHeterogeneous = "toeplitz-heterogeneous"
    }

    /// The degrees of freedom of an MMRM's tests and intervals.
    public enum DegreesOfFreedom: String, CaseIterable, Sendable {
        /// Satterthwaite's approximation for each estimate.
        case satterthwaite
        /// Kenward and Roger's adjusted covariance of the fixed effects and their degrees of freedom.
        case kenwardRoger = "kenward-roger"
    }

    /// The name the report gives the endpoint.
    public var name: String
    /// The parameter (`PARAMCD`).
    public var parameter: String
    /// The analysis visit (`AVISITN`).
    public var visit: Double
    /// The value modelled.
    public var measure: Measure
    /// The analysis set, or `nil` for every participant in the arm assigned.
    public var set: String?
    /// The record-level flag (`ANL01FL`) whose value `Y` selects the records analysed, or `nil` for all.
    public var recordFlag: String?
    /// Whether records with a derivation type (DTYPE, e.g. LOCF) are left out, so that a participant
    /// without an observed value at the visit is missing; an MMRM always leaves them out.
    public var observedOnly: Bool
    /// The covariates besides the arm, in model order: subject-level variables (a text variable is a
    /// factor, a numeric one a covariate) or `BASE`, the parameter's baseline.
    public var covariates: [String]
    /// The weights of the LS means.
    public var weights: Weights
    /// The arms analysed, by label, or `nil` for every arm of the plan; they include the reference arm.
    public var arms: [String]?
    /// The rule of a responder endpoint, whose responders are compared between the arms instead of
    /// the measure being modelled (the covariates and weights then do not apply), or `nil`.
    public var responder: ResponderRule?
    /// The model: ANCOVA at `visit`, or MMRM over `visits`.
    public var model: Model
    /// The analysis visits (`AVISITN`) of an MMRM, in order; empty for ANCOVA.
    public var visits: [Double]
    /// An MMRM's covariance structures, tried in order until one can be fitted.
    public var covariance: [Covariance]
    /// An MMRM's degrees of freedom.
    public var degreesOfFreedom: DegreesOfFreedom
    /// The offset *c* of an analysis on the log scale, or `nil` for none: the value is analysed as
    /// log(value + *c*) and the baseline covariate as log(baseline + *c*); the least-squares means
    /// are then back-transformed to exp(mean) − *c* and their differences to ratios exp(difference)
    /// (ratios of geometric means of value + *c*). Applies to `measure` `value` only.
    public var logOffset: Double?

    /// An endpoint; by default the change from baseline adjusted for the baseline, LS means with equal weights.
    public init(name: String, parameter: String, visit: Double, measure: Measure = .change, set: String? = nil,
                recordFlag: String? = nil, observedOnly: Bool = false, covariates: [String] = [ModelEndpoint.baseline], weights: Weights = .equal,
                arms: [String]? = nil, responder: ResponderRule? = nil, model: Model = .ancova, visits: [Double] = [], covariance: [Covariance] = [.unstructured],
                degreesOfFreedom: DegreesOfFreedom = .satterthwaite, logOffset: Double? = nil) {
        self.name = name
        self.parameter = parameter
        self.visit = visit
        self.measure = measure
        self.set = set
        self.recordFlag = recordFlag
        self.observedOnly = observedOnly
        self.covariates = covariates
        self.weights = weights
        self.arms = arms
        self.responder = responder
        self.model = model
        self.visits = visits
        self.covariance = covariance
        self.degreesOfFreedom = degreesOfFreedom
        self.logOffset = logOffset
    }

    /// The covariate that names the parameter's baseline value.
    public static let baseline = "BASE"
}
