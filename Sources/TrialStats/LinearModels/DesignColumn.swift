/// One column of a linear model's design matrix: the product of indicator functions of
/// factor levels and of numeric variables' values (the intercept has neither).
struct DesignColumn: Sendable {
    /// Each factor this column indicates, with the index of its level.
    let levels: [(variable: String, level: Int)]
    /// The numeric variables whose values multiply the column.
    let numerics: [String]
    /// The index of the term in the model's terms, `nil` for the intercept.
    let term: Int?

    /// The column's value at a point given by factor level indices and numeric values.
    func value(levelOf: (String) -> Int, numericValue: (String) -> Double) -> Double {
        for (variable, level) in levels where levelOf(variable) != level { return 0 }
        return numerics.reduce(1) { $0 * numericValue($1) }
    }
}
