import Plot

/// The one place where numbers become the text a reader sees (DESIGN.md: rounding happens only when
/// a number is displayed). Every table, sentence and figure label of the report goes through it;
/// its rounding and minus sign are Plot's `NumberText`, which also writes the figures' tick labels.
///
/// Rules (Guides/Report.md "Report building blocks"):
/// - Rounding is half away from zero on the shortest decimal representation of the `Double`
///   (`DecimalDigits`): 2.675 → "2.68", 0.0005 → "0.001"; a value that rounds to zero has no sign.
/// - Negative numbers carry the real minus sign U+2212 ("−1.50"); `plainText(_:)` turns it into an
///   ASCII hyphen-minus for CSV.
/// - Missing, NaN or not applicable → "—" (em dash); infinities → "∞" / "−∞".
/// - Intervals are written "lower to upper", never with a dash, so negative bounds stay readable.
public enum Display {
    /// The text shown for a missing or not applicable value.
    public static let missing = NumberText.missing
    /// The minus sign of displayed numbers (U+2212 MINUS SIGN).
    public static let minusSign = NumberText.minusSign
    /// The word between the bounds of every interval.
    public static let intervalSeparator = " to "

    /// A number with a fixed count of decimals: `number(-1.005, decimals: 2)` → "−1.01".
    /// - Returns: the rounded number, "—" for `nil` or NaN, "∞"/"−∞" for infinities.
    /// - Complexity: O(digits + `decimals`).
    public static func number(_ value: Double?, decimals: Int) -> String {
        guard let value else { return missing }
        return NumberText.fixed(value, decimals: decimals)
    }

    /// A value of the plan (a threshold, a cut-off, a month) as it is written: every digit of its
    /// shortest decimal representation and no more, never rounded: `planValue(12.25)` → "12.25",
    /// `planValue(18)` → "18", `planValue(-0.5)` → "−0.5".
    /// - Returns: the number, "—" for NaN, "∞"/"−∞" for infinities.
    public static func planValue(_ value: Double) -> String {
        guard !value.isNaN else { return missing }
        guard let digits = DecimalDigits(value) else { return value > 0 ? "∞" : minusSign + "∞" }
        return digits.text(decimals: max(0, -digits.exponent), minus: minusSign)
    }

    /// A whole number such as a count: `integer(-3)` → "−3", `nil` → "—"; five digits and more
    /// in groups of three with commas (`integer(49793)` → "49,793"), four digits as they are ("1052").
    public static func integer(_ value: Int?) -> String {
        guard let value else { return missing }
        var digits = String(value.magnitude)
        if digits.count >= 5 {
            var grouped = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            digits = grouped
        }
        return value < 0 ? minusSign + digits : digits
    }

    /// A p-value: "<0.001" below 0.001; ">0.999" when three decimals would show 1.000; "<0.050" for
    /// 0.0495 ≤ p < 0.05, so a significant result never reads "0.050"; else three decimals
    /// (0.0276 → "0.028", 0.001 → "0.001", 0.05 → "0.050").
    /// - Returns: the p-value text, or "—" for `nil`, NaN or a value outside [0, 1].
    public static func pValue(_ p: Double?) -> String {
        guard let p, p >= 0, p <= 1, let digits = DecimalDigits(p) else { return missing }
        if p < 0.001 { return "<0.001" }
        let text = digits.text(decimals: 3)
        if text == "1.000" { return ">0.999" }
        if text == "0.050", p < 0.05 { return "<0.050" }
        return text
    }

    /// A proportion shown as a percentage: `percentage(0.4074)` → "40.7%". A proportion above 0
    /// that would show as 0.0% shows "<0.1%", one below 1 that would show 100.0% shows ">99.9%".
    /// - Parameter fraction: the proportion, 0...1 (not the percentage).
    public static func percentage(_ fraction: Double?, decimals: Int = 1) -> String {
        guard let fraction, !fraction.isNaN, let digits = DecimalDigits(fraction) else { return missing }
        let decimals = max(0, decimals)
        let percent = digits.scaled(byPowerOfTen: 2).rounded(toDecimals: decimals)
        if fraction > 0, percent.isZero {
            let smallest = DecimalDigits(isNegative: false, digits: [1], exponent: -decimals)
            return "<" + smallest.text(decimals: decimals) + "%"
        }
        let hundred = DecimalDigits(isNegative: false, digits: [1], exponent: 2)
        if fraction < 1, percent == hundred {
            let largest = DecimalDigits(isNegative: false, digits: Array(repeating: 9, count: decimals + 2),
                                        exponent: -decimals)
            return ">" + largest.text(decimals: decimals) + "%"
        }
        let text = percent.text(decimals: decimals, minus: minusSign)
        return text + "%"
    }

