import Foundation

/// Formats tick values: the same number of decimals on every tick of an axis, rounded and written
/// by ``NumberText`` as every number of the report is, and powers of ten (10⁵) for very large or
/// small values on log axes.
public enum TickFormatter {
    /// The decimals needed to print multiples of `step` exactly (0.25 → 2, 5 → 0).
    public static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        for decimals in 0...12 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
        }
        return 12
    }

    /// Labels for linear ticks, all with as many decimals as the most precise tick needs
    /// (0, 0.25, 0.5 → "0.00", "0.25", "0.50").
    public static func linearLabels(_ ticks: [Double]) -> [RichText] {
        let decimals = min(6, ticks.map { TickFormatter.decimals(forStep: abs($0)) }.max() ?? 0)
        return ticks.map { RichText(NumberText.fixed($0, decimals: decimals)) }
    }

    /// Labels for log ticks: plain decimals between 10⁻³ and 10⁴, powers of ten outside.
    public static func logLabels(_ ticks: [Double]) -> [RichText] {
        let usePowers = ticks.contains { $0 < 1e-3 || $0 >= 1e5 }
        return ticks.map { value in
            let exponent = log10(value)
            if usePowers, abs(exponent - exponent.rounded()) < 1e-9 {
                return "10" + .superscript(NumberText.fixed(exponent.rounded(), decimals: 0))
            }
            return RichText(NumberText.fixed(value, decimals: decimals(forStep: value)))
        }
    }
}
