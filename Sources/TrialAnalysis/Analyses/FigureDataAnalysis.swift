/// The figures' data: trajectories (mean ± SEM at every visit) and the percent-change
/// distributions of the remission parameters at the primary visit.
struct FigureDataAnalysis {
    let study: DerivedStudy

    /// The trajectories' points at the visits up to baseline, where no endpoint is analysed and
    /// only the moments are drawn: for each parameter × population × arm (in that order), the
    /// point of each such visit (nil at the visits after baseline). They need no endpoint, so the
    /// analysis computes them beside the endpoints. Each population's members per arm are
    /// `study.members`.
    func pointsUpToBaseline() -> [[TrajectoryPoint?]] {
        let plan = study.plan, grid = study.grid, participants = study.members
        return plan.parameters.indices.flatMap { parameter in
            study.populations.indices.flatMap { population in
                study.armLabels.indices.map { arm in
                    grid.visits.indices.map { visit in
                        grid.visits[visit] <= plan.baselineVisit
                            ? momentsPoint(parameter: parameter, visit: visit, members: participants[population][arm]) : nil
                    }
                }
            }
        }
    }

    /// The mean ± SEM of a parameter's values at a visit among `members`.
    private func momentsPoint(parameter: Int, visit: Int, members: [Int32]) -> TrajectoryPoint {
        // The members' values, the missing left out, in one pass into storage for all of them.
        let values = study.grid.withValues(parameter: parameter, visit: visit) { atVisit, _ in
            [Double](unsafeUninitializedCapacity: members.count) { values, count in
                for member in members where !atVisit[Int(member)].isNaN {
                    values[count] = atVisit[Int(member)]
                    count += 1
                }
            }
        }
        let moments = Moments(values)
        return TrajectoryPoint(visit: study.grid.visits[visit], n: moments.count, mean: moments.mean, sem: moments.standardError)
    }

    /// Figure data, reusing the endpoints' computations for the visits after baseline.
    ///
    /// - Parameters:
    ///   - endpoints: the endpoint outcomes in the order parameter × visit after baseline × population.
    ///   - pointsUpToBaseline: `pointsUpToBaseline()`.
    func run(endpoints: [EndpointAnalysis.Outcome], pointsUpToBaseline: [[TrajectoryPoint?]]) -> FigureData {
        let plan = study.plan, grid = study.grid, populations = study.populations, participants = study.members
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
                        // Up to baseline (or where an arm has no endpoint value), the moments.
                        let series = (parameter * populations.count + populationIndex) * study.armLabels.count + arm
                        return pointsUpToBaseline[series][visit]
                            ?? momentsPoint(parameter: parameter, visit: visit, members: participants[populationIndex][arm])
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
