/// The one rounding and formatting of numbers a reader sees: figure tick labels (``TickFormatter``)
/// and every number of the report's text and tables (TrialReport's `Display`) go through it, so a
/// value reads the same on an axis and in a sentence.
///
/// Rounding is half away from zero on the shortest decimal representation of the `Double`
/// (``DecimalDigits``), not on its binary value: 2.675 → "2.68" and 1.005 → "1.01", although the
/// nearest `Double`s lie just below; a value that rounds to zero has no sign (no "−0.00").
public enum NumberText {
    /// The minus sign of displayed numbers (U+2212 MINUS SIGN).
    public static let minusSign = "\u{2212}"
    /// The text shown for a missing or not applicable value (em dash).
    public static let missing = "—"

    /// `value` with exactly `decimals` places (negative counts as 0) and ``minusSign`` before a
    /// negative value: `fixed(-1.005, decimals: 2)` → "−1.01".
    /// - Returns: the rounded number, ``missing`` for NaN, "∞" / "−∞" for infinities.
    /// - Complexity: O(digits + `decimals`); a whole number (a month, a count, a listing's
    ///   durations) without taking its decimal digits apart.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard !value.isNaN else { return missing }
        if let whole = wholeNumber(value, decimals: decimals) { return whole }
        guard let digits = DecimalDigits(value) else { return value > 0 ? "∞" : minusSign + "∞" }
        return digits.text(decimals: decimals, minus: minusSign)
    }

    /// `fixed` of a whole number below 2⁵³ in magnitude — its digits, then `decimals` zeros
    /// after the point, which no rounding changes — else nil.
    private static func wholeNumber(_ value: Double, decimals: Int) -> String? {
        let magnitude = value.magnitude
        guard magnitude < 0x1p53, magnitude.rounded(.towardZero) == magnitude else { return nil }
        let digits = String(UInt64(magnitude))
        let text = decimals > 0 ? digits + "." + String(repeating: "0", count: decimals) : digits
        return value < 0 ? minusSign + text : text
    }

    /// `value` rounded to `decimals` places as ``fixed(_:decimals:)`` rounds it, as a `Double`
    /// (e.g. a tick position free of binary residue: 0.1 + 0.2 → 0.3); never −0. Infinities and
    /// NaN are returned as they are.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        guard let digits = DecimalDigits(value) else { return value }
        return Double(digits.text(decimals: decimals)) ?? value
    }
}
