/// The bundled example study (examples/uc-msc-t1d): 53 participants calibrated, by construction,
/// to reproduce the published summary of the seed study (STUDY.md; Lu et al. 2021):
///
/// - 27 UC-MSC (17 adult-onset, 10 juvenile-onset) and 26 control (16 adult-onset, 10 juvenile-onset);
/// - 11 UC-MSC remitters (9 adult-onset, 2 juvenile-onset) and 2 control remitters (one of each);
/// - within each arm × onset cell, the remitters are the participants with the highest
///   *propensity*: lower baseline fasting C-peptide, higher dose, plus noise, so that a logistic
///   regression finds the published predictors;
/// - the three UC-MSC participants with the highest propensity stop insulin for 3, 6 and 9 months;
/// - the adult-onset UC-MSC remitter with the lowest propensity meets the rule with a postprandial
///   C-peptide exactly 10.0% above baseline (so that "exactly 10% counts" is exercised);
/// - percent changes at month 12 take evenly spread quantiles of their range within each cell
///   (Latin hypercube sampling), so that the sample looks like the model, not like one lucky draw;
/// - two missed visits (month 6 and month 9) and one HbA1c recorded as missing.
///
/// Everything else (ages, BMI, baseline values, visit noise, adverse events) comes from the same
/// draws as a random study.
struct ExampleStudy: Sendable {
    /// The example's fixed seed (the year of the publication).
    static let seed: UInt64 = 2021

    /// One arm × onset cell of the design and how its remitters meet the rule, highest propensity first.
    private struct Cell {
        var arm: Arm
        var onset: Onset
        var size: Int
        var remissions: [RemissionKind]
    }

    private static let cells = [
        Cell(arm: .ucMSC, onset: .adult, size: 17, remissions: [
            .both, .both, .both, .both, .postprandialOnly, .fastingOnly, .postprandialOnly, .fastingOnly, .postprandialOnly,
        ]),
        Cell(arm: .ucMSC, onset: .juvenile, size: 10, remissions: [.postprandialOnly, .fastingOnly]),
        Cell(arm: .control, onset: .adult, size: 16, remissions: [.postprandialOnly]),
        Cell(arm: .control, onset: .juvenile, size: 10, remissions: [.fastingOnly]),
    ]

    /// The insulin-free episodes (start, end) of the three UC-MSC participants with the highest
    /// propensity: 3 months, 6 months still ongoing, 9 months still ongoing at month 12.
    private static let insulinFreeEpisodes = [
        InsulinFreeEpisode(startMonth: 6, endMonth: 9),
        InsulinFreeEpisode(startMonth: 6, endMonth: nil),
        InsulinFreeEpisode(startMonth: 3, endMonth: nil),
    ]

    /// Noise added to the propensity (in the units of 80 pmol/L of fasting C-peptide and of
    /// 10^6 cells/kg), enough to avoid perfect separation in the logistic regression, little enough
    /// that the multivariable model finds both published predictors (p < 0.05 each).
    private static let propensityNoise = 0.5

