/// The figures' data: trajectories (mean ± SEM at every visit) and the percent-change
/// distributions of the remission parameters at the primary visit.
struct FigureDataAnalysis {
    let study: DerivedStudy

    /// Figure data, reusing the endpoints' computations for the visits after baseline.
    ///
    /// - Parameters:
    ///   - endpoints: the endpoint outcomes in the order parameter × visit after baseline × population.
    ///   - participants: each population's members per arm.
    func run(endpoints: [EndpointAnalysis.Outcome], participants: [[[Int32]]]) -> FigureData {
        let plan = study.plan, grid = study.grid, populations = study.populations
        let followUp = grid.visits.indices.filter { grid.visits[$0] > plan.baselineVisit }
        func outcome(_ parameter: Int, _ visit: Int, _ population: Int) -> EndpointAnalysis.Outcome? {
            guard let position = followUp.firstIndex(of: visit) else { return nil }
            return endpoints[(parameter * followUp.count + position) * populations.count + population]
        }
        var trajectories: [Trajectory] = []
        var distributions: [PercentChangeDistribution] = []
        for parameter in plan.parameters.indices {
            for (populationIndex, population) in populations.enumerated() {
                let byArm = study.armLabels.indices.map { arm in
                    TrajectoryArm(arm: study.armLabels[arm], points: grid.visits.indices.map { visit in
                        if let value = outcome(parameter, visit, populationIndex)?.result.byArm[arm].value {
                            return TrajectoryPoint(visit: grid.visits[visit], n: value.n, mean: value.mean, sem: value.sem)
                        }
                        // Baseline: only the moments are drawn.
                        let moments = Moments(participants[populationIndex][arm].map {
                            grid.value(parameter: parameter, visit: visit, participant: Int($0))
                        }.filter { !$0.isNaN })
                        return TrajectoryPoint(visit: grid.visits[visit], n: moments.count, mean: moments.mean,
                                               sem: moments.standardError)
                    })
                }
                trajectories.append(Trajectory(parameter: plan.parameters[parameter].code, subgroup: population.subgroup,
                                               level: population.level, byArm: byArm))
                guard study.remissionParameters.contains(parameter),
                      let primary = outcome(parameter, study.primaryVisit, populationIndex) else { continue }
                distributions.append(PercentChangeDistribution(
                    parameter: plan.parameters[parameter].code, visit: plan.primaryVisit, subgroup: population.subgroup,
                    level: population.level,
                    byArm: zip(study.armLabels, primary.percentChanges).map { BoxSummary(arm: $0, sample: $1) }))
            }
        }
        distributions.sort { first, second in
            let order = { (code: String) in plan.remission.parameters.firstIndex(of: code) ?? 0 }
            return order(first.parameter) < order(second.parameter)
        }
        return FigureData(trajectories: trajectories, percentChangeDistributions: distributions)
    }
}
