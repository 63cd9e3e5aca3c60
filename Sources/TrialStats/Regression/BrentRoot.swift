/// Brent's root finder on a bracketing interval.
///
/// Method: Brent, R. P. (1973), *Algorithms for Minimization without Derivatives*, ch. 4
/// (`zeroin`): inverse quadratic interpolation and secant steps, falling back to bisection,
/// as in R's `uniroot` (`R_zeroin2` in `src/library/stats/src/zeroin.c`).
/// Accuracy: the root is located to within 4·ε·|x| + `tolerance`/2.
enum BrentRoot {
    /// A root of `f` in [a, b], given f(a) and f(b) of opposite signs (or one of them 0).
    /// - Complexity: at most `maximumEvaluations` calls of `f`.
    static func find<Failure: Error>(
        in bracket: (a: Double, b: Double), values: (fa: Double, fb: Double),
        tolerance: Double, maximumEvaluations: Int = 200, _ f: (Double) throws(Failure) -> Double
    ) throws(Failure) -> Double {
        var (a, b) = bracket
        var (fa, fb) = values
        var c = a, fc = fa
        for _ in 0..<maximumEvaluations {
            let previousStep = b - a
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let toleranceHere = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            let bisection = (c - b) / 2
            if abs(bisection) <= toleranceHere || fb == 0 { return b }
            var step = bisection
            if abs(previousStep) >= toleranceHere && abs(fa) > abs(fb) {
                var p: Double, q: Double
                let cb = c - b
                if a == c {
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1 - t1
                } else {
                    let qa = fa / fc, t1 = fb / fc, t2 = fb / fa
                    p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
                    q = (qa - 1) * (t1 - 1) * (t2 - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if p < 0.75 * cb * q - abs(toleranceHere * q) / 2 && p < abs(previousStep * q / 2) {
                    step = p / q
                }
            }
            if abs(step) < toleranceHere { step = step > 0 ? toleranceHere : -toleranceHere }
            a = b; fa = fb
            b += step
            fb = try f(b)
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
                c = a; fc = fa
            }
        }
        return b
    }
}
