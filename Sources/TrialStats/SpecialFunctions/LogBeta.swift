import RealModule

/// Logarithms of the beta function and of binomial coefficients.
public enum LogBeta {
    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
    ///
    /// When an argument is ≥ 10 the large log-gamma terms are cancelled
    /// analytically, using Stirling's series for the remainders, as R's `lbeta`
    /// (nmath/lbeta.c) does; otherwise RealModule's `Double.logGamma` is summed.
    ///
    /// - Error Bounds: absolute error below about 1e-14 for a, b up to 1e8 (the
    ///   direct sum of three log-gammas would lose ~eps·a·log a).
    /// - Edge Cases: NaN when a ≤ 0 or b ≤ 0.
    /// - Complexity: O(1).
    public static func of(_ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0 else { return .nan }
        let p = Swift.min(a, b), q = Swift.max(a, b)
        let logSqrtTwoPi = 0.918938533204672741780329736406
        if p >= 10 {
            let correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q)
            return -0.5 * Double.log(q) + logSqrtTwoPi + correction
                + (p - 0.5) * Double.log(p / (p + q)) + q * Double.log(onePlus: -p / (p + q))
        }
        if q >= 10 {
            let correction = stirlingRemainder(q) - stirlingRemainder(p + q)
            return Double.logGamma(p) + correction + p - p * Double.log(p + q)
                + (q - 0.5) * Double.log(onePlus: -p / (p + q))
        }
        return Double.logGamma(p) + Double.logGamma(q) - Double.logGamma(p + q)
    }

    /// log C(n, k), the log of the binomial coefficient, for 0 ≤ k ≤ n.
    ///
    /// Computed as −log(n + 1) − log B(n − k + 1, k + 1) with ``of(_:_:)``.
    ///
    /// - Error Bounds: absolute error below about 1e-13 for n up to 1e8.
    /// - Edge Cases: 0 when k = 0 or k = n; −∞ when k < 0 or k > n.
    /// - Complexity: O(1).
    public static func logChoose(_ n: Double, _ k: Double) -> Double {
        if k < 0 || k > n { return -.infinity }
        if k == 0 || k == n { return 0 }
        return -Double.log(n + 1) - of(n - k + 1, k + 1)
    }

    /// log Γ(x) − [(x − ½) log x − x + ½ log 2π], Stirling's series to x⁻⁹ (x ≥ 10).
    ///
    /// - Error Bounds: below 2e-14 absolute for x ≥ 10 (next term 691/(360360 x¹¹)).
    static func stirlingRemainder(_ x: Double) -> Double {
        let inverse = 1 / x, inverseSquared = inverse * inverse
        let series = 1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared
            * (1.0 / 1260 - inverseSquared * (1.0 / 1680 - inverseSquared / 1188)))
        return series * inverse
    }
}
