import TrialData

/// Each participant's level of one subgroup: 0 for `labelAtOrAboveCut`, 1 for `labelBelowCut`,
/// −1 when the subgroup variable is missing (or is not a numeric ADSL column, or the subgroup has no cut).
public struct SubgroupLevels: Sendable {
    /// The subgroup's definition in the plan.
    public let definition: SubgroupDefinition
    /// The level of each participant.
    public let level: [Int8]
    /// Participants in neither level (variable missing).
    public let unassigned: Int

    /// The levels of `definition` for the participants of `table`.
    ///
    /// - Complexity: O(*n*).
    public init(_ definition: SubgroupDefinition, participants table: ParticipantTable) {
        self.definition = definition
        let values = table.numbers(named: definition.variable) ?? Array(repeating: .nan, count: table.count)
        let cut = definition.cut ?? .nan
        level = values.map { value in value.isNaN || cut.isNaN ? -1 : (value >= cut ? 0 : 1) }
        unassigned = level.count { $0 < 0 }
    }
}

/// A set of participants an analysis runs in: all participants, or one subgroup level.
public struct Population: Sendable {
    /// The subgroup's name, or `nil` for all participants.
    public let subgroup: String?
    /// The level's label, or `nil` for all participants.
    public let level: String?
    /// Whether participant *i* belongs (`nil` = everyone).
    private let levels: SubgroupLevels?
    private let levelIndex: Int8

    /// All participants.
    public static let all = Population(subgroup: nil, level: nil, levels: nil, levelIndex: 0)

    private init(subgroup: String?, level: String?, levels: SubgroupLevels?, levelIndex: Int8) {
        self.subgroup = subgroup
        self.level = level
        self.levels = levels
        self.levelIndex = levelIndex
    }

    /// All participants, then each level of each subgroup, in plan order.
    public static func every(_ subgroups: [SubgroupLevels]) -> [Population] {
        [.all] + subgroups.flatMap { levels in
            levels.definition.labels.enumerated().map { index, label in
                Population(subgroup: levels.definition.name, level: label, levels: levels, levelIndex: Int8(index))
            }
        }
    }

    /// Whether the participant belongs to the population.
    @inline(__always)
    public func contains(_ participant: Int) -> Bool {
        guard let levels else { return true }
        return levels.level[participant] == levelIndex
    }

    /// A short name for notes: "all participants" or "Onset = Adult-onset".
    public var name: String {
        guard let subgroup, let level else { return "all participants" }
        return "\(subgroup) = \(level)"
    }
}
