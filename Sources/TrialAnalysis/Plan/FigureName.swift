/// The trial's figures (file names fixed by issue 5); the plan's `figures` selects which to draw.
/// The seed study's file layout draws `seedStudy`, a CDISC ADaM study `adam`.
public enum FigureName: String, Sendable, Hashable, CaseIterable {
    /// Percent change to the primary visit in fasting and postprandial C-peptide, by arm and onset group.
    case cpeptideChange = "cpeptide-change"
    /// Fasting and postprandial C-peptide over visits, mean ± SEM by arm.
    case cpeptideTrajectory = "cpeptide-trajectory"
    /// HbA1c over visits, mean ± SEM by arm.
    case hba1cTrajectory = "hba1c-trajectory"
    /// Daily insulin dose over visits, mean ± SEM by arm.
    case insulinDoseTrajectory = "insulin-dose-trajectory"
    /// Swimmer plot of insulin-independence episodes.
    case insulinIndependence = "insulin-independence"
    /// Remission rate with 95 % CI by arm, overall and per subgroup level.
    case remissionRates = "remission-rates"
    /// Forest plot of the logistic model's odds ratios.
    case remissionForest = "remission-forest"
    /// CONSORT participant-flow diagram.
    case consort
    /// Dot plot of adverse-event incidence by term and arm.
    case adverseEvents = "adverse-events"
    /// Mean with 95% CI of each modelled endpoint's value by visit and arm (CDISC ADaM studies).
    case endpointMeans = "endpoint-means"
    /// Forest plot of each modelled endpoint's least-squares mean differences from the reference arm (CDISC ADaM studies).
    case endpointForest = "endpoint-forest"
    /// Dot plot of the percentage of each arm with the most frequent treatment-emergent preferred terms (CDISC ADaM studies).
    case emergentEvents = "emergent-events"
    /// CONSORT-style flow of each arm's participants: allocated, completed, discontinued with reasons, analysis sets (CDISC ADaM studies).
    case dispositionFlow = "disposition-flow"
    /// Forest plot of each endpoint's effects within the subgroup levels with the interaction p (CDISC ADaM studies).
    case subgroupForest = "subgroup-forest"

    /// The figures of the seed study's file layout, in their default order (its default `figures`).
    public static let seedStudy: [FigureName] = [
        .cpeptideChange, .cpeptideTrajectory, .hba1cTrajectory, .insulinDoseTrajectory, .insulinIndependence,
        .remissionRates, .remissionForest, .consort, .adverseEvents,
    ]

    /// The figures of a CDISC ADaM study, in their default order (its default `figures`).
    public static let adam: [FigureName] = [.dispositionFlow, .endpointMeans, .endpointForest, .subgroupForest, .emergentEvents]
}
