/// The sections of results that the seed study's layout has and a CDISC ADaM study does not yet:
/// each present, for the report and the figures of that layout.
public struct SeedStudySections: Sendable {
    /// The primary endpoint.
    public var remission: RemissionResults
    /// The predictors of remission.
    public var logistic: LogisticResults
    /// Participants who stopped insulin, and their episodes.
    public var insulinIndependence: InsulinIndependenceResults
    /// Adverse events between the two arms.
    public var adverseEvents: AdverseEventResults
    /// Baseline characteristics by arm.
    public var baseline: BaselineResults
    /// The participant flow.
    public var participantFlow: ParticipantFlow
}

extension Results {
    /// The seed study's sections, or `nil` when any of them is absent (a CDISC ADaM study).
    public var seedStudySections: SeedStudySections? {
        guard let remission, let logistic, let insulinIndependence, let adverseEvents, let baseline, let participantFlow else {
            return nil
        }
        return SeedStudySections(remission: remission, logistic: logistic, insulinIndependence: insulinIndependence,
                                 adverseEvents: adverseEvents, baseline: baseline, participantFlow: participantFlow)
    }
}
