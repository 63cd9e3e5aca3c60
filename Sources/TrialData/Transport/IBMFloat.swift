/// IBM System/360 hexadecimal floating point, the number format of SAS transport files.
///
/// A number is a sign bit, a 7-bit exponent *e* (excess 64, base 16) and a fraction *F* of
/// 56 bits: ±(*F* / 2⁵⁶) · 16^(*e* − 64). SAS may store a numeric variable in 2 to 8 bytes:
/// the first bytes of the 8-byte form, the rest of the fraction being zero. A double's 53-bit
/// significand always fits in 56 bits, so numbers written from doubles read back exactly; a
/// fraction with more than 53 significant bits is rounded once, to nearest, ties to even. The
/// range (about 5.4e-79 to 7.2e75) lies well inside a double's, so nothing overflows or
/// becomes subnormal. A zero fraction whose first byte is `.`, `_` or `A`–`Z` is SAS's missing
/// value of that name (`SASMissingValue`).
enum IBMFloat {
    /// The number held in the `length` bytes (2...8) at `bytes`, big-endian.
    @inline(__always)
    static func double(at bytes: UnsafeRawPointer, length: Int) -> Double {
        if length == 8 { return double(bits: UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))) }
        var bits: UInt64 = 0
        for index in 0..<length {
            bits |= UInt64(bytes.load(fromByteOffset: index, as: UInt8.self)) << (56 - 8 * UInt64(index))
        }
        return double(bits: bits)
    }

    /// The number whose 8-byte IBM form is `bits`; a missing value as `SASMissingValue.nan`.
    @inline(__always)
    static func double(bits: UInt64) -> Double {
        let fraction = bits & 0x00FF_FFFF_FFFF_FFFF
        let signAndExponent = UInt8(truncatingIfNeeded: bits >> 56)
        guard fraction != 0 else {
            if let missing = SASMissingValue(tagByte: signAndExponent) { return missing.value }
            return signAndExponent & 0x80 == 0 ? 0 : -0.0
        }
        // 2^(4(e − 64) − 56), between 2^-312 and 2^196: a normal double, built from its bits.
        let binaryExponent = 4 * (Int64(signAndExponent & 0x7F) - 64) - 56
        let scale = Double(bitPattern: UInt64(1023 + binaryExponent) << 52)
        // Converting the integer rounds once (to nearest, ties to even); scaling by a power of
        // two is then exact.
        let magnitude = Double(fraction) * scale
        return signAndExponent & 0x80 == 0 ? magnitude : -magnitude
    }

    /// The 8-byte IBM form of `value`, exact for every double in the IBM range: a NaN as SAS's
    /// missing value (its tag when it carries one, else `.`), a magnitude below the smallest IBM
    /// number (about 5.4e-79) as a zero of its sign, and one above the largest (about 7.2e75) as
    /// the missing value `.`, which transport files have no other way to hold.
    static func bits(_ value: Double) -> UInt64 {
        let sign: UInt64 = value.sign == .minus ? 1 << 63 : 0
        let missing = UInt64(UInt8(ascii: ".")) << 56
        guard !value.isNaN else { return UInt64(SASMissingValue(value)?.tag ?? UInt8(ascii: ".")) << 56 }
        guard value.isFinite else { return missing }
        guard value != 0 else { return sign }
        let magnitude = value.magnitude
        // magnitude = f · 2^binary with f in [1/2, 1); the hexadecimal exponent is ceil(binary / 4).
        let binary = Int(magnitude.exponent) + 1
        let hexadecimal = binary > 0 ? (binary + 3) / 4 : -(-binary / 4)
        let biased = hexadecimal + 64
        guard biased <= 127 else { return missing }
        guard biased >= 0 else { return sign }
        // The fraction magnitude · 2^(56 − 4h) lies in [2^52, 2^56) and is a whole number: exact.
        let fraction = UInt64(Double(sign: .plus, exponent: 56 - 4 * hexadecimal, significand: magnitude))
        return sign | UInt64(biased) << 56 | fraction
    }
}

/// One of SAS's 28 missing values: `.` (the ordinary one), `._` and `.A`–`.Z` (the special
/// missing values, which say why a value is missing).
///
/// Transport files are read with missing numbers as NaN (so `isNaN` finds them all), each
/// carrying its tag in the NaN's payload: `SASMissingValue(number)` tells which one it is.
public struct SASMissingValue: Sendable, Hashable, CustomStringConvertible {
    /// The byte after the dot: `.` for the ordinary missing value, `_`, or `A`–`Z`.
    public let tag: UInt8

    /// The missing value with this tag (`.`, `_`, `A`–`Z`), or `nil` for any other byte.
    public init?(tagByte: UInt8) {
        guard tagByte == UInt8(ascii: ".") || tagByte == UInt8(ascii: "_")
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(tagByte) else { return nil }
        tag = tagByte
    }

    /// The missing value a number read from a transport file stands for, or `nil` when the
    /// number is not missing (or is a NaN from elsewhere, such as `Double.nan`).
    public init?(_ number: Double) {
        guard number.isNaN, !number.isSignalingNaN else { return nil }
        let payload = number.significandBitPattern & ~(Double.RawSignificand(1) << (Double.significandBitCount - 1))
        guard payload <= 0xFF else { return nil }
        self.init(tagByte: UInt8(payload))
    }

    /// A quiet NaN carrying the tag, as stored in a column of numbers.
    public var value: Double { Double(nan: Double.RawSignificand(tag), signaling: false) }

    /// As SAS writes it: `.`, `._`, `.A`.
    public var description: String { tag == UInt8(ascii: ".") ? "." : "." + String(UnicodeScalar(tag)) }
}
