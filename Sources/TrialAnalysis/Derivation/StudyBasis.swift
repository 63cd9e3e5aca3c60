import TrialData

/// What the analyses of a study need before its measurements are in a grid: the plan, the data
/// without measurement rows and each participant's arm. The analyses of adverse events and
/// insulin-independence episodes need nothing more, so they can run while `DerivedStudy` builds
/// the grid. Participants are referred to by their index in `adsl.csv`.
public struct StudyBasis: Sendable {
    /// The plan analysed.
    public let plan: AnalysisPlan
    /// The data analysed, without its measurement rows (`DerivedStudy.grid` holds them).
    public let data: StudyData
    /// Each participant's arm: its position in `armLabels` (two arms written `{treatment,
    /// control}`: 0 treatment, 1 control).
    public let arm: [Int32]

    /// The basis of `data` and `plan`, and the measurement rows taken out of `data` (a caller that
    /// hands over its only copy lets them be released once they are in the grid).
    public static func separating(_ data: consuming StudyData, plan: AnalysisPlan) -> (basis: StudyBasis, measurements: MeasurementTable) {
        let measurements = data.measurements
        data.measurements = MeasurementTable()
        // ParticipantTable.arms are the plan's arms in result order (treatment, control).
        return (StudyBasis(plan: plan, data: data, arm: data.participants.arm), measurements)
    }

    /// The number of participants.
    public var participantCount: Int { arm.count }

    /// The arm labels in result order: treatment, then control (two arms written `{treatment,
    /// control}`); else the plan's order.
    public var armLabels: [String] { plan.arms.ordered }

    /// The month of each participant's last follow-up: `LASTMO`, else the plan's last visit.
    public func lastFollowUpMonth(of participant: Int) -> Double {
        let recorded = data.participants.numbers(named: "LASTMO")?[participant] ?? .nan
        return recorded.isNaN ? (plan.visits.last ?? 0) : recorded
    }
}
