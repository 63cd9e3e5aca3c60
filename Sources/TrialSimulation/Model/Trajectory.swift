/// The adlb rows of a participant: each parameter at each attended visit, from the baseline value
/// towards the month-12 value the plan sets, with visit-to-visit noise.
///
/// - C-peptide: percent change grows linearly from 0 at baseline to the plan's month-12 change,
///   plus normal noise (SD `StudyModel.cPeptideVisitNoise` points) at months 3–9; month 12 is
///   exactly the plan's change (rounded to the decimals written), so remission is as planned.
/// - HbA1c: settles from baseline towards a settled value as exp(−month / 2.5), plus noise.
/// - Insulin dose: baseline times `StudyModel.insulinPath` (or the remission path) times
///   noise; 0 while insulin-free.
/// - Complexity: O(visits × parameters).
func measurements(
    for baseline: BaselineCharacteristics, following plan: FollowUpPlan,
    using generator: inout Xoshiro256StarStar
) -> [Measurement] {
    let inRemission = plan.remission != nil
    let settledHbA1c = generator.draw(inRemission ? StudyModel.settledHbA1cInRemission : StudyModel.settledHbA1c)
    let insulinPath = inRemission ? StudyModel.insulinPathInRemission : StudyModel.insulinPath
    var rows: [Measurement] = []
    rows.reserveCapacity(LaboratoryParameter.allCases.count * StudyModel.visits.count)
    for parameter in LaboratoryParameter.allCases {
        let start = baseline.value(of: parameter)
        for (visitIndex, visit) in StudyModel.visits.enumerated() where plan.attends(visit) {
            let value: Double
            switch parameter {
            case .fastingCPeptide, .postprandialCPeptide:
                let monthTwelveChange = parameter == .fastingCPeptide ? plan.fastingChange : plan.postprandialChange
                var change = monthTwelveChange * Double(visit) / Double(StudyModel.primaryVisit)
                if visit != 0 && visit != StudyModel.primaryVisit {
                    change += generator.normal(mean: 0, standardDeviation: StudyModel.cPeptideVisitNoise)
                }
                value = start * (1 + change / 100)
            case .hbA1c:
                let remaining = PortableMath.exp(-Double(visit) / StudyModel.hbA1cTimeConstantMonths)
                let noise = visit == 0 ? 0 : generator.normal(mean: 0, standardDeviation: StudyModel.hbA1cVisitNoise)
                value = settledHbA1c + (start - settledHbA1c) * remaining + noise
            case .insulinDose:
                let noise = visit == 0 ? 1 : generator.normal(mean: 1, standardDeviation: StudyModel.insulinVisitNoise)
                let free = plan.insulinFreeEpisode?.covers(visit) ?? false
                value = free ? 0 : max(0.05, start * insulinPath[visitIndex] * noise)
            }
            let recordedAsMissing = parameter == .hbA1c && plan.missingHbA1cVisit == visit
            rows.append(Measurement(
                parameter: parameter, visit: visit,
                value: recordedAsMissing ? nil : rounded(value, decimals: parameter.decimals)))
        }
    }
    return rows
}
