/// Brent's root finder exactly as R's `uniroot` runs it.
enum BrentRoot {
    /// R's default `uniroot` tolerance, `.Machine$double.eps^0.25`.
    static let defaultTolerance = 0.0001220703125

    /// A root of `f` in [a, b] given f(a) and f(b) of opposite signs.
    ///
    /// A line-by-line port of R's `R_zeroin2` (src/library/stats/src/zeroin.c, after
    /// Brent 1973 / netlib `zeroin.c` by Oleg Keselyov), with R's `uniroot` defaults
    /// (tolerance eps^¼, 1000 iterations). Reproducing R's iterates matters because
    /// `fisher.test` reports the point where this search stops, not the exact root.
    ///
    /// - Complexity: at most `maximumIterations` evaluations of `f`.
    static func zeroin<Failure: Error>(
        _ f: (Double) throws(Failure) -> Double, lower ax: Double, upper bx: Double,
        valueAtLower fa: Double, valueAtUpper fb: Double,
        tolerance: Double = defaultTolerance, maximumIterations: Int = 1000
    ) throws(Failure) -> Double {
        var a = ax, b = bx, fa = fa, fb = fb
        var c = a, fc = fa
        if fa == 0 { return a }
        if fb == 0 { return b }
        for _ in 0...maximumIterations {
            let previousStep = b - a
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let actualTolerance = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            var newStep = (c - b) / 2
            if abs(newStep) <= actualTolerance || fb == 0 { return b }
            if abs(previousStep) >= actualTolerance && abs(fa) > abs(fb) {
                let cb = c - b
                var p: Double, q: Double
                if a == c {
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1 - t1
                } else {
                    let ratioAC = fa / fc, t1 = fb / fc, t2 = fb / fa
                    p = t2 * (cb * ratioAC * (ratioAC - t1) - (b - a) * (t1 - 1))
                    q = (ratioAC - 1) * (t1 - 1) * (t2 - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if p < 0.75 * cb * q - abs(actualTolerance * q) / 2 && p < abs(previousStep * q / 2) {
                    newStep = p / q
                }
            }
            if abs(newStep) < actualTolerance {
                newStep = newStep > 0 ? actualTolerance : -actualTolerance
            }
            a = b; fa = fb
            b += newStep
            fb = try f(b)
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
                c = a; fc = fa
            }
        }
        return b
    }
}
