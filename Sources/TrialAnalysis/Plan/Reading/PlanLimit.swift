/// How many items a plan may list. The limits are generous for real trials and keep the work of
/// every analysis, table and figure bounded (each figure stays within Cairo's 32,767-pixel limit
/// at 300 dpi); a plan over a limit is refused at the first item too many.
struct PlanLimit {
    /// The most items allowed.
    let count: Int
    /// What the items are, plural ("visits").
    let items: String

    /// The arms (`arms`; one column each in every table, one colour each in every figure).
    static let arms = PlanLimit(count: 12, items: "arms")
    /// The analysis sets (`sets`).
    static let sets = PlanLimit(count: 20, items: "analysis sets")
    /// The endpoints modelled (`endpoints`; one table each).
    static let endpoints = PlanLimit(count: 50, items: "endpoints")
    /// The visits (`visits`; the tests and trajectories are made per visit).
    static let visits = PlanLimit(count: 200, items: "visits")
    /// The visits of an MMRM endpoint (`endpoints[].visits`; the model has T(T+1)/2 covariance parameters).
    static let modelVisits = PlanLimit(count: 20, items: "visits of a repeated-measures model")
    /// The infusion months (`infusionMonths`, marked on every trajectory).
    static let infusionMonths = PlanLimit(count: 200, items: "infusion months")
    /// The parameters the plan derives (`derivedParameters`).
    static let derivedParameters = PlanLimit(count: 50, items: "derived parameters")
    /// The measured parameters (`parameters`).
    static let parameters = PlanLimit(count: 64, items: "parameters")
    /// The remission parameters (`remission.parameters`, one column each in the C-peptide figures).
    static let remissionParameters = PlanLimit(count: 8, items: "remission parameters")
    /// The subgroups (`subgroups`; two rows each in the C-peptide trajectory figure).
    static let subgroups = PlanLimit(count: 20, items: "subgroups")
    /// The covariates of the logistic model (`logistic.covariates`, `logistic.oddsRatioPer`).
    static let covariates = PlanLimit(count: 20, items: "covariates")
    /// The variables of the baseline characteristics table (`baseline.variables`).
    static let baselineVariables = PlanLimit(count: 100, items: "baseline variables")
    /// Output numbers fixed by `tlf.numbers`.
    static let tlfNumbers = PlanLimit(count: 500, items: "output numbers")
    /// The categories of one categorical baseline variable (`levels`, or those found in the data).
    static let baselineLevels = PlanLimit(count: 50, items: "categories")
    /// The rows of results and report tables: visits × parameters × groups (all participants and
    /// two per subgroup). The limits above multiply: at 200 visits × 64 parameters a render took
    /// 40 s and 1.4 GB for a 3,786-page report, at all of them more than 9 minutes and 10 GB;
    /// 3,000 rows (the example has 60, 200 visits alone 2,400) render in about 5 s of CPU in a
    /// release build (Guides/BadInput.md, "Bounds on time and memory").
    static let reportRows = PlanLimit(count: 3_000, items: "report rows")
}
