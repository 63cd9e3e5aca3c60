/// One term of a linear model's formula: a variable's main effect, or the interaction
/// of two or more variables (R's `a:b`).
///
/// A numeric variable contributes its values; a factor contributes one column per level
/// after the reference (treatment contrasts), or one per level when the term obtained by
/// leaving it out is not in the model, as R's `model.matrix` codes `x + f:x`.
public struct ModelTerm: Sendable, Hashable, CustomStringConvertible {
    /// The variables, in the order written.
    public let variables: [String]

    /// The main effect of one variable (`ModelTerm("BASE")`) or an interaction
    /// (`ModelTerm("TRT", "VISIT")`).
    public init(_ variables: String...) {
        self.variables = variables
    }

    /// The term's variables given as an array.
    public init(variables: [String]) {
        self.variables = variables
    }

    /// R's label: the variable names joined by ":".
    public var description: String { variables.joined(separator: ":") }

    /// Whether every variable of `self` is in `other` (R's marginality: `a` is contained in `a:b`).
    func isContained(in other: ModelTerm) -> Bool {
        Set(variables).isSubset(of: Set(other.variables))
    }
}
