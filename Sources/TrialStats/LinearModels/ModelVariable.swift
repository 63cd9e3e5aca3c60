/// One explanatory variable of a linear model: numbers or the labels of a factor.
///
/// A missing value is NaN for a numeric variable and `nil` for a factor; rows with a
/// missing value in the response or in any variable a term uses are dropped (R's `na.omit`).
public enum ModelVariable: Sendable, Equatable {
    /// A numeric variable (NaN = missing).
    case numeric([Double])
    /// A factor: each row's label (`nil` = missing) and the levels in order, the first
    /// being the reference of the treatment contrasts (R's `contr.treatment`).
    case factor([String?], levels: [String])
    /// A factor given by each row's position in `levels` (negative = missing): the factor
    /// `.factor` makes of those levels' labels, without a label per row to make and compare.
    case coded([Int32], levels: [String])

    /// A factor whose levels are its distinct labels in ascending order (as R's `factor()`
    /// for ASCII labels), or with `reference` moved first (R's `relevel`).
    public static func factor(_ labels: [String?], reference: String? = nil) -> ModelVariable {
        var levels = Array(Set(labels.compactMap { $0 })).sorted()
        if let reference, let index = levels.firstIndex(of: reference) {
            levels.insert(levels.remove(at: index), at: 0)
        }
        return .factor(labels, levels: levels)
    }

    /// The number of rows.
    var count: Int {
        switch self {
        case let .numeric(values): values.count
        case let .factor(labels, _): labels.count
        case let .coded(positions, _): positions.count
        }
    }

    /// Sets `isComplete[row]` to false for every row where the variable is missing.
    func clearMissing(in isComplete: inout [Bool]) {
        switch self {
        case let .numeric(values):
            for row in values.indices where !values[row].isFinite { isComplete[row] = false }
        case let .factor(labels, _):
            for row in labels.indices where labels[row] == nil { isComplete[row] = false }
        case let .coded(positions, _):
            for row in positions.indices where positions[row] < 0 { isComplete[row] = false }
        }
    }
}
