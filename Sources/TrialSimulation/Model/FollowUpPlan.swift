/// Which C-peptide meets the remission threshold (≥ 10% above baseline) at month 12.
enum RemissionKind: Sendable {
    case postprandialOnly
    case fastingOnly
    case both

    /// Whether `parameter` (fasting or postprandial C-peptide) rises past the threshold.
    func raises(_ parameter: LaboratoryParameter) -> Bool {
        switch (self, parameter) {
        case (.both, _), (.fastingOnly, .fastingCPeptide), (.postprandialOnly, .postprandialCPeptide): true
        default: false
        }
    }
}

/// What happens to a participant during follow-up, decided before the visit values are drawn:
/// a random study draws it, the example study sets it to reproduce the published summary.
struct FollowUpPlan: Sendable {
    /// How the participant remits, or `nil` for a non-remitter.
    var remission: RemissionKind?
    /// Percent change from baseline at month 12 of fasting and postprandial C-peptide.
    var fastingChange: Double
    var postprandialChange: Double
    var insulinFreeEpisode: InsulinFreeEpisode?
    /// Follow-up visits without any measurement.
    var missedVisits: [Int] = []
    /// The last visit attended (LASTMO); later visits have no measurements.
    var lastMonth: Int = StudyModel.primaryVisit
    /// A visit whose HbA1c is recorded, but as missing (an empty AVAL).
    var missingHbA1cVisit: Int? = nil

    /// Percent changes at month 12 placed at `fastingQuantile` and `postprandialQuantile` (in
    /// [0, 1)) of the ranges `StudyModel` gives for the participant's group and remission.
    init(
        remission: RemissionKind?, arm: Arm, onset: Onset,
        fastingQuantile: Double, postprandialQuantile: Double,
        insulinFreeEpisode: InsulinFreeEpisode? = nil
    ) {
        self.remission = remission
        func change(_ parameter: LaboratoryParameter, at quantile: Double) -> Double {
            let range = Self.monthTwelveChanges(
                of: parameter, rising: remission?.raises(parameter) ?? false, arm: arm, onset: onset)
            return range.lowerBound + quantile * (range.upperBound - range.lowerBound)
        }
        fastingChange = change(.fastingCPeptide, at: fastingQuantile)
        postprandialChange = change(.postprandialCPeptide, at: postprandialQuantile)
        self.insulinFreeEpisode = insulinFreeEpisode
    }

    /// The range of the percent change at month 12: rising past the remission threshold, or the
    /// decline of the arm and onset group (less steep for adult-onset UC-MSC participants).
    static func monthTwelveChanges(
        of parameter: LaboratoryParameter, rising: Bool, arm: Arm, onset: Onset
    ) -> ClosedRange<Double> {
        let fasting = parameter == .fastingCPeptide
        if rising {
            return fasting ? StudyModel.risingFastingChange : StudyModel.risingPostprandialChange
        }
        if arm.isTreated && onset == .adult {
            return fasting ? StudyModel.preservedFastingChange : StudyModel.preservedPostprandialChange
        }
        return fasting ? StudyModel.decliningFastingChange : StudyModel.decliningPostprandialChange
    }

    /// Whether the participant attends `visit`.
    func attends(_ visit: Int) -> Bool {
        visit <= lastMonth && !missedVisits.contains(visit)
    }
}
