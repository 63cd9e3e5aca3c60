/// The participant flow for the CONSORT diagram.
struct ParticipantFlowAnalysis {
    let study: DerivedStudy

    /// Per arm: allocated; with a second infusion (treatment arm, when the plan has two infusion
    /// months: participants with a measurement at a visit at or after the second); with a value
    /// of a remission parameter at the primary visit; analysed for remission.
    ///
    /// - Complexity: O(*n* · *v* · *p*).
    func run() -> ParticipantFlow {
        let infusions = study.plan.infusionMonths.sorted()
        let secondInfusion = infusions.count > 1 ? infusions[1] : nil
        var allocated = [0, 0], second = [0, 0], completed = [0, 0], analysed = [0, 0]
        let grid = study.grid
        for participant in 0..<study.participantCount {
            let arm = Int(study.arm[participant])
            allocated[arm] += 1
            if let secondInfusion,
               grid.hasVisit(atOrAfter: secondInfusion, participant: participant, parameterCount: study.plan.parameters.count) {
                second[arm] += 1
            }
            if study.remissionParameters.contains(where: {
                !grid.value(parameter: $0, visit: study.primaryVisit, participant: participant).isNaN
            }) {
                completed[arm] += 1
            }
            if study.remission.status[participant] != .excluded { analysed[arm] += 1 }
        }
        let byArm = study.armLabels.indices.map { arm in
            ParticipantFlowArm(arm: study.armLabels[arm], allocated: allocated[arm],
                               secondInfusion: arm == 0 && secondInfusion != nil ? second[arm] : nil,
                               completedPrimaryVisit: completed[arm], analysed: analysed[arm])
        }
        return ParticipantFlow(enrolled: study.participantCount, byArm: byArm)
    }
}
