import TrialData

/// Everything the analyses derive from the data before testing anything, in one place:
/// arms, the measurement grid (baseline, change, percent change), subgroup levels and remission.
/// Participants are referred to by their index in `adsl.csv`.
public struct DerivedStudy: Sendable {
    /// The plan, the data without measurement rows and each participant's arm.
    public let basis: StudyBasis
    /// The measurements of the plan's parameters at its visits.
    public let grid: MeasurementGrid
    /// The levels of each subgroup of the plan, in plan order.
    public let subgroups: [SubgroupLevels]
    /// All participants, then each subgroup level.
    public let populations: [Population]
    /// The positions of the remission parameters among the plan's parameters.
    public let remissionParameters: [Int]
    /// The position of the primary visit among the plan's visits.
    public let primaryVisit: Int
    /// Each participant's remission status.
    public let remission: RemissionFlags
    /// The participants of each population (in `populations` order) in each arm (in `armLabels`
    /// order), as index lists.
    public let members: [[[Int32]]]

    /// Derives the study's variables from validated data.
    ///
    /// - Complexity: O(*m* + *p* · *v* · *n*) for *m* measurements, *p* parameters, *v* visits and
    ///   *n* participants.
    public init(data: consuming StudyData, plan: AnalysisPlan) {
        let (basis, measurements) = StudyBasis.separating(consume data, plan: plan)
        self.init(basis, measurements: consume measurements)
    }

    /// Derives the study's variables from its basis and measurement rows.
    ///
    /// The measurement grid is built on a thread of its own while this one finds the populations
    /// and their members, which do not need it.
    ///
    /// - Complexity: O(*m* + *p* · *v* · *n*) for *m* measurements, *p* parameters, *v* visits and
    ///   *n* participants.
    public init(_ basis: StudyBasis, measurements: consuming MeasurementTable) {
        self.basis = basis
        let plan = basis.plan, participantCount = basis.participantCount
        let grid = BackgroundComputation { [measurements] in MeasurementGrid(measurements, participantCount: participantCount, plan: plan) }
        subgroups = plan.subgroups.map { SubgroupLevels($0, participants: basis.data.participants) }
        populations = Population.every(subgroups)
        members = populations.map { [arm = basis.arm] in Self.participantsByArm(in: $0, arm: arm, armCount: basis.armLabels.count) }
        remissionParameters = plan.remission.parameters.compactMap { code in plan.parameters.firstIndex { $0.code == code } }
        primaryVisit = plan.visits.firstIndex(of: plan.primaryVisit) ?? plan.visits.count - 1
        self.grid = grid.value()
        remission = RemissionFlags(rule: plan.remission, grid: self.grid, parameters: remissionParameters, primaryVisit: primaryVisit)
    }

    /// The plan analysed.
    public var plan: AnalysisPlan { basis.plan }

    /// The data analysed, without its measurement rows: the analyses read them from `grid`, and
    /// a large study's rows are released for the analyses' own arrays.
    public var data: StudyData { basis.data }

    /// Each participant's arm: its position in `armLabels`.
    public var arm: [Int32] { basis.arm }

    /// The number of participants.
    public var participantCount: Int { basis.participantCount }

    /// The positions in `populations` of the levels of the first subgroup that every
    /// participant has a level of (together they are all participants), or `nil`.
    var levelsPartitioningAll: [Int]? {
        var start = 1
        for levels in subgroups {
            let count = levels.definition.labels.count
            if levels.unassigned == 0 { return Array(start..<(start + count)) }
            start += count
        }
        return nil
    }

    /// A value computed from the participants of each population in each arm (`members`), where
    /// the value of all participants is combined from the levels of a subgroup that partitions
    /// them, when there is one (merging sorted samples is cheaper than sorting them again).
    ///
    /// - Parameters:
    ///   - compute: the value of a list of participants.
    ///   - combine: the value of a union of disjoint lists, from their values.
    /// - Returns: per population (in `populations` order), per arm.
    func byPopulation<Value>(compute: ([Int32]) -> Value, combine: ([Value]) -> Value) -> [[Value]] {
        var values = [[Value]?](repeating: nil, count: populations.count)
        for index in populations.indices.dropFirst() { values[index] = members[index].map(compute) }
        if let levels = levelsPartitioningAll {
            values[0] = members[0].indices.map { arm in combine(levels.map { values[$0]![arm] }) }
        } else {
            values[0] = members[0].map(compute)
        }
        return values.map { $0! }
    }

    /// The arm labels in result order (`StudyBasis.armLabels`).
    public var armLabels: [String] { basis.armLabels }

    /// The participants of `population` in each of `armCount` arms, by each one's `arm`.
    /// - Complexity: O(*n*).
    private static func participantsByArm(in population: Population, arm: [Int32], armCount: Int) -> [[Int32]] {
        var groups = [[Int32]](repeating: [], count: armCount)
        for participant in arm.indices where population.contains(participant) {
            groups[Int(arm[participant])].append(Int32(participant))
        }
        return groups
    }

    /// The numeric ADSL column or `PARAMCD.BASE` baseline values named `name`, one per
    /// participant (NaN where missing), or `nil` when there is no such numeric variable.
    public func covariate(named name: String) -> [Double]? {
        if let code = LogisticSpecification.baselineParameter(of: name),
           let parameter = plan.parameters.firstIndex(where: { $0.code == code }) {
            return (0..<participantCount).map { grid.baseline(parameter: parameter, participant: $0) }
        }
        return data.participants.numbers(named: name)
    }
}
