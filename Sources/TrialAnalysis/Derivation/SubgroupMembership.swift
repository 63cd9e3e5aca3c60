import TrialData

/// The levels of one subgroup of a CDISC ADaM plan and each participant's level: the two sides of
/// a cut (as `SubgroupLevels`), or the categories of the variable in the order of
/// `BaselineCategories` (the plan's `levels`, else by `orderBy`, else sorted), labelled by the plan.
struct SubgroupMembership {
    /// The subgroup's definition in the plan.
    let definition: SubgroupDefinition
    /// The levels' labels in order.
    let labels: [String]
    /// Each participant's level, an index into `labels`; `-1` when the variable is missing.
    let codes: [Int32]

    /// The levels of `definition` for the participants of `table`.
    ///
    /// - Complexity: O(*n* + *c* log *c*) for *n* participants and *c* categories.
    init(_ definition: SubgroupDefinition, participants table: ParticipantTable) {
        self.definition = definition
        guard definition.cut == nil else {
            labels = definition.labels
            codes = SubgroupLevels(definition, participants: table).level.map(Int32.init)
            return
        }
        guard let column = table.column(named: definition.variable) else {
            labels = []
            codes = Array(repeating: -1, count: table.count)
            return
        }
        let categories = BaselineCategories(column, levels: definition.levels,
                                            orderBy: definition.orderBy.flatMap { table.numbers(named: $0) })
        let planLabels = Dictionary((definition.levels ?? []).map { ($0.value, $0.label ?? $0.value) }, uniquingKeysWith: { first, _ in first })
        labels = categories.values.map { planLabels[$0] ?? $0 }
        codes = categories.codes
    }

    /// Each participant's level label, `nil` when missing.
    func label(of participant: Int) -> String? {
        let code = codes[participant]
        return code < 0 ? nil : labels[Int(code)]
    }
}
