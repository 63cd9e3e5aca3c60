/// The data of a linear model, checked and coded: the complete rows, each factor's
/// levels and codes, and the design columns with R's names (the design matrix is made from
/// them when a fit asks for it: `design(columns:)`).
///
/// Terms are ordered by their number of variables (main effects, then two-way
/// interactions, …), keeping the given order within each degree, and the variables of an
/// interaction by their first appearance in the model, as R's `terms()`; the intercept is
/// always included. Rows with a missing response or a missing value in
/// a variable some term uses are dropped (R's `na.omit`), then factor levels with no row
/// left are dropped (R's `drop.unused.levels`), so the reference is the first level present.
///
/// ```swift
/// let frame = try ModelFrame(
///     response: change,
///     variables: ["TRT": .factor(arm, levels: ["0", "54", "81"]), "SITE": .factor(site), "BASE": .numeric(base)],
///     terms: [ModelTerm("TRT"), ModelTerm("SITE"), ModelTerm("BASE")])
/// ```
public struct ModelFrame: Sendable {
    /// The terms in R's order (by degree).
    public let terms: [ModelTerm]
    /// The response on the complete rows.
    public let response: [Double]
    /// The indices (into the given rows) of the complete rows, ascending.
    public let completeRows: [Int]
    /// How many rows were dropped for a missing value.
    public let droppedRowCount: Int
    /// Each factor's levels present in the complete rows, reference first.
    public let factorLevels: [String: [String]]
    /// R's names of the design columns: "(Intercept)", "BASE", "TRT54", "TRT54:BASE", …
    public let columnNames: [String]
    /// Each used numeric variable on the complete rows.
    let numericValues: [String: [Double]]
    /// Each used factor's level indices on the complete rows.
    let factorCodes: [String: [Int]]
    /// How each design column is made.
    let columns: [DesignColumn]

    /// The number of complete rows.
    public var observationCount: Int { response.count }

    /// Checks the variables, drops incomplete rows and codes the design matrix.
    /// - Throws: ``LinearModelError`` for an unknown variable, a length mismatch, a repeated
    ///   term, a factor label that is not a level, no complete row, or a factor with a single
    ///   level in the complete rows (R: "contrasts can be applied only to factors with 2 or more levels").
    /// - Complexity: O(n·p) for n rows and p design columns.
    public init(response: [Double], variables: [String: ModelVariable], terms: [ModelTerm]) throws(LinearModelError) {
        var seen = Set<ModelTerm>()
        for term in terms {
            guard seen.insert(ModelTerm(variables: term.variables.sorted())).inserted else {
                throw .duplicateTerm(term.description)
            }
            for name in term.variables {
                guard let variable = variables[name] else { throw .unknownVariable(name, term: term.description) }
                guard variable.count == response.count else {
                    throw .lengthMismatch(variable: name, count: variable.count, expected: response.count)
                }
            }
        }
        let ordered = Self.ordered(terms)
        let used = Array(Set(ordered.flatMap(\.variables))).sorted()
        var isComplete = response.map(\.isFinite)
        for name in used { variables[name]!.clearMissing(in: &isComplete) }
        var complete: [Int] = []
        complete.reserveCapacity(response.count)
        for row in isComplete.indices where isComplete[row] { complete.append(row) }
        guard !complete.isEmpty else { throw .noCompleteRows }

        var numerics: [String: [Double]] = [:]
        var codes: [String: [Int]] = [:]
        var levels: [String: [String]] = [:]
        for name in used {
            switch variables[name]! {
            case let .numeric(values):
                numerics[name] = complete.map { values[$0] }
            case let .factor(labels, allLevels):
                (codes[name], levels[name]) = try Self.code(labels, levels: allLevels, rows: complete, variable: name)
            case let .coded(positions, allLevels):
                (codes[name], levels[name]) = try Self.code(positions, levels: allLevels, rows: complete, variable: name)
            }
            if let present = levels[name], present.count < 2 { throw .singleLevel(variable: name, level: present.first ?? "") }
        }
        self.terms = ordered
        self.response = complete.map { response[$0] }
        completeRows = complete
        droppedRowCount = response.count - complete.count
        factorLevels = levels
        numericValues = numerics
        factorCodes = codes
        columns = Self.designColumns(ordered, levels: levels)
        columnNames = columns.map { Self.name(of: $0, levels: levels, variablesOf: ordered) }
    }

    /// The design matrix of the design columns `selected` (all of them by default, intercept
    /// first), coded from the factor codes and numeric values. A frame does not keep it: a fit
    /// decomposes it in place, and a repeated-measures frame never needs it.
    /// - Complexity: O(n·p) for n rows and p columns selected.
    func design(columns selected: [Int]? = nil) -> DesignMatrix {
        let selected = selected ?? Array(columns.indices)
        return DesignMatrix(rows: observationCount, columns: selected.count) { j, values in
            let column = columns[selected[j]]
            values.initialize(repeating: 1)
            for (variable, level) in column.levels {
                let rowLevels = factorCodes[variable]!
                for row in values.indices where rowLevels[row] != level { values[row] = 0 }
            }
            for name in column.numerics {
                let multiplier = numericValues[name]!
                for row in values.indices { values[row] *= multiplier[row] }
            }
        }
    }

