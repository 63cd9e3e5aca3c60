import RealModule

/// Fisher's noncentral hypergeometric distribution of the top-left cell of a 2×2 table
/// with fixed margins, as R's `fisher.test` uses it (`dnhyper`, `mnhyper`, `pnhyper`).
///
/// The central log densities are built once over the whole support by the ratio
/// recurrence P(x + 1)/P(x) = (m − x)(k − x)/((x + 1)(n − k + x + 1)), anchored at 0
/// at the mode (the p-value alone, `twoSidedPValue(_:observed:)`, builds only the part that
/// does not underflow); only differences of log densities are ever used, as in R, which
/// normalises `exp(d − max(d))`. Sums for a given odds ratio walk outward from the
/// tilted mode and stop once terms fall below e⁻⁴⁶ ≈ 1e-20 of the largest — the
/// density is log-concave, so everything beyond is smaller still.
struct NoncentralHypergeometric {
    let support: ClosedRange<Int>
    /// Central log density minus its maximum, indexed by x − support.lowerBound.
    let logDensity: [Double]
    /// The exact mean at odds ratio 1, k·m/(m + n). Using it instead of the summed
    /// mean keeps ties that are exact in R's arithmetic (e.g. |E − x| = |lo − x|) exact
    /// here, so the root search takes R's branches.
    let centralMean: Double

    init(_ central: Hypergeometric) {
        support = central.support
        centralMean = Double(central.draws) * Double(central.white) / Double(central.white + central.black)
        logDensity = Self.centralLogDensities(central, above: -.infinity).values
    }

    /// The central log densities minus their maximum, built from the mode outward by the ratio
    /// recurrence and stopped on each side after the first value below `floor` (the density is
    /// log-concave: every value further out is smaller still). The values are the same, bit for
    /// bit, whatever the floor.
    /// - Returns: the index of `values[0]` (x − support.lowerBound) and the values.
    private static func centralLogDensities(_ central: Hypergeometric, above floor: Double) -> (first: Int, values: [Double]) {
        let lowest = central.support.lowerBound
        let m = Double(central.white), n = Double(central.black), k = Double(central.draws)
        func logRatio(_ index: Int) -> Double {  // log P(x + 1)/P(x), x = lowest + index
            let x = Double(lowest + index)
            return Double.log((m - x) * (k - x)) - Double.log((x + 1) * (n - k + x + 1))
        }
        let mode = central.mode - lowest, count = central.support.count
        var above = [0.0], below: [Double] = []
        var index = mode + 1, last = 0.0
        while index < count, !(last < floor) {
            last += logRatio(index - 1)
            above.append(last)
            index += 1
        }
        index = mode - 1
        last = 0.0
        while index >= 0, !(last < floor) {
            last -= logRatio(index)
            below.append(last)
            index -= 1
        }
        return (mode - below.count, below.reversed() + above)
    }

    /// Sums over the distribution with odds ratio `oddsRatio` (0 < ψ < ∞).
    struct Moments {
        var mean: Double
        /// P(X ≤ x) and P(X ≥ x) for the x asked about.
        var atMost: Double
        var atLeast: Double
    }

    /// The mean and both tails at `x` under odds ratio `oddsRatio`.
    /// - Complexity: O(width of the non-negligible part of the support).
    func moments(oddsRatio: Double, tailsAt x: Int) -> Moments {
        let tilt = Double.log(oddsRatio)
        let lowest = support.lowerBound
        // The tilted log density is concave: its mode is the first index whose
        // forward difference is negative.
        var low = 0, high = logDensity.count - 1
        while low < high {
            let middle = (low + high) / 2
            if logDensity[middle + 1] - logDensity[middle] + tilt < 0 { high = middle } else { low = middle + 1 }
        }
        let mode = low
        let peak = logDensity[mode] + tilt * Double(mode)
        let cutoff = -46.0
        var total = 0.0, weightedSum = 0.0, atMost = 0.0, atLeast = 0.0
        func add(_ index: Int) -> Bool {
            let exponent = logDensity[index] + tilt * Double(index) - peak
            if exponent < cutoff { return false }
            let weight = Double.exp(exponent)
            total += weight
            weightedSum += weight * Double(index)
            if lowest + index <= x { atMost += weight }
            if lowest + index >= x { atLeast += weight }
            return true
        }
        var index = mode
        while index < logDensity.count, add(index) { index += 1 }
        index = mode - 1
        while index >= 0, add(index) { index -= 1 }
        let mean = oddsRatio == 1 ? centralMean : Double(lowest) + weightedSum / total
        return Moments(mean: mean, atMost: atMost / total, atLeast: atLeast / total)
    }

    /// R's two-sided p-value: the total probability of tables no more likely than the
    /// observed one, with relative tolerance 1e-7 (`d <= d[x] * (1 + 1e-7)`).
    /// - Complexity: O(support size).
    func twoSidedPValue(observed x: Int) -> Double {
        Self.twoSidedPValue(logDensity, observedIndex: x - support.lowerBound)
    }

    /// R's two-sided p-value of `observed` under the `central` distribution, from the part of the
    /// support where the density does not underflow to zero: R sums the zeros of the rest, which
    /// change no sum, so the result is the same to the bit.
    /// - Complexity: O(width of the support where the density exceeds e⁻⁷⁴⁶), about 60 standard
    ///   deviations of the distribution however large the table.
    static func twoSidedPValue(_ central: Hypergeometric, observed: Int) -> Double {
        let (first, values) = centralLogDensities(central, above: underflow)
        return twoSidedPValue(values, observedIndex: observed - central.support.lowerBound - first)
    }

    /// exp(v) is exactly 0 for v < −745.2: a log density below this one adds nothing to any sum.
    private static let underflow = -746.0

    private static func twoSidedPValue(_ logDensity: [Double], observedIndex: Int) -> Double {
        let observed = logDensity.indices.contains(observedIndex) ? Double.exp(logDensity[observedIndex]) * (1 + 1e-7) : 0
        var total = 0.0, extreme = 0.0
        // The densities that underflow are skipped (glibc's exp takes its slow path for each).
        for value in logDensity where value >= underflow {
            let density = Double.exp(value)
            total += density
            if density <= observed { extreme += density }
        }
        return extreme / total
    }
}
