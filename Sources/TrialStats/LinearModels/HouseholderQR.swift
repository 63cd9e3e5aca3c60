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
    init(columnMajor matrix: consuming [Double], rows: Int, columns: Int, tolerance: Double = 1e-7) {
        self.rows = rows
        self.columns = columns
        var x = consume matrix
        var qraux = [Double](repeating: 0, count: columns)
        var order = Array(0..<columns)
        var kept = columns
        x.withUnsafeMutableBufferPointer { buffer in
            let x = buffer.baseAddress!
            for j in 0..<columns { qraux[j] = Self.norm(x + j * rows, count: rows) }
            var originalNorm = qraux.map { $0 == 0 ? 1 : $0 }
            for l in 0..<min(rows, columns) {
                // Cycle negligible columns to the end; `l < kept` visits each at most once.
                while l < kept, qraux[l] < originalNorm[l] * tolerance {
                    Self.moveToEnd(x, column: l, rows: rows, columns: columns)
                    qraux.append(qraux.remove(at: l))
                    originalNorm.append(originalNorm.remove(at: l))
                    order.append(order.remove(at: l))
                    kept -= 1
                }
                if l == rows - 1 { break }
                let v = x + l * rows + l
                let length = rows - l
                var nrmxl = Self.norm(v, count: length)
                if nrmxl == 0 { continue }
                if v[0] != 0 { nrmxl = v[0] < 0 ? -abs(nrmxl) : abs(nrmxl) }
                let scale = 1 / nrmxl
                for i in 0..<length { v[i] *= scale }
                v[0] += 1
                for j in (l + 1)..<max(columns, l + 1) {
                    let target = x + j * rows + l
                    let t = -DesignMatrix.dot(v, target, count: length) / v[0]
                    for i in 0..<length { target[i] += t * v[i] }
                    if qraux[j] == 0 { continue }
                    let ratio = abs(target[0]) / qraux[j]
                    let shrink = max(1 - ratio * ratio, 0)
                    if shrink < 1e-6 {
                        qraux[j] = Self.norm(target + 1, count: length - 1)
                    } else {
                        qraux[j] *= shrink.squareRoot()
                    }
                }
                qraux[l] = v[0]
                v[0] = -nrmxl
            }
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
        factors.withUnsafeBufferPointer { buffer in
            result.withUnsafeMutableBufferPointer { output in
                for j in 0..<min(rank, rows - 1) where auxiliary[j] != 0 {
                    // The reflection's vector is (qraux[j], x[j+1..<n, j]).
                    let v = buffer.baseAddress! + j * rows + j, r = output.baseAddress! + j
                    let length = rows - j
                    let sum = auxiliary[j] * r[0] + DesignMatrix.dot(v + 1, r + 1, count: length - 1)
                    let t = -sum / auxiliary[j]
                    r[0] += t * auxiliary[j]
                    for i in 1..<length { r[i] += t * v[i] }
                }
            }
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

    /// Moves column `column` to the last place, shifting the columns after it left.
    private static func moveToEnd(_ x: UnsafeMutablePointer<Double>, column: Int, rows: Int, columns: Int) {
        let moved = Array(UnsafeBufferPointer(start: x + column * rows, count: rows))
        for i in (column * rows)..<((columns - 1) * rows) { x[i] = x[i + rows] }  // forward: the regions overlap
        for i in 0..<rows { x[(columns - 1) * rows + i] = moved[i] }
    }

    /// The Euclidean norm of `count` entries, rescaled (as BLAS `dnrm2`) only when the plain
    /// sum of squares overflows or underflows.
    private static func norm(_ x: UnsafePointer<Double>, count: Int) -> Double {
        let plain = DesignMatrix.dot(x, x, count: count)
        if plain.isFinite, plain > 1e-280 { return plain.squareRoot() }
        var scale = 0.0
        for i in 0..<count { scale = max(scale, abs(x[i])) }
        guard scale > 0, scale.isFinite else { return scale }
        var sum = 0.0
        for i in 0..<count {
            let scaled = x[i] / scale
            sum += scaled * scaled
        }
        return scale * sum.squareRoot()
    }
}
