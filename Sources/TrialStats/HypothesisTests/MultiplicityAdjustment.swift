/// A multiplicity adjustment of a family of p-values, as R's `p.adjust` computes it.
///
/// All four control the family-wise error rate: Holm's step-down and Hochberg's step-up
/// procedures are uniformly more powerful than Bonferroni's; Hochberg's assumes the
/// tests are independent or positively dependent.
public enum MultiplicityAdjustment: String, Sendable, Equatable, Codable, CaseIterable {
    /// No adjustment: the p-values as given.
    case none
    /// Bonferroni: min(1, m·pᵢ).
    case bonferroni
    /// Holm (1979) step-down: with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)p₍ⱼ₎).
    case holm
    /// Hochberg (1988) step-up: p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ (m − j + 1)p₍ⱼ₎).
    case hochberg

    /// The adjusted p-values, in the order given (R: `p.adjust(pValues, method)`).
    ///
    /// Method: R's stats::p.adjust, with m the number of p-values (R's default `n`).
    /// Tied p-values receive equal adjusted values.
    ///
    /// - Error Bounds: exact up to one rounding of each product m·p.
    /// - Throws: ``StatisticsError/invalidParameter(name:value:)`` for a p-value that
    ///   is NaN or outside [0, 1].
    /// - Complexity: O(m log m) for the sort (Holm, Hochberg); O(m) otherwise.
    public func adjust(_ pValues: [Double]) throws(StatisticsError) -> [Double] {
        if let bad = pValues.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .invalidParameter(name: "p-value", value: bad)
        }
        let count = Double(pValues.count)
        switch self {
        case .none:
            return pValues
        case .bonferroni:
            return pValues.map { Swift.min(1, count * $0) }
        case .holm:
            return Self.stepwise(pValues, ascending: true) { running, candidate in Swift.max(running, candidate) }
        case .hochberg:
            return Self.stepwise(pValues, ascending: false) { running, candidate in Swift.min(running, candidate) }
        }
    }

    /// Walks the p-values in sorted order, multiplying the one ranked i (1-based,
    /// ascending) by m − i + 1 and accumulating with `combine` (a running max or min);
    /// each result is capped at 1 and put back in its original position.
    private static func stepwise(
        _ pValues: [Double], ascending: Bool, combine: (Double, Double) -> Double
    ) -> [Double] {
        let count = pValues.count
        let ascendingOrder = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        let order = ascending ? ascendingOrder : ascendingOrder.reversed()
        var adjusted = pValues
        var running: Double?
        for (step, index) in order.enumerated() {
            let rank = ascending ? step + 1 : count - step
            let candidate = Double(count - rank + 1) * pValues[index]
            let value = running.map { combine($0, candidate) } ?? candidate
            running = value
            adjusted[index] = Swift.min(1, value)
        }
        return adjusted
    }
}
