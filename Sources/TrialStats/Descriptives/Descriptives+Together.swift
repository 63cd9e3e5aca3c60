extension Descriptives {
    /// The mean and sample variance of each of `samples`, as `mean(_:)` and
    /// `variance(_:mean:)` give them, to the bit.
    ///
    /// Each of those sums is a chain of additions, each waiting for the one before; the chains of
    /// up to four samples advance together here (in the lanes of one vector), so that the
    /// processor adds four values in the time of one. Every sum still adds its own sample's values
    /// in their order, so the results are the same doubles.
    /// - Returns: per sample, in order: the mean (`nil` for an empty sample) and the variance
    ///   around it (`nil` below two values).
    /// - Complexity: O(*n*) for *n* values in all, three passes.
    public static func meansAndVariances(_ samples: [[Double]]) -> [(mean: Double?, variance: Double?)] {
        stride(from: 0, to: samples.count, by: 4).flatMap { start in
            samples[start..<min(start + 4, samples.count)].withBuffers { MomentLanes($0).meansAndVariances() }
        }
    }
}

/// One to four samples whose sums advance together: the lanes of a `SIMD4`, each adding its own
/// sample's values in order while every sample has values left, then each alone.
private struct MomentLanes {
    let samples: [UnsafeBufferPointer<Double>]
    /// The samples filling four lanes (the last repeated; its extra lanes are not read back).
    private let lanes: [UnsafeBufferPointer<Double>]
    /// The number of values every sample has.
    private let common: Int

    init(_ samples: [UnsafeBufferPointer<Double>]) {
        self.samples = samples
        lanes = (0..<4).map { samples[min($0, samples.count - 1)] }
        common = samples.map(\.count).min() ?? 0
    }

    func meansAndVariances() -> [(mean: Double?, variance: Double?)] {
        let counts = samples.map { Double($0.count) }
        let firsts = zip(sums { $0 }, counts).map { $0 / $1 }
        let firstLanes = Self.lanes(firsts)
        let residuals = sums { $0 - firstLanes }
        let means: [Double?] = samples.indices.map { sample in
            guard !samples[sample].isEmpty else { return nil }
            let first = firsts[sample]
            return first.isFinite ? first + residuals[sample] / counts[sample] : first
        }
        let meanLanes = Self.lanes(means.map { $0 ?? 0 })
        let squares = sums { ($0 - meanLanes) * ($0 - meanLanes) }
        return samples.indices.map { sample in
            guard let mean = means[sample] else { return (nil, nil) }
            return (mean, samples[sample].count > 1 ? squares[sample] / (counts[sample] - 1) : nil)
        }
    }

    /// Per sample, Σ `term` over its values in order, from 0.
    @inline(__always)
    private func sums(_ term: (SIMD4<Double>) -> SIMD4<Double>) -> [Double] {
        var together = SIMD4<Double>.zero
        let (a, b, c, d) = (lanes[0], lanes[1], lanes[2], lanes[3])
        for index in 0..<common {
            together += term(SIMD4(a[index], b[index], c[index], d[index]))
        }
        return samples.indices.map { sample in
            var sum = together[sample]
            for index in common..<samples[sample].count {
                sum += term(SIMD4(repeating: samples[sample][index]))[sample]
            }
            return sum
        }
    }

    /// `values` (one per sample) in four lanes.
    private static func lanes(_ values: [Double]) -> SIMD4<Double> {
        SIMD4((0..<4).map { values[min($0, values.count - 1)] })
    }
}
