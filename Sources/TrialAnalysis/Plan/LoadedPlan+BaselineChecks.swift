import TrialData

extension LoadedPlan {
    /// The problems of the plan's `baseline` that only the subject-level data reveal, each at the
    /// line of `study.yaml` that is wrong: a variable or `orderBy` variable that is not in the data
    /// (with the closest name), a continuous variable or `orderBy` variable that holds text, a
    /// categorical variable with more than 50 categories, a category the plan's `levels` do not
    /// list, a category with two values of its `orderBy` variable.
    ///
    /// - Parameter participants: the subject-level data.
    /// - Returns: the diagnostics in plan order; empty when the plan has no `baseline` or it fits.
    /// - Complexity: O(*v* · *n*) for *v* variables and *n* participants.
    public func baselineProblems(with participants: ParticipantTable) -> [Diagnostic] {
        guard let baseline = plan.baseline else { return [] }
        let file = switch plan.data {
        case .seedStudy: "adsl.csv"
        case .adam(let layout): layout.subjects
        }
        let names = participants.columns.map(\.name)
        var problems: [Diagnostic] = []
        let variablesPath = PlanPath.child(PlanKey.baseline.rawValue, BaselineKey.variables.rawValue)
        for (index, variable) in baseline.variables.enumerated() {
            let path = PlanPath.element(variablesPath, index)
            func report(_ key: BaselineVariableKey, _ message: String) {
                let keyPath = PlanPath.child(path, key.rawValue)
                let at = locations.contains(keyPath) ? keyPath : path
                problems.append(Diagnostic(.error, at: locations[at], "\(at): \(message)"))
            }
            func missing(_ name: String, among candidates: [String]) -> String {
                "'\(name)' is not a variable of \(file)"
                    + (ClosestKey.suggestion(for: name, among: candidates).map { "; did you mean '\($0)'?" } ?? "")
            }
            guard let column = participants.column(named: variable.variable) else {
                report(.variable, missing(variable.variable, among: names))
                continue
            }
            let kind = variable.kind ?? (column.numbers == nil ? .categorical : .continuous)
            guard kind == .categorical else {
                if column.numbers == nil { report(.kind, "'\(variable.variable)' holds text in \(file); a continuous variable must be numeric") }
                continue
            }
            Self.categoryProblems(of: variable.variable, column, levels: variable.levels, orderBy: variable.orderBy,
                                  in: participants, file: file) { key, message in
                report(key == .count ? .kind : key == .levels ? .levels : .orderBy, message)
            }
        }
        return problems
    }

    /// Where a problem of a categorical variable belongs: its ordering variable, its `levels`, or
    /// the number of its categories.
    enum CategoryProblem {
        case orderBy, levels, count
    }

    /// The problems of the categorical variable `name` (`column`) with the plan's `levels` or
    /// `orderBy` variable: an `orderBy` variable not in the data (with the closest numeric name) or
    /// holding text, more categories than `PlanLimit.baselineLevels`, categories the `levels` do not
    /// list, a category with two values of its `orderBy` variable.
    ///
    /// - Complexity: O(*n*) for *n* participants.
    static func categoryProblems(of name: String, _ column: DataColumn, levels: [BaselineLevel]?, orderBy order: String?,
                                 in participants: ParticipantTable, file: String,
                                 report: (CategoryProblem, String) -> Void) {
        var orderBy: [Double]?
        if let order {
            guard let orderColumn = participants.column(named: order) else {
                let numericNames = participants.columns.filter { $0.numbers != nil }.map(\.name)
                report(.orderBy, "'\(order)' is not a variable of \(file)"
                    + (ClosestKey.suggestion(for: order, among: numericNames).map { "; did you mean '\($0)'?" } ?? ""))
                return
            }
            guard let numbers = orderColumn.numbers else {
                report(.orderBy, "'\(order)' holds text in \(file); the categories are ordered by a numeric variable")
                return
            }
            orderBy = numbers
        }
        let categories = BaselineCategories(column, levels: levels, orderBy: orderBy)
        let limit = PlanLimit.baselineLevels
        if categories.foundCount > limit.count {
            report(.count, "'\(name)' has \(categories.foundCount) categories in \(file), more than the \(limit.count) "
                + "a categorical variable may have; is it continuous?")
        }
        if !categories.unlisted.isEmpty {
            let shown = categories.unlisted.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
                + (categories.unlisted.count > 4 ? " and \(categories.unlisted.count - 4) more" : "")
            report(.levels, "\(name) has values the levels do not list: \(shown)")
        }
        for conflict in categories.conflictingOrder.prefix(4) {
            report(.orderBy, "\(name) '\(conflict.category)' has \(order ?? "") "
                + PlanNumber.list(conflict.orders) + "; a category must have one order value")
        }
    }
}
