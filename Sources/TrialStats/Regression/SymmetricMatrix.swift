import RealModule

/// A small dense symmetric matrix (the p × p information matrices of a regression).
///
/// Stored in full row-major order; only `p ≤ ~20` is expected, so clarity wins over packing.
struct SymmetricMatrix: Sendable, Equatable {
    /// The number of rows (= columns).
    let dimension: Int
    /// Row-major entries, `dimension × dimension`.
    var entries: [Double]

    /// A zero matrix of the given dimension.
    init(dimension: Int) {
        self.dimension = dimension
        entries = [Double](repeating: 0, count: dimension * dimension)
    }

    subscript(row: Int, column: Int) -> Double {
        get { entries[row * dimension + column] }
        set { entries[row * dimension + column] = newValue }
    }

    /// The matrix restricted to the given rows and columns, in that order.
    func submatrix(_ indices: [Int]) -> SymmetricMatrix {
        var result = SymmetricMatrix(dimension: indices.count)
        for (row, i) in indices.enumerated() {
            for (column, j) in indices.enumerated() {
                result[row, column] = self[i, j]
            }
        }
        return result
    }

    /// `A · v`.
    func times(_ vector: [Double]) -> [Double] {
        (0..<dimension).map { row in
            var sum = 0.0
            for column in 0..<dimension { sum += self[row, column] * vector[column] }
            return sum
        }
    }
}

/// The Cholesky factorization A = L·Lᵀ of a symmetric positive definite matrix.
///
/// Method: the outer-product (Cholesky–Banachiewicz) algorithm, Golub & Van Loan,
/// *Matrix Computations* (4th ed.), Algorithm 4.2.1.
/// Accuracy: backward stable; a solve has relative error about κ(A)·ε.
struct CholeskyFactorization: Sendable {
    /// The lower triangle L, row-major (entries above the diagonal are zero).
    let lower: SymmetricMatrix

    /// Why a factorization failed: the first column whose pivot was not positive enough.
    struct NotPositiveDefinite: Error {
        /// Index of the column whose pivot fell below the tolerance.
        let column: Int
    }

    /// Factors `matrix`, failing when a pivot is below `relativeTolerance × A[j, j]`
    /// (the squared norm of column j's residual after projection on the earlier columns,
    /// relative to its own squared norm) or not positive.
    /// - Complexity: O(p³).
    init(_ matrix: SymmetricMatrix, relativeTolerance: Double = 1e-14) throws(NotPositiveDefinite) {
        let p = matrix.dimension
        var l = SymmetricMatrix(dimension: p)
        for j in 0..<p {
            var pivot = matrix[j, j]
            for k in 0..<j { pivot -= l[j, k] * l[j, k] }
            guard pivot.isFinite, pivot > relativeTolerance * matrix[j, j], pivot > 0 else {
                throw NotPositiveDefinite(column: j)
            }
            let diagonal = pivot.squareRoot()
            l[j, j] = diagonal
            for i in (j + 1)..<max(p, j + 1) {
                var sum = matrix[i, j]
                for k in 0..<j { sum -= l[i, k] * l[j, k] }
                l[i, j] = sum / diagonal
            }
        }
        lower = l
    }

    /// log det A = 2 Σ log L[j, j], free of overflow for any p.
    var logDeterminant: Double {
        (0..<lower.dimension).reduce(0) { $0 + 2 * Double.log(lower[$1, $1]) }
    }

    /// Solves L·y = b (forward substitution).
    func solveLower(_ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<lower.dimension {
            for k in 0..<i { y[i] -= lower[i, k] * y[k] }
            y[i] /= lower[i, i]
        }
        return y
    }

    /// Solves Lᵀ·x = y (back substitution).
    func solveUpper(_ y: [Double]) -> [Double] {
        var x = y
        for i in stride(from: lower.dimension - 1, through: 0, by: -1) {
            for k in (i + 1)..<max(lower.dimension, i + 1) { x[i] -= lower[k, i] * x[k] }
            x[i] /= lower[i, i]
        }
        return x
    }

    /// Solves A·x = b.
    /// - Complexity: O(p²).
    func solve(_ b: [Double]) -> [Double] {
        solveUpper(solveLower(b))
    }

    /// A⁻¹, column by column.
    /// - Complexity: O(p³).
    func inverse() -> SymmetricMatrix {
        let p = lower.dimension
        var result = SymmetricMatrix(dimension: p)
        for column in 0..<p {
            var unit = [Double](repeating: 0, count: p)
            unit[column] = 1
            let x = solve(unit)
            for row in 0..<p { result[row, column] = x[row] }
        }
        return result
    }
}
