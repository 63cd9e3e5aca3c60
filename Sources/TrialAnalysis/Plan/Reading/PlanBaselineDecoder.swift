import Yams

/// Reads `baseline` of `study.yaml`: the baseline characteristics table (see
/// `BaselineCharacteristicsPlan`). Whether its variables exist in the data is checked with the
/// data (`LoadedPlan.baselineProblems(with:)`); whether its set is one of the plan's by
/// `PlanConsistency`.
enum PlanBaselineDecoder {
    /// `baseline`; `nil` when wrong (reported).
    static func characteristics(from node: Node, at path: String, with reader: inout PlanNodeReader) -> BaselineCharacteristicsPlan? {
        let entries = reader.entries(of: node, at: path, keys: BaselineKey.self)
        guard node.mapping != nil else { return nil }
        let child = { (key: BaselineKey) in PlanPath.child(path, key.rawValue) }
        guard let variablesNode = entries[.variables] else {
            reader.report("missing key 'variables' (the subject-level variables of the table)", at: node, path: path)
            return nil
        }
        var plan = BaselineCharacteristicsPlan(variables: [])
        plan.set = entries[.set].flatMap { reader.text($0, at: child(.set)) }
        plan.continuousTest = entries[.continuousTest].flatMap { reader.choice($0, at: child(.continuousTest)) } ?? plan.continuousTest
        plan.categoricalTest = entries[.categoricalTest].flatMap { reader.choice($0, at: child(.categoricalTest)) } ?? plan.categoricalTest
        let variablesPath = child(.variables)
        guard reader.isWithin(.baselineVariables, variablesNode, at: variablesPath),
              let variables = reader.list(variablesNode, at: variablesPath, element: { variable(from: $1, at: $2, with: &$0) })
        else { return nil }
        if variables.isEmpty { reader.report("at least one variable is needed", at: variablesNode, path: variablesPath) }
        var seen: Set<String> = []
        for (index, variable) in variables.enumerated() where !seen.insert(variable.variable).inserted {
            reader.report("'\(variable.variable)' is listed twice", atPath: PlanPath.element(variablesPath, index))
        }
        guard !reader.hasFailed(path) else { return nil }
        plan.variables = variables
        return plan
    }

    /// One variable: its name alone (`AGE`), or `{variable, label, kind, decimals, levels, orderBy}`.
    private static func variable(from node: Node, at path: String, with reader: inout PlanNodeReader) -> BaselineVariable? {
        if node.scalar != nil {
            return reader.text(node, at: path).map { BaselineVariable(variable: $0) }
        }
        guard node.mapping != nil else {
            reader.report("expected a variable name or {variable: …, label: …, kind: …, decimals: …, levels: …, orderBy: …}, got "
                          + PlanNodeReader.describe(node), at: node, path: path)
            return nil
        }
        let entries = reader.entries(of: node, at: path, keys: BaselineVariableKey.self)
        let child = { (key: BaselineVariableKey) in PlanPath.child(path, key.rawValue) }
        guard let nameNode = entries[.variable] else {
            reader.report("missing key 'variable'", at: node, path: path)
            return nil
        }
        guard let name = reader.text(nameNode, at: child(.variable)) else { return nil }
        var variable = BaselineVariable(variable: name)
        variable.label = entries[.label].flatMap { reader.text($0, at: child(.label)) }
        variable.kind = entries[.kind].flatMap { reader.choice($0, at: child(.kind)) }
        variable.decimals = entries[.decimals].flatMap { reader.integer($0, at: child(.decimals), in: 0...10) } ?? variable.decimals
        variable.levels = entries[.levels].flatMap { levels(from: $0, at: child(.levels), with: &reader) }
        variable.orderBy = entries[.orderBy].flatMap { reader.text($0, at: child(.orderBy)) }
        if variable.kind == .continuous {
            for key in [BaselineVariableKey.levels, .orderBy] where entries[key] != nil {
                reader.report("'\(key.rawValue)' orders categories; '\(name)' is continuous", atPath: child(key))
            }
        }
        if entries[.levels] != nil, entries[.orderBy] != nil {
            reader.report("give either 'levels' or 'orderBy', not both", atPath: child(.orderBy))
        }
        if variable.orderBy == name {
            reader.report("'\(name)' cannot order itself; name its numeric companion (e.g. \(name)N)", atPath: child(.orderBy))
        }
        return variable
    }

    /// `levels`: a list of values (`[F, M]`) or values mapped to labels (`{F: Female, M: Male}`),
    /// each value once, at least one.
    static func levels(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [BaselineLevel]? {
        guard reader.isWithin(.baselineLevels, node, at: path) else { return nil }
        let levels: [BaselineLevel]?
        if node.mapping != nil {
            levels = reader.freeEntries(of: node, at: path).flatMap { entries in
                let labelled = entries.map { entry in
                    reader.text(entry.value, at: PlanPath.child(path, entry.key)).map { BaselineLevel(value: entry.key, label: $0) }
                }
                return labelled.contains(nil) ? nil : labelled.compactMap { $0 }
            }
        } else {
            levels = reader.list(node, at: path) { reader, element, elementPath in
                reader.text(element, at: elementPath).map { BaselineLevel(value: $0) }
            }
        }
        guard let levels else { return nil }
        if levels.isEmpty { reader.report("at least one category is needed", at: node, path: path) }
        var seen: Set<String> = []
        for level in levels where !seen.insert(level.value).inserted {
            reader.report("category '\(level.value)' is listed twice", at: node, path: path)
        }
        return levels
    }
}