    /// The design row at a point: each factor's level index and each numeric variable's value.
    func designRow(levelOf: (String) -> Int, numericValue: (String) -> Double) -> [Double] {
        columns.map { $0.value(levelOf: levelOf, numericValue: numericValue) }
    }

    /// R's `terms()` order: by number of variables, stable; within an interaction the
    /// variables in the order of their first appearance in the model (`cyl:hp` after `hp` is `hp:cyl`).
    static func ordered(_ terms: [ModelTerm]) -> [ModelTerm] {
        var appearance: [String: Int] = [:]
        for name in terms.flatMap(\.variables) where appearance[name] == nil { appearance[name] = appearance.count }
        return terms.enumerated()
            .sorted { ($0.element.variables.count, $0.offset) < ($1.element.variables.count, $1.offset) }
            .map { ModelTerm(variables: $0.element.variables.sorted { appearance[$0]! < appearance[$1]! }) }
    }

    /// The level indices of `labels` on `rows`, renumbered over the levels present there.
    private static func code(
        _ labels: [String?], levels: [String], rows: [Int], variable: String
    ) throws(LinearModelError) -> (codes: [Int], present: [String]) {
        var index: [String: Int] = [:]
        for (position, level) in levels.enumerated() where index[level] == nil { index[level] = position }
        var full = [Int]()
        full.reserveCapacity(rows.count)
        var isPresent = [Bool](repeating: false, count: levels.count)
        // Rows of one level usually follow each other: the label before is compared first (cheap
        // for strings that share storage or are short), the dictionary asked only on a change.
        var last: (label: String, position: Int)?
        for row in rows {
            let label = labels[row]!
            if let last, last.label == label {
                full.append(last.position)
                continue
            }
            guard let position = index[label] else { throw .unknownLevel(variable: variable, row: row, label: label) }
            full.append(position)
            isPresent[position] = true
            last = (label, position)
        }
        let present = renumber(&full, levels: levels, isPresent: isPresent)
        return (full, present)
    }

    /// The level positions of `positions` on `rows`, renumbered over the levels present there.
    private static func code(
        _ positions: [Int32], levels: [String], rows: [Int], variable: String
    ) throws(LinearModelError) -> (codes: [Int], present: [String]) {
        var full = [Int]()
        full.reserveCapacity(rows.count)
        var isPresent = [Bool](repeating: false, count: levels.count)
        for row in rows {
            let position = Int(positions[row])
            guard position < levels.count else { throw .unknownLevel(variable: variable, row: row, label: "level \(position)") }
            full.append(position)
            isPresent[position] = true
        }
        let present = renumber(&full, levels: levels, isPresent: isPresent)
        return (full, present)
    }

    /// Renumbers `full`'s level positions over the levels present; returns those levels in order.
    private static func renumber(_ full: inout [Int], levels: [String], isPresent: [Bool]) -> [String] {
        var renumbered = [Int](repeating: -1, count: levels.count)
        var present: [String] = []
        for position in levels.indices where isPresent[position] {
            renumbered[position] = present.count
            present.append(levels[position])
        }
        for row in full.indices { full[row] = renumbered[full[row]] }
        return present
    }

    /// The columns of every term, after the intercept: a factor is coded by treatment
    /// contrasts when the term without it is in the model (the intercept counts), by
    /// indicators of every level otherwise; the first factor varies fastest (R's order).
    static func designColumns(_ terms: [ModelTerm], levels: [String: [String]]) -> [DesignColumn] {
        let termSets = Set(terms.map { Set($0.variables) })
        var result = [DesignColumn(levels: [], numerics: [], term: nil)]
        for (index, term) in terms.enumerated() {
            var combinations: [[(variable: String, level: Int)]] = [[]]
            for name in term.variables {
                guard let factorLevels = levels[name] else { continue }
                let margin = Set(term.variables).subtracting([name])
                let first = margin.isEmpty || termSets.contains(margin) ? 1 : 0
                var next: [[(variable: String, level: Int)]] = []
                for level in first..<factorLevels.count {
                    for combination in combinations { next.append(combination + [(name, level)]) }
                }
                combinations = next
            }
            let numerics = term.variables.filter { levels[$0] == nil }
            result += combinations.map { DesignColumn(levels: $0, numerics: numerics, term: index) }
        }
        return result
    }

    /// R's column name: each variable in the term's order, a factor followed by its level.
    static func name(of column: DesignColumn, levels: [String: [String]], variablesOf terms: [ModelTerm]) -> String {
        guard let term = column.term else { return "(Intercept)" }
        return terms[term].variables.map { name in
            guard let level = column.levels.first(where: { $0.variable == name })?.level else { return name }
            return name + levels[name]![level]
        }.joined(separator: ":")
    }
}
