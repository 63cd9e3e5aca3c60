/// A finite number held as its decimal digits, so that rounding happens on the decimal
/// representation a reader sees and not on the binary value: `2.675` rounds to `2.68`, although the
/// nearest `Double` is 2.67499999999999982236431605997495353221893310546875.
///
/// The digits are those of Swift's shortest round-trip representation of the `Double`
/// (`Double.description`), which is exact and the same on every platform.
package struct DecimalDigits: Sendable, Hashable {
    /// Whether the value is below zero (never set for zero).
    package var isNegative: Bool
    /// The significant digits, each 0...9, most significant first; empty for zero.
    package var digits: [UInt8]
    /// The value is `digits` read as an integer times 10^`exponent`.
    package var exponent: Int

    /// The decimal digits of `value`, or `nil` when it is infinite or NaN.
    ///
    /// A whole number below 2⁵³ is read as an integer: its digits are its shortest round-trip
    /// representation (its neighbours are at most 1 apart, so no shorter decimal reads back as it).
    /// - Complexity: O(number of digits), at most 17 significant digits.
    package init?(_ value: Double) {
        guard value.isFinite else { return nil }
        let magnitude = value.magnitude
        if magnitude < 0x1p53, magnitude.rounded(.towardZero) == magnitude {
            var whole = UInt64(magnitude)
            var digits: [UInt8] = []
            while whole > 0 {
                digits.append(UInt8(whole % 10))
                whole /= 10
            }
            self.init(isNegative: value < 0, digits: digits.reversed(), exponent: 0)
            return
        }
        var digits: [UInt8] = []
        var exponent = 0, written = 0
        var pointSeen = false, inExponent = false, exponentIsNegative = false
        for byte in magnitude.description.utf8 {
            if inExponent {
                if byte == UInt8(ascii: "-") { exponentIsNegative = true }
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { written = written * 10 + Int(byte - 48) }
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                inExponent = true
            } else if byte == UInt8(ascii: ".") {
                pointSeen = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits.append(byte - 48)
                if pointSeen { exponent -= 1 }
            }
        }
        exponent += exponentIsNegative ? -written : written
        self.init(isNegative: value < 0, digits: digits, exponent: exponent)
    }

    /// A value from raw parts; leading and trailing zero digits are removed.
    package init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.endIndex
        digits.removeSubrange(..<firstNonZero)
        self.isNegative = isNegative && !digits.isEmpty
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// Whether the value is zero.
    package var isZero: Bool { digits.isEmpty }

    /// The value times 10^`power`, exactly (e.g. a fraction as a percentage with `power` 2).
    package func scaled(byPowerOfTen power: Int) -> DecimalDigits {
        DecimalDigits(isNegative: isNegative, digits: digits, exponent: exponent + power)
    }

    /// The value rounded to `decimals` places after the point, half away from zero on the
    /// decimal digits. A value that rounds to zero loses its sign (no "-0.00").
    /// - Complexity: O(number of digits + `decimals`).
    package func rounded(toDecimals decimals: Int) -> DecimalDigits {
        let dropped = -decimals - exponent
        guard dropped > 0 else { return self }
        let keptCount = digits.count - dropped
        guard keptCount >= 0 else {
            return DecimalDigits(isNegative: false, digits: [], exponent: 0)
        }
        var kept = Array(digits[..<keptCount])
        if digits[keptCount] >= 5 {
            var index = kept.count - 1
            while index >= 0, kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        }
        return DecimalDigits(isNegative: isNegative, digits: kept, exponent: -decimals)
    }

    /// The value in fixed notation with exactly `decimals` places, rounded as `rounded(toDecimals:)`,
    /// with `minus` before a negative value: `text(decimals: 2)` of -1.005 is "-1.01".
    package func text(decimals: Int, minus: String = "-") -> String {
        let decimals = max(0, decimals)
        let value = rounded(toDecimals: decimals)
        let zeros = value.isZero ? 0 : value.exponent + decimals
        let zero = UInt8(ascii: "0")
        var bytes = value.digits.map { zero + $0 }
        bytes += repeatElement(zero, count: max(0, zeros))
        if bytes.count < decimals + 1 {
            bytes.insert(contentsOf: repeatElement(zero, count: decimals + 1 - bytes.count), at: 0)
        }
        if decimals > 0 { bytes.insert(UInt8(ascii: "."), at: bytes.count - decimals) }
        return (value.isNegative ? minus : "") + String(decoding: bytes, as: UTF8.self)
    }
}
