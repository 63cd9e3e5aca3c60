import Yams

/// Reads `subgroups` of `study.yaml` (see `SubgroupDefinition`): each element a variable name
/// (`SEX`, split by its categories) or `{name, variable, cut, labels}` (a split at a cut) or
/// `{name, variable, levels, orderBy}` (a split by categories). Whether the variables exist in the
/// data is checked with the data (`LoadedPlan.subgroupProblems(with:)`); that the seed study's layout
/// splits at a cut only by `PlanConsistency`.
enum PlanSubgroupDecoder {
    /// `subgroups`; `nil` when the list cannot be read (reported).
    static func subgroups(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [SubgroupDefinition]? {
        guard reader.isWithin(.subgroups, node, at: path),
              let subgroups = reader.list(node, at: path, element: { subgroup(from: $1, at: $2, with: &$0) }) else { return nil }
        var names: Set<String> = []
        for (index, subgroup) in subgroups.enumerated() where !names.insert(subgroup.name).inserted {
            let element = PlanPath.element(path, index)
            let namePath = PlanPath.child(element, SubgroupKey.name.rawValue)
            reader.report("subgroup '\(subgroup.name)' is defined twice", atPath: reader.locations.contains(namePath) ? namePath : element)
        }
        return subgroups
    }

    private static func subgroup(from node: Node, at path: String, with reader: inout PlanNodeReader) -> SubgroupDefinition? {
        if node.scalar != nil {
            return reader.text(node, at: path).map { SubgroupDefinition(name: $0, variable: $0) }
        }
        let entries = reader.entries(of: node, at: path, keys: SubgroupKey.self)
        guard node.mapping != nil else { return nil }
        let child = { (key: SubgroupKey) in PlanPath.child(path, key.rawValue) }
        if entries[.variable] == nil { reader.report("missing key 'variable'", at: node, path: path) }
        let variable = entries[.variable].flatMap { reader.text($0, at: child(.variable)) }
        let cut = entries[.cut].flatMap { reader.number($0, at: child(.cut), allowNegative: true) }
        let name = entries[.name].map { reader.text($0, at: child(.name)) } ?? variable
        if entries[.cut] != nil {
            for key in [SubgroupKey.levels, .orderBy] where entries[key] != nil {
                reader.report("'\(key.rawValue)' orders the categories of a subgroup without 'cut'; a subgroup split at a cut "
                              + "has the two levels of 'labels'", atPath: child(key))
            }
            let labels = entries[.labels].map { cutLabels(from: $0, at: child(.labels), with: &reader) }
            guard let variable, let cut, let name, let labels = labels ?? defaultLabels(variable: variable, cut: cut) else { return nil }
            return SubgroupDefinition(name: name, variable: variable, cut: cut, labelAtOrAboveCut: labels[0], labelBelowCut: labels[1])
        }
        if entries[.labels] != nil {
            reader.report("'labels' names the two sides of a 'cut'; a subgroup without 'cut' is split by the variable's "
                          + "categories, named with 'levels'", atPath: child(.labels))
        }
        if entries[.levels] != nil, entries[.orderBy] != nil {
            reader.report("give either 'levels' or 'orderBy', not both", atPath: child(.orderBy))
        }
        let levels = entries[.levels].flatMap { PlanBaselineDecoder.levels(from: $0, at: child(.levels), with: &reader) }
        let orderBy = entries[.orderBy].flatMap { reader.text($0, at: child(.orderBy)) }
        if let orderBy, orderBy == variable {
            reader.report("'\(orderBy)' cannot order itself; name its numeric companion (e.g. \(orderBy)N)", atPath: child(.orderBy))
        }
        guard let variable, let name else { return nil }
        return SubgroupDefinition(name: name, variable: variable, levels: levels, orderBy: orderBy)
    }

    private static func cutLabels(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [String]? {
        guard let labels = reader.uniqueList(node, at: path, describe: { "label '\($0)'" }, element: { $0.text($1, at: $2) })
        else { return nil }
        guard labels.count == 2 else {
            reader.report("expected 2 labels (values >= cut, then values < cut), got \(labels.count)", at: node, path: path)
            return nil
        }
        return labels
    }

    /// `AGEDX >= 18` and `AGEDX < 18` when a subgroup names no labels.
    private static func defaultLabels(variable: String?, cut: Double?) -> [String]? {
        guard let variable, let cut else { return nil }
        return ["\(variable) >= \(PlanNumber.text(cut))", "\(variable) < \(PlanNumber.text(cut))"]
    }
}