    /// The 53 participants, in USUBJID order.
    func participants() -> [Participant] {
        var design = Xoshiro256StarStar(seed: Self.seed, stream: 0)
        let cellOfParticipant = design.shuffled(Self.cells.indices.flatMap { Array(repeating: $0, count: Self.cells[$0].size) })
        let count = cellOfParticipant.count
        var generators = (1...count).map { Xoshiro256StarStar(seed: Self.seed, stream: UInt64($0)) }
        var baselines = (0..<count).map { index in
            let cell = Self.cells[cellOfParticipant[index]]
            return BaselineCharacteristics.draw(arm: cell.arm, onset: cell.onset, using: &generators[index])
        }
        let propensities = (0..<count).map { index in
            let baseline = baselines[index]
            let noise = generators[index].normal(mean: 0, standardDeviation: Self.propensityNoise)
            return -(baseline.fastingCPeptide - 260) / 80 + ((baseline.mscDose ?? 4) - 4) + noise
        }

        // Remission by propensity within each cell.
        var remission = [RemissionKind?](repeating: nil, count: count)
        var episodes = [InsulinFreeEpisode?](repeating: nil, count: count)
        var exactlyTenPercent: Int?
        for (cellIndex, cell) in Self.cells.enumerated() {
            let byPropensity = (0..<count).filter { cellOfParticipant[$0] == cellIndex }
                .sorted { propensities[$0] > propensities[$1] }
            for (rank, kind) in cell.remissions.enumerated() {
                remission[byPropensity[rank]] = kind
            }
            if cell.arm == .ucMSC && cell.onset == .adult {
                for (rank, episode) in Self.insulinFreeEpisodes.enumerated() {
                    episodes[byPropensity[rank]] = episode
                }
                exactlyTenPercent = byPropensity[cell.remissions.count - 1]
            }
        }

        // Month-12 changes at evenly spread quantiles within each cell.
        let fastingQuantiles = stratifiedQuantiles(.fastingCPeptide, cells: cellOfParticipant, remission: remission, design: &design, generators: &generators)
        let postprandialQuantiles = stratifiedQuantiles(.postprandialCPeptide, cells: cellOfParticipant, remission: remission, design: &design, generators: &generators)
        var plans = (0..<count).map { index in
            let cell = Self.cells[cellOfParticipant[index]]
            return FollowUpPlan(
                remission: remission[index], arm: cell.arm, onset: cell.onset,
                fastingQuantile: fastingQuantiles[index], postprandialQuantile: postprandialQuantiles[index],
                insulinFreeEpisode: episodes[index])
        }
        if let index = exactlyTenPercent {
            // A whole-number baseline makes +10% exact at one decimal (e.g. 480.0 → 528.0).
            baselines[index].postprandialCPeptide.round()
            plans[index].postprandialChange = 10
        }

        // Missing data, in the lowest-numbered non-remitter of a cell.
        func firstNonRemitter(_ arm: Arm, _ onset: Onset) -> Int {
            (0..<count).first {
                let cell = Self.cells[cellOfParticipant[$0]]
                return cell.arm == arm && cell.onset == onset && remission[$0] == nil
            }!
        }
        plans[firstNonRemitter(.control, .juvenile)].missedVisits = [6]
        plans[firstNonRemitter(.ucMSC, .adult)].missedVisits = [9]
        plans[firstNonRemitter(.control, .adult)].missingHbA1cVisit = 3

        return (0..<count).map { index in
            Participant(
                number: index + 1, baseline: baselines[index], lastMonth: plans[index].lastMonth,
                measurements: measurements(for: baselines[index], following: plans[index], using: &generators[index]),
                adverseEvents: adverseEvents(arm: baselines[index].arm, lastMonth: plans[index].lastMonth, using: &generators[index]),
                insulinFreeEpisode: plans[index].insulinFreeEpisode)
        }
    }

    /// For each participant, a quantile in [0, 1) of the month-12 change of `parameter`: within
    /// each cell, the participants whose `parameter` rises (or not) take one stratum each of
    /// [0, 1), in random order, and a uniform position inside it.
    private func stratifiedQuantiles(
        _ parameter: LaboratoryParameter, cells cellOfParticipant: [Int], remission: [RemissionKind?],
        design: inout Xoshiro256StarStar, generators: inout [Xoshiro256StarStar]
    ) -> [Double] {
        var quantiles = [Double](repeating: 0, count: cellOfParticipant.count)
        for cellIndex in Self.cells.indices {
            for rising in [true, false] {
                let members = cellOfParticipant.indices.filter {
                    cellOfParticipant[$0] == cellIndex && (remission[$0]?.raises(parameter) ?? false) == rising
                }
                let strata = design.shuffled(Array(members.indices))
                for (position, index) in members.enumerated() {
                    quantiles[index] = (Double(strata[position]) + generators[index].uniform()) / Double(members.count)
                }
            }
        }
        return quantiles
    }
}
