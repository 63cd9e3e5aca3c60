/// The points at which least-squares means evaluate a linear model, as R's `ref_grid`:
/// every combination of the factors' levels, each numeric covariate at its mean, except
/// that a covariate with at most two distinct values is treated like a factor at each of
/// its values (emmeans' default `cov.keep = "2"`).
struct ReferenceGrid {
    /// A dimension of the grid: a factor (values unused) or a two-valued covariate.
    struct Dimension {
        let variable: String
        /// Per complete row, the index of its level or value.
        let rowIndex: [Int]
        /// The covariate's values (empty for a factor).
        let values: [Double]
        let count: Int
    }

    let dimensions: [Dimension]
    /// The covariates held at their means over the complete rows.
    let means: [String: Double]
    /// How many observations each row of the frame stands for (`nil`: one each).
    let rowWeights: [Double]?

    /// The grid of `frame`'s variables; with `rowWeights`, row i counts as that many
    /// observations in the covariate means and proportional weights (a participant of a
    /// repeated-measures model counts once per observed visit, as emmeans counts rows).
    init(_ frame: ModelFrame, rowWeights: [Double]? = nil) {
        var dimensions = frame.factorLevels.keys.sorted().map { name in
            Dimension(variable: name, rowIndex: frame.factorCodes[name]!, values: [], count: frame.factorLevels[name]!.count)
        }
        var means: [String: Double] = [:]
        let total = rowWeights?.reduce(0, +) ?? Double(frame.observationCount)
        for (name, column) in frame.numericValues.sorted(by: { $0.key < $1.key }) {
            if let distinct = Self.atMostTwoDistinct(column) {
                dimensions.append(Dimension(
                    variable: name, rowIndex: column.map { distinct.firstIndex(of: $0)! }, values: distinct,
                    count: distinct.count))
            } else if let rowWeights {
                means[name] = zip(column, rowWeights).reduce(0) { $0 + $1.0 * $1.1 } / total
            } else {
                means[name] = column.reduce(0, +) / total
            }
        }
        self.dimensions = dimensions
        self.means = means
        self.rowWeights = rowWeights
    }

    /// The distinct values, ascending, when there are at most two; `nil` otherwise.
    private static func atMostTwoDistinct(_ column: [Double]) -> [Double]? {
        var distinct: [Double] = []
        for value in column where !distinct.contains(value) {
            if distinct.count == 2 { return nil }
            distinct.append(value)
        }
        return distinct.sorted()
    }

    /// ℓ for each level of `focal`: the design rows at that level averaged over every
    /// combination of the other dimensions with `weights`; with `condition`, that factor is
    /// held at the level given (emmeans' `~ focal | by`) and the others are averaged over.
    func averagedRows(for focal: String, in frame: ModelFrame, weights: MarginalWeights,
                      condition: (variable: String, level: Int)? = nil) -> [[Double]] {
        averagedRows(for: focal, columns: frame.columnNames.count, rows: frame.observationCount, weights: weights,
                     condition: condition, designRow: frame.designRow)
    }

    /// ℓ for each level of `focal` from `designRow` (the model's design row at a point given
    /// by each factor's level index and each numeric variable's value; `levelOf` answers for
    /// the grid's factors only, so a model may fix others itself, as a repeated-measures
    /// model fixes the visit); `rows` is the number of rows of the grid's variables.
    func averagedRows(
        for focal: String, columns p: Int, rows: Int, weights: MarginalWeights,
        condition: (variable: String, level: Int)? = nil,
        designRow: (_ levelOf: (String) -> Int, _ numericValue: (String) -> Double) -> [Double]
    ) -> [[Double]] {
        let focalDimension = dimensions.first { $0.variable == focal }!
        let others = dimensions.filter { $0.variable != focal && $0.variable != condition?.variable }
        let cellWeights = Self.weights(of: others, rows: rows, rowWeights: rowWeights, scheme: weights)
        let total = cellWeights.reduce(0, +)
        return (0..<focalDimension.count).map { level in
            var row = [Double](repeating: 0, count: p)
            for (cell, weight) in cellWeights.enumerated() where weight > 0 {
                let indices = Self.digits(of: cell, radices: others.map(\.count))
                var position: [String: Int] = [focal: level]
                if let condition { position[condition.variable] = condition.level }
                for (dimension, index) in zip(others, indices) { position[dimension.variable] = index }
                let design = designRow(
                    { position[$0]! },
                    { name in
                        if let mean = means[name] { return mean }
                        let dimension = others.first { $0.variable == name }!
                        return dimension.values[position[name]!]
                    })
                for j in 0..<p { row[j] += weight / total * design[j] }
            }
            return row
        }
    }

    /// The weight of each combination of `dimensions` (first dimension fastest).
    private static func weights(
        of dimensions: [Dimension], rows: Int, rowWeights: [Double]?, scheme: MarginalWeights
    ) -> [Double] {
        let radices = dimensions.map(\.count)
        let cells = radices.reduce(1, *)
        switch scheme {
        case .equal:
            return [Double](repeating: 1, count: cells)
        case .proportional:
            var counts = [Double](repeating: 0, count: cells)
            for row in 0..<rows {
                var cell = 0, stride = 1
                for dimension in dimensions {
                    cell += dimension.rowIndex[row] * stride
                    stride *= dimension.count
                }
                counts[cell] += rowWeights?[row] ?? 1
            }
            return counts
        case .outer:
            let margins = dimensions.map { dimension in
                var margin = [Double](repeating: 0, count: dimension.count)
                for (row, index) in dimension.rowIndex.enumerated() { margin[index] += rowWeights?[row] ?? 1 }
                return margin
            }
            return (0..<cells).map { cell in
                zip(margins, digits(of: cell, radices: radices)).reduce(1) { $0 * $1.0[$1.1] }
            }
        }
    }

    /// The mixed-radix digits of `number`, least significant first.
    private static func digits(of number: Int, radices: [Int]) -> [Int] {
        var rest = number
        return radices.map { radix in
            defer { rest /= radix }
            return rest % radix
        }
    }
}
