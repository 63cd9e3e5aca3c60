import Foundation

/// Tick positions for a logarithmic axis: 1-2-5 per decade when few decades are shown
/// (0.1, 0.2, 0.5, 1, 2, 5, 10 for odds ratios), 1-per-decade or every n-th decade when many,
/// linear nice ticks when the range lies within one decade.
public enum LogTicks {
    /// Ticks within `lower…upper` (both > 0), at most about `maximum` of them and at least two when possible.
    /// - Returns: increasing tick values, each exactly representable as printed (e.g. 0.2, not 0.20000000000000001).
    /// - Complexity: O(number of decades).
    public static func ticks(lower: Double, upper: Double, maximum: Int = 8) -> [Double] {
        guard lower > 0, upper > 0, lower.isFinite, upper.isFinite else { return [] }
        let (low, high) = (min(lower, upper), max(lower, upper))
        let firstDecade = Int(floor(log10(low) + 1e-9))
        let lastDecade = Int(ceil(log10(high) - 1e-9))
        let slack = 1e-9
        func candidates(_ multipliers: [Double], decadeStep: Int) -> [Double] {
            var values: [Double] = []
            // Every n-th decade, aligned so that 10⁰ = 1 (no effect) is among them.
            var decade = firstDecade + ((-firstDecade) % decadeStep + decadeStep) % decadeStep
            while decade <= lastDecade {
                for multiplier in multipliers {
                    let value = NumberText.rounded(multiplier * pow(10, Double(decade)), decimals: max(0, -decade))
                    if value >= low * (1 - slack) && value <= high * (1 + slack) { values.append(value) }
                }
                decade += decadeStep
            }
            return values
        }
        for multipliers in [[1.0, 2, 5], [1.0, 3], [1.0]] {
            let values = candidates(multipliers, decadeStep: 1)
            if values.count > maximum { continue }
            if values.count >= 2 { return values }
            // Too narrow for 1-2-5: every integer multiple, else linear nice ticks inside the range.
            let dense = candidates([1, 2, 3, 4, 5, 6, 7, 8, 9], decadeStep: 1)
            if dense.count >= 2 && dense.count <= maximum { return dense }
            return NiceTicks.extended(lower: low, upper: high, target: 3).filter { $0 >= low && $0 <= high }
        }
        var decadeStep = 2
        while candidates([1], decadeStep: decadeStep).count > maximum { decadeStep += 1 }
        return candidates([1], decadeStep: decadeStep)
    }
}
