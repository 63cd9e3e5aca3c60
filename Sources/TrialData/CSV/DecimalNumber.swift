#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal numbers parsed straight from UTF-8 bytes, without creating a `String`.
///
/// Accepted syntax (SPEC.md §1: `.` is the decimal mark): optional surrounding spaces or tabs,
/// an optional sign, digits with an optional `.` fraction (at least one digit in all), and an
/// optional exponent `e`/`E` with an optional sign and digits. `inf`, `nan`, hexadecimal,
/// thousands separators and decimal commas are not numbers; neither is a value that overflows.
///
/// Method: Clinger's fast path (W. D. Clinger, "How to read floating point numbers
/// accurately", PLDI 1990): when the decimal significand has at most 19 digits and fits in
/// 2^53, and the decimal exponent is within ±22, one IEEE multiplication or division of two
/// exactly representable numbers gives the correctly rounded result. Every other input
/// (long significands, large exponents) goes to the C library's `strtod`, which rounds
/// correctly. Accuracy: correctly rounded (exact to the nearest double) for every input.
enum DecimalNumber {
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number written in `bytes[range]`, or `nil` when it is not a finite decimal number.
    ///
    /// - Complexity: O(*n*) in the length of the text, without allocating on the fast path.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        if range.count <= 8, range.lowerBound + 8 <= bytes.count {
            return plainWord(bytes, range) ?? general(bytes, range)
        }
        return plain(bytes, range) ?? general(bytes, range)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// `plain` for text of at most 8 bytes with 8 bytes of the buffer from its start: the bytes
    /// read as one word, the point found and taken out, the digits checked and combined eight at
    /// a time (the method of fast_float's `parse_eight_digits_unrolled`, D. Lemire). The same
    /// significand and power of ten as `plain`, so the same value to the bit; `nil` for what
    /// `plain` refuses.
    @inline(__always)
    private static func plainWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var length = range.count
        var word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + range.lowerBound).loadUnaligned(as: UInt64.self))
        let isNegative = length > 0 && word & 0xFF == UInt64(UInt8(ascii: "-"))
        if isNegative {
            word >>= 8
            length -= 1
        }
        guard length > 0 else { return nil }
        var kept: UInt64 = (1 << UInt64(8 * length)) &- 1
        word &= kept
        var fractionDigits = 0
        let points = zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: ".")))) & kept
        if points != 0 {
            guard points & (points &- 1) == 0, length > 1 else { return nil }
            let point = points.trailingZeroBitCount >> 3
            fractionDigits = length - 1 - point
            let before: UInt64 = (1 << UInt64(8 * point)) &- 1
            word = word & before | (word >> 8) & ~before
            length -= 1
            kept >>= 8
        }
        // Each byte 0x30–0x39: a high nibble of 3, and a low nibble that 6 more does not carry.
        let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, lowNibbles: UInt64 = 0x0F0F_0F0F_0F0F_0F0F
        let carried: UInt64 = ((word & lowNibbles) &+ 0x0606_0606_0606_0606) & highNibbles
        guard word & highNibbles == 0x3030_3030_3030_3030 & kept, carried & kept == 0 else { return nil }
        // The digits, the first in the lowest byte, led by zeros up to eight.
        var digits: UInt64 = (word & lowNibbles) << UInt64(8 * (8 - length))
        digits = digits &* 10 &+ (digits >> 8)
        let pairs: UInt64 = 0x0000_00FF_0000_00FF
        let hundreds: UInt64 = (digits & pairs) &* 0x000F_4240_0000_0064
        let units: UInt64 = ((digits >> 16) & pairs) &* 0x0000_2710_0000_0001
        let significand = (hundreds &+ units) >> 32
        return value(significand, fractionDigits: fractionDigits, isNegative: isNegative)
    }

    /// The high bit of each byte of `word` that is zero, exactly (no borrow between bytes).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = ones &* 0x7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// The form data files mostly hold — an optional minus, then digits with at most one `.`
    /// among them, 16 bytes at most — read in one loop; `nil` for anything else, which `general`
    /// reads (and rejects when it is not a number). The value is `general`'s, to the bit: the same
    /// significand (below 2⁵³) and power of ten in the same division.
    @inline(__always)
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var position = range.lowerBound
        let end = range.upperBound
        guard position < end, end - position <= 16 else { return nil }
        let isNegative = bytes[position] == UInt8(ascii: "-")
        if isNegative { position += 1 }
        var significand: UInt64 = 0, digitCount = 0, point = -1
        while position < end {
            let byte = bytes[position], digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                significand = significand &* 10 &+ UInt64(digit)
                digitCount += 1
            } else if byte == UInt8(ascii: "."), point < 0 {
                point = position
            } else {
                return nil
            }
            position += 1
        }
        guard digitCount > 0, significand <= 1 << 53 else { return nil }
        return value(significand, fractionDigits: point < 0 ? 0 : end - point - 1, isNegative: isNegative)
    }

    /// The value of a plain decimal (`plain`, `plainWord`): `significand` (at most 2⁵³) divided by
    /// 10^`fractionDigits` in one correctly rounded division, −0 for a negative zero.
    @inline(__always)
    private static func value(_ significand: UInt64, fractionDigits: Int, isNegative: Bool) -> Double {
        if significand == 0 { return isNegative ? -0.0 : 0.0 }
        let magnitude = fractionDigits == 0 ? Double(significand) : Double(significand) / exactPowersOfTen[fractionDigits]
        return isNegative ? -magnitude : magnitude
    }

    /// Every accepted form (see `DecimalNumber`).
    private static func general(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return nil }

        var position = start
        var isNegative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            isNegative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        var significand: UInt64 = 0
        var exponent = 0
        var digitCount = 0
        var isTruncated = false
        while position < end, let digit = digitValue(bytes[position]) {
            accumulate(digit, into: &significand, truncated: &isTruncated)
            if isTruncated { exponent += 1 }
            digitCount += 1
            position += 1
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < end, let digit = digitValue(bytes[position]) {
                accumulate(digit, into: &significand, truncated: &isTruncated)
                if !isTruncated { exponent -= 1 }
                digitCount += 1
                position += 1
            }
        }
        guard digitCount > 0 else { return nil }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var exponentIsNegative = false
            if position < end, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
                exponentIsNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            var written = 0
            var exponentDigits = 0
            while position < end, let digit = digitValue(bytes[position]) {
                if written < 100_000 { written = written * 10 + Int(digit) }
                exponentDigits += 1
                position += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentIsNegative ? -written : written
        }
        guard position == end else { return nil }

        if significand == 0 { return isNegative ? -0.0 : 0.0 }
        if !isTruncated, significand <= 1 << 53, exponent >= -22, exponent <= 22 {
            let magnitude = exponent >= 0
                ? Double(significand) * exactPowersOfTen[exponent]
                : Double(significand) / exactPowersOfTen[-exponent]
            return isNegative ? -magnitude : magnitude
        }
        return correctlyRounded(bytes, start..<end)
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        let digit = byte &- UInt8(ascii: "0")
        return digit < 10 ? UInt64(digit) : nil
    }

    /// Appends a digit while the significand keeps 19 exact digits; afterwards marks truncation.
    private static func accumulate(_ digit: UInt64, into significand: inout UInt64, truncated: inout Bool) {
        if !truncated, significand < 1_000_000_000_000_000_000 {
            significand = significand * 10 + digit
        } else if digit != 0 || significand >= 1_000_000_000_000_000_000 {
            truncated = true
        }
    }

    /// `strtod` on a NUL-terminated copy of text already known to be a valid decimal number.
    private static func correctlyRounded(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: range.count + 1) { buffer in
            for (offset, index) in range.enumerated() { buffer[offset] = CChar(bitPattern: bytes[index]) }
            buffer[range.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        return value.isFinite ? value : nil
    }
}