    /// A count with its percentage of a total: `countWithPercentage(11, of: 27)` → "11 (40.7%)".
    /// - Returns: "—" when the count is missing; the count alone when the total is missing or 0.
    public static func countWithPercentage(_ count: Int?, of total: Int?) -> String {
        guard let count else { return missing }
        guard let total, total > 0 else { return integer(count) }
        return integer(count) + " (" + percentage(Double(count) / Double(total)) + ")"
    }

    /// Mean and standard deviation: `meanWithSD(mean: 12.345, sd: 4.5, decimals: 1)` → "12.3 ± 4.5".
    /// - Returns: "—" when the mean is missing; the SD shows "—" when only it is missing (n = 1).
    public static func meanWithSD(mean: Double?, sd: Double?, decimals: Int) -> String {
        guard let mean, !mean.isNaN else { return missing }
        return number(mean, decimals: decimals) + " ± " + number(sd, decimals: decimals)
    }

    /// Median with first and third quartiles: "12.0 (8.5 to 20.1)".
    /// - Returns: "—" when the median is missing.
    public static func medianWithQuartiles(median: Double?, q1: Double?, q3: Double?, decimals: Int) -> String {
        estimateWithInterval(median, lower: q1, upper: q3, decimals: decimals)
    }

    /// An interval: `interval(-0.051, 0.443, decimals: 2)` → "−0.05 to 0.44".
    public static func interval(_ lower: Double?, _ upper: Double?, decimals: Int) -> String {
        number(lower, decimals: decimals) + intervalSeparator + number(upper, decimals: decimals)
    }

    /// An interval of proportions in percent, scaled on the decimal digits as `percentage` is:
    /// `percentageInterval(0.2452, 0.5929)` → "24.5 to 59.3".
    public static func percentageInterval(_ lower: Double?, _ upper: Double?, decimals: Int = 1) -> String {
        percentagePoints(lower, decimals: decimals) + intervalSeparator + percentagePoints(upper, decimals: decimals)
    }

    /// An estimate with its interval: "5.11 (1.11 to 33.08)".
    /// - Returns: "—" when the estimate is missing.
    public static func estimateWithInterval(_ estimate: Double?, lower: Double?, upper: Double?,
                                            decimals: Int) -> String {
        guard let estimate, !estimate.isNaN else { return missing }
        return number(estimate, decimals: decimals) + " (" + interval(lower, upper, decimals: decimals) + ")"
    }

    /// A difference of proportions in percentage points, one decimal: `percentagePoints(0.2074)` → "20.7".
    /// - Parameter difference: the difference of two proportions (0.2074, not 20.74).
    public static func percentagePoints(_ difference: Double?, decimals: Int = 1) -> String {
        guard let difference, !difference.isNaN, let digits = DecimalDigits(difference) else {
            return number(difference, decimals: decimals)
        }
        return digits.scaled(byPowerOfTen: 2).text(decimals: decimals, minus: minusSign)
    }

    /// A difference of proportions with its confidence interval, in percentage points:
    /// `percentagePointDifference(0.2074, lower: -0.0512, upper: 0.4431)` → "20.7 (−5.1 to 44.3)".
    public static func percentagePointDifference(_ estimate: Double?, lower: Double?, upper: Double?,
                                                 decimals: Int = 1) -> String {
        guard let estimate, !estimate.isNaN else { return missing }
        return percentagePoints(estimate, decimals: decimals) + " ("
            + percentagePoints(lower, decimals: decimals) + intervalSeparator
            + percentagePoints(upper, decimals: decimals) + ")"
    }

    /// Displayed text for machine-readable output (CSV): every U+2212 minus sign becomes an ASCII
    /// hyphen-minus, so "−1.50" reads as a number again. Nothing else changes.
    public static func plainText(_ displayed: String) -> String {
        guard displayed.utf8.contains(0xE2) else { return displayed }  // U+2212 is E2 88 92 in UTF-8
        return String(displayed.unicodeScalars.map { $0 == "\u{2212}" ? "-" : Character($0) })
    }
}
