import Foundation

/// Formats tick values: the same number of decimals on every tick of an axis, a true minus sign,
/// and powers of ten (10⁵) for very large or small values on log axes.
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

    /// `value` rounded half away from zero to `decimals` places.
    public static func round(_ value: Double, decimals: Int) -> Double {
        let factor = pow(10, Double(decimals))
        let rounded = (value * factor).rounded() / factor
        return rounded == 0 ? 0 : rounded
    }

    /// Labels for linear ticks, all with as many decimals as the most precise tick needs
    /// (0, 0.25, 0.5 → "0.00", "0.25", "0.50").
    public static func linearLabels(_ ticks: [Double]) -> [RichText] {
        let decimals = min(6, ticks.map { TickFormatter.decimals(forStep: abs($0)) }.max() ?? 0)
        return ticks.map { RichText(format($0, decimals: decimals)) }
    }

    /// Labels for log ticks: plain decimals between 10⁻³ and 10⁴, powers of ten outside.
    public static func logLabels(_ ticks: [Double]) -> [RichText] {
        let usePowers = ticks.contains { $0 < 1e-3 || $0 >= 1e5 }
        return ticks.map { value in
            let exponent = log10(value)
            if usePowers, abs(exponent - exponent.rounded()) < 1e-9 {
                return "10" + .superscript(format(exponent.rounded(), decimals: 0))
            }
            return RichText(format(value, decimals: decimals(forStep: value)))
        }
    }

    /// `value` with `decimals` places and U+2212 MINUS SIGN for negatives.
    public static func format(_ value: Double, decimals: Int) -> String {
        let rounded = round(value, decimals: decimals)
        let text = String(format: "%.\(decimals)f", abs(rounded))
        return rounded < 0 ? "\u{2212}" + text : text
    }
}
