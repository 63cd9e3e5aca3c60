/// The QR decomposition X·P = Q·R of an n × p matrix by Householder reflections with
/// R's limited column pivoting, for least squares and rank detection.
///
/// Method: LINPACK `dqrdc2` as modified for R (Dongarra et al., *LINPACK Users' Guide*,
/// 1979, ch. 9; R's `src/appl/dqrdc2.f`), the decomposition behind `lm`: a column whose
/// norm, after projection on the columns before it, falls below `tolerance` × its
/// original norm is moved to the end; the columns left in front are the first `rank`.
/// Qᵀy is applied as `dqrsl` does. With R's `tol = 1e-7` the same columns are found
/// aliased as by `lm`, in the same order.
/// Accuracy: backward stable (Golub & Van Loan, 4th ed., §5.2); coefficients have relative
/// error about κ(X)·ε.
struct HouseholderQR: Sendable {
    let rows: Int
    let columns: Int
    /// Column-major: R on and above the diagonal, the Householder vectors below it.
    let factors: [Double]
    /// The leading entries of the Householder vectors (LINPACK's `qraux`).
    let auxiliary: [Double]
    /// `pivot[j]` is the original index of the j-th column of X·P.
    let pivot: [Int]
    /// The number of columns kept in front (the numerical rank).
    let rank: Int

    /// Decomposes the column-major `matrix` (`rows × columns`).
    /// - Complexity: O(n·p²).
    init(columnMajor matrix: [Double], rows: Int, columns: Int, tolerance: Double = 1e-7) {
        self.rows = rows
        self.columns = columns
        var x = matrix
        var qraux = (0..<columns).map { Self.norm(x, from: $0 * rows, count: rows) }
        var originalNorm = qraux.map { $0 == 0 ? 1 : $0 }
        var order = Array(0..<columns)
        var kept = columns
        for l in 0..<min(rows, columns) {
            // Cycle negligible columns to the end; `l < kept` visits each at most once.
            while l < kept, qraux[l] < originalNorm[l] * tolerance {
                Self.moveToEnd(&x, column: l, rows: rows, columns: columns)
                qraux.append(qraux.remove(at: l))
                originalNorm.append(originalNorm.remove(at: l))
                order.append(order.remove(at: l))
                kept -= 1
            }
            if l == rows - 1 { break }
            let base = l * rows + l
            let length = rows - l
            var nrmxl = Self.norm(x, from: base, count: length)
            if nrmxl == 0 { continue }
            if x[base] != 0 { nrmxl = x[base] < 0 ? -abs(nrmxl) : abs(nrmxl) }
            for i in 0..<length { x[base + i] /= nrmxl }
            x[base] += 1
            for j in (l + 1)..<max(columns, l + 1) {
                let target = j * rows + l
                let t = -Self.dot(x, base, target, count: length) / x[base]
                for i in 0..<length { x[target + i] += t * x[base + i] }
                if qraux[j] == 0 { continue }
                let ratio = abs(x[target]) / qraux[j]
                let shrink = max(1 - ratio * ratio, 0)
                if shrink < 1e-6 {
                    qraux[j] = Self.norm(x, from: target + 1, count: length - 1)
                } else {
                    qraux[j] *= shrink.squareRoot()
                }
            }
            qraux[l] = x[base]
            x[base] = -nrmxl
        }
        factors = x
        auxiliary = qraux
        pivot = order
        rank = min(kept, rows)
    }

    /// R[i, j] of the pivoted decomposition (i ≤ j).
    func r(_ i: Int, _ j: Int) -> Double { factors[j * rows + i] }

    /// Qᵀ·y, as LINPACK `dqrsl` with the first `rank` reflections.
    /// - Complexity: O(n·rank).
    func qTransposeTimes(_ y: [Double]) -> [Double] {
        var result = y
        for j in 0..<min(rank, rows - 1) where auxiliary[j] != 0 {
            let base = j * rows + j
            let length = rows - j
            var sum = auxiliary[j] * result[j]
            for i in 1..<length { sum += factors[base + i] * result[j + i] }
            let t = -sum / auxiliary[j]
            result[j] += t * auxiliary[j]
            for i in 1..<length { result[j + i] += t * factors[base + i] }
        }
        return result
    }

    /// Solves R₁₁·b = c for the leading `rank × rank` triangle (back substitution).
    func solveUpper(_ c: [Double]) -> [Double] {
        var b = Array(c.prefix(rank))
        for i in stride(from: rank - 1, through: 0, by: -1) {
            for k in (i + 1)..<rank { b[i] -= r(i, k) * b[k] }
            b[i] /= r(i, i)
        }
        return b
    }

    /// (R₁₁ᵀR₁₁)⁻¹ for the leading `rank` pivoted columns, row-major `rank × rank`
    /// (R's `chol2inv(qr.R(qr)[1:rank, 1:rank])`).
    /// - Complexity: O(rank³).
    func unscaledCovariance() -> SymmetricMatrix {
        var inverse = SymmetricMatrix(dimension: rank)  // R₁₁⁻¹, upper triangular
        for column in 0..<rank {
            var unit = [Double](repeating: 0, count: rank)
            unit[column] = 1
            let x = solveUpper(unit)
            for row in 0..<rank { inverse[row, column] = x[row] }
        }
        var result = SymmetricMatrix(dimension: rank)
        for i in 0..<rank {
            for j in i..<rank {
                var sum = 0.0
                for k in j..<rank { sum += inverse[i, k] * inverse[j, k] }
                result[i, j] = sum
                result[j, i] = sum
            }
        }
        return result
    }

    private static func moveToEnd(_ x: inout [Double], column: Int, rows: Int, columns: Int) {
        let moved = Array(x[(column * rows)..<((column + 1) * rows)])
        x.replaceSubrange((column * rows)..<((columns - 1) * rows), with: x[((column + 1) * rows)..<(columns * rows)])
        x.replaceSubrange(((columns - 1) * rows)..<(columns * rows), with: moved)
    }

    /// The Euclidean norm of `count` entries from `from`, scaled against overflow as BLAS `dnrm2`.
    private static func norm(_ x: [Double], from start: Int, count: Int) -> Double {
        var scale = 0.0
        for i in 0..<count { scale = max(scale, abs(x[start + i])) }
        guard scale > 0, scale.isFinite else { return scale }
        var sum = 0.0
        for i in 0..<count {
            let scaled = x[start + i] / scale
            sum += scaled * scaled
        }
        return scale * sum.squareRoot()
    }

    private static func dot(_ x: [Double], _ a: Int, _ b: Int, count: Int) -> Double {
        x.withUnsafeBufferPointer { buffer in
            DesignMatrix.dot(buffer.baseAddress! + a, buffer.baseAddress! + b, count: count)
        }
    }
}
