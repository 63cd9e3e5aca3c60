/// The natural logarithm and exponential computed with IEEE 754 `+ − × ÷` only.
///
/// The platform's `log` and `exp` (glibc, Apple's libm, …) may differ in the last bit, and a
/// simulated study must be the same bytes on every machine; these do not depend on any library.
/// Range reduction to a power of two (exact), then a series:
/// - `log`: log m = 2 atanh s, s = (m − 1)/(m + 1), m ∈ [√½, √2) so |s| < 0.172 (12 terms).
/// - `exp`: x = k ln 2 + r with ln 2 split in two parts (Cody and Waite), |r| ≤ ½ ln 2, Taylor
///   series of e^r to 18 terms.
///
/// Error Bounds: within a few units in the last place over the arguments the simulation uses.
enum PortableMath {
    private static let ln2 = 0.693_147_180_559_945_3
    private static let ln2High = 0.693_147_180_369_123_8
    private static let ln2Low = 1.908_214_929_270_587_7e-10

    /// The natural logarithm of a positive, finite `x`.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of \(x)")
        var m = x.significand  // in [1, 2)
        var e = Double(x.exponent)
        if m > 1.414_213_562_373_095_1 {
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var term = s
        var sum = 0.0
        for k in 0..<12 {
            sum += term / Double(2 * k + 1)
            term *= s2
        }
        return 2 * sum + e * ln2
    }

    /// e raised to `x`, for |x| < 700.
    static func exp(_ x: Double) -> Double {
        precondition(abs(x) < 700, "exp of \(x)")
        let k = (x / ln2).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        var term = 1.0
        var sum = 1.0
        for n in 1...18 {
            term *= r / Double(n)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }
}
