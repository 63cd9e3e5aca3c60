/// An n × p design matrix stored column by column in one contiguous array, with the
/// few products a regression needs, each computed in one pass over the rows.
///
/// Products that reduce over rows work on blocks of ``blockSize`` rows so that every
/// column's slice stays in cache while all p(p+1)/2 cross products are accumulated.
struct DesignMatrix: Sendable {
    /// Rows per block in the blocked reductions.
    static let blockSize = 512

    let rows: Int
    let columns: Int
    /// Column-major entries: column j occupies `storage[j*rows ..< (j+1)*rows]`.
    let storage: [Double]

    /// A design whose first column is the intercept (all ones), followed by `columnsAfterIntercept`.
    init(rows: Int, columnsAfterIntercept: [[Double]]) {
        self.init(rows: rows, columns: columnsAfterIntercept.count + 1) { j, values in
            if j == 0 {
                values.initialize(repeating: 1)
            } else {
                precondition(columnsAfterIntercept[j - 1].count == rows, "a column of \(rows) values")
                _ = values.initialize(fromContentsOf: columnsAfterIntercept[j - 1])
            }
        }
    }

    /// A design of `columns` columns, column j initialized in place by `fill(j, column)` (every
    /// value of it): no column is made apart and copied, nor set to a value only to be overwritten.
    init(rows: Int, columns: Int, fill: (Int, UnsafeMutableBufferPointer<Double>) -> Void) {
        let storage = [Double](unsafeUninitializedCapacity: rows * columns) { storage, count in
            for j in 0..<columns {
                fill(j, UnsafeMutableBufferPointer(rebasing: storage[(j * rows)..<((j + 1) * rows)]))
            }
            count = rows * columns
        }
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The values of one column.
    func column(_ j: Int) -> ArraySlice<Double> {
        storage[(j * rows)..<((j + 1) * rows)]
    }

    /// η = X·β, or Σⱼ|βⱼxᵢⱼ| for every row when `absolute` (the scale of each ηᵢ's terms).
    /// - Complexity: O(n·p), p streaming passes without reductions.
    func times(_ coefficients: [Double], absolute: Bool = false) -> [Double] {
        var result = [Double](repeating: 0, count: rows)
        storage.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { eta in
                for j in 0..<columns {
                    let beta = coefficients[j]
                    let base = j * rows
                    if absolute {
                        for i in 0..<rows { eta[i] += abs(beta * x[base + i]) }
                    } else {
                        for i in 0..<rows { eta[i] += beta * x[base + i] }
                    }
                }
            }
        }
        return result
    }

    /// Xᵀ·v.
    /// - Complexity: O(n·p).
    func transposeTimes(_ vector: [Double]) -> [Double] {
        storage.withUnsafeBufferPointer { x in
            vector.withUnsafeBufferPointer { v in
                (0..<columns).map { j in
                    Self.dot(x.baseAddress! + j * rows, v.baseAddress!, count: rows)
                }
            }
        }
    }

    /// XᵀWX = Σᵢ wᵢ xᵢxᵢᵀ for weights `w`, accumulated block by block in one pass over the rows.
    /// - Complexity: O(n·p²).
    func weightedCrossProduct(_ weights: [Double]) -> SymmetricMatrix {
        var result = SymmetricMatrix(dimension: columns)
        var weighted = [Double](repeating: 0, count: Self.blockSize)
        storage.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                weighted.withUnsafeMutableBufferPointer { wx in
                    forEachBlock { start, count in
                        for j in 0..<columns {
                            let xj = x.baseAddress! + j * rows + start
                            for i in 0..<count { wx[i] = w[start + i] * xj[i] }
                            for k in j..<columns {
                                result[j, k] += Self.dot(wx.baseAddress!, x.baseAddress! + k * rows + start, count: count)
                            }
                        }
                    }
                }
            }
        }
        for j in 0..<columns { for k in 0..<j { result[j, k] = result[k, j] } }
        return result
    }

    /// The quadratic forms qᵢ = xᵢᵀ·A·xᵢ for every row (e.g. hat values hᵢ = wᵢ·qᵢ with A = (XᵀWX)⁻¹).
    /// - Complexity: O(n·p²).
    func rowQuadraticForms(_ matrix: SymmetricMatrix) -> [Double] {
        var result = [Double](repeating: 0, count: rows)
        var product = [Double](repeating: 0, count: Self.blockSize)
        storage.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { q in
                product.withUnsafeMutableBufferPointer { ax in
                    forEachBlock { start, count in
                        for k in 0..<columns {
                            for i in 0..<count { ax[i] = 0 }
                            for j in 0..<columns {
                                let a = matrix[k, j]
                                let xj = x.baseAddress! + j * rows + start
                                for i in 0..<count { ax[i] += a * xj[i] }
                            }
                            let xk = x.baseAddress! + k * rows + start
                            for i in 0..<count { q[start + i] += xk[i] * ax[i] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Calls `body(start, count)` for consecutive blocks of at most ``blockSize`` rows.
    @inline(__always)
    private func forEachBlock(_ body: (_ start: Int, _ count: Int) -> Void) {
        var start = 0
        while start < rows {
            let count = min(Self.blockSize, rows - start)
            body(start, count)
            start += count
        }
    }

    /// Σ aᵢbᵢ with four independent accumulators (so the additions pipeline).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= count {
            s0 += a[i] * b[i]
            s1 += a[i + 1] * b[i + 1]
            s2 += a[i + 2] * b[i + 2]
            s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < count {
            s0 += a[i] * b[i]
            i += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
