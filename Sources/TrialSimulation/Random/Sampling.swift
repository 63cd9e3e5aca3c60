/// The distributions the simulation draws from, each built on `next()` and `PortableMath` only,
/// so that every draw is the same on every machine.
extension Xoshiro256StarStar {
    /// A uniform value in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform value in `range` (continuous).
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
    }

    /// A uniform integer in `range`, by Lemire's multiply-shift (bias below 2^-32 for small ranges).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// `true` with probability `probability`.
    mutating func bernoulli(_ probability: Double) -> Bool {
        uniform() < probability
    }

    /// A normal value by Marsaglia's polar method (one of each pair is used, so that a draw
    /// consumes a fixed-per-call amount of state regardless of history).
    mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return mean + standardDeviation * u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// A draw of `distribution`, truncated to its range by rejection.
    mutating func draw(_ distribution: TruncatedDistribution) -> Double {
        while true {
            let value: Double
            switch distribution.shape {
            case let .normal(mean, standardDeviation):
                value = normal(mean: mean, standardDeviation: standardDeviation)
            case let .logNormal(median, logStandardDeviation):
                value = median * PortableMath.exp(normal(mean: 0, standardDeviation: logStandardDeviation))
            case .uniform:
                return uniform(in: distribution.range)
            }
            if distribution.range.contains(value) { return value }
        }
    }

    /// A Poisson count with mean `mean`, by inversion of the cumulative distribution.
    mutating func poisson(mean: Double) -> Int {
        let u = uniform()
        var probability = PortableMath.exp(-mean)
        var cumulative = probability
        var count = 0
        while u >= cumulative && count < 1000 {
            count += 1
            probability *= mean / Double(count)
            cumulative += probability
        }
        return count
    }

    /// The index of one of `weights`, chosen with probability proportional to its weight.
    mutating func choice(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var remaining = uniform() * total
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }

    /// `elements` in a uniformly random order (Fisher–Yates).
    mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, integer(in: 0...i))
        }
        return result
    }
}

/// A distribution restricted to a plausible range (values outside it are redrawn).
struct TruncatedDistribution: Sendable {
    enum Shape: Sendable {
        case normal(mean: Double, standardDeviation: Double)
        /// log(value / median) is normal with mean 0 and `logStandardDeviation`.
        case logNormal(median: Double, logStandardDeviation: Double)
        case uniform
    }

    var shape: Shape
    var range: ClosedRange<Double>

    static func normal(mean: Double, standardDeviation: Double, in range: ClosedRange<Double>) -> Self {
        Self(shape: .normal(mean: mean, standardDeviation: standardDeviation), range: range)
    }

    static func logNormal(median: Double, logStandardDeviation: Double, in range: ClosedRange<Double>) -> Self {
        Self(shape: .logNormal(median: median, logStandardDeviation: logStandardDeviation), range: range)
    }

    static func uniform(_ range: ClosedRange<Double>) -> Self {
        Self(shape: .uniform, range: range)
    }
}
