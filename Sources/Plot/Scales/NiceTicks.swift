import Foundation

/// "Nice" tick positions for a linear axis by the extended Wilkinson algorithm.
///
/// Method: Talbot, Lin & Hanrahan (2010), "An extension of Wilkinson's algorithm for positioning
/// tick labels on axes", IEEE TVCG 16(6). A direct port of `extended()` in R's `labeling` package
/// (the algorithm ggplot2 uses): it searches steps q·10^z (q from 1, 5, 2, 2.5, 4, 3) and maximises
/// a weighted score of simplicity, coverage, density and legibility, pruning with upper bounds.
public enum NiceTicks {
    private static let steps: [Double] = [1, 5, 2, 2.5, 4, 3]
    private static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// Tick positions covering `lower…upper` with about `target` ticks.
    ///
    /// - Returns: increasing tick values; a single value's range is widened first. Values are rounded
    ///   to the step's decimals so that 0.1 + 0.2 prints as 0.3.
    /// - Complexity: bounded by the pruning; in practice well under a thousand candidates.
    public static func extended(lower: Double, upper: Double, target: Int = 5) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [] }
        var (dmin, dmax) = (min(lower, upper), max(lower, upper))
        if dmax - dmin < 1e-10 * max(1, abs(dmax)) {
            let pad = dmin == 0 ? 1 : abs(dmin) * 0.1
            (dmin, dmax) = (dmin - pad, dmax + pad)
        }
        let m = Double(max(2, target))
        var best: (lmin: Double, lmax: Double, step: Double, score: Double)?
        var bestScore = -2.0
        var j = 1.0
        search: while j < 1000 {
            for (index, q) in steps.enumerated() {
                let maxSimplicity = simplicity(index: index, j: j, zeroIncluded: true)
                if weights.simplicity * maxSimplicity + weights.coverage + weights.density + weights.legibility < bestScore {
                    break search
                }
                var k = 2.0
                while k < 100 {
                    let maxDensity = k >= m ? 2 - (k - 1) / (m - 1) : 1
                    if weights.simplicity * maxSimplicity + weights.coverage + weights.density * maxDensity
                        + weights.legibility < bestScore { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    while z < 400 {
                        let step = j * q * pow(10, z)
                        let maxCoverage = coverageMax(dmin, dmax, span: step * (k - 1))
                        if weights.simplicity * maxSimplicity + weights.coverage * maxCoverage
                            + weights.density * maxDensity + weights.legibility < bestScore { break }
                        let minStart = floor(dmax / step) * j - (k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart <= maxStart {
                            var start = minStart
                            while start <= maxStart {
                                let lmin = start * (step / j)
                                let lmax = lmin + step * (k - 1)
                                let remainder = lmin.truncatingRemainder(dividingBy: step)
                                let onZero = (abs(remainder) < 1e-12 * step || step - abs(remainder) < 1e-12 * step)
                                    && lmin <= 0 && lmax >= 0
                                let score = weights.simplicity * simplicity(index: index, j: j, zeroIncluded: onZero)
                                    + weights.coverage * coverage(dmin, dmax, lmin, lmax)
                                    + weights.density * density(k: k, m: m, dmin, dmax, lmin, lmax)
                                    + weights.legibility
                                if score > bestScore {
                                    bestScore = score
                                    best = (lmin, lmax, step, score)
                                }
                                start += 1
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let best else { return [dmin, dmax] }
        let count = Int(((best.lmax - best.lmin) / best.step).rounded()) + 1
        let decimals = TickFormatter.decimals(forStep: best.step)
        return (0..<count).map { NumberText.rounded(best.lmin + Double($0) * best.step, decimals: decimals) }
    }

    private static func simplicity(index: Int, j: Double, zeroIncluded: Bool) -> Double {
        1 - Double(index) / Double(steps.count - 1) - j + (zeroIncluded ? 1 : 0)
    }

    private static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    private static func coverageMax(_ dmin: Double, _ dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    private static func density(k: Double, m: Double, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }
}
