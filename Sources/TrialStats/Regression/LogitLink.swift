import RealModule

/// The logit link and the binomial deviance as R's `binomial()` family computes them.
///
/// Source: R's `src/library/stats/src/family.c` (`logit_linkinv`, `logit_mu_eta`,
/// `binomial_dev_resids`). R keeps μ inside [ε/(1+ε), 1/(1+ε)] by clamping η at ±30, and
/// the derivative dμ/dη at ε there, so that iteratively reweighted least squares never
/// meets a zero weight; reproducing the clamps reproduces R's iterations, also under
/// separation.
enum LogitLink {
    /// |η| beyond which R clamps (`THRESH`, `MTHRESH` in family.c).
    static let threshold = 30.0

    /// μ = e^η / (1 + e^η) and dμ/dη = e^η / (1 + e^η)² from one exponential, with R's
    /// clamping: beyond |η| = 30, e^η is taken as ε or 1/ε and dμ/dη as ε.
    @inline(__always)
    static func meanAndDerivative(_ eta: Double) -> (mean: Double, derivative: Double) {
        if eta < -threshold || eta > threshold {
            let odds = eta < 0 ? Double.ulpOfOne : 1 / Double.ulpOfOne
            return (odds / (1 + odds), Double.ulpOfOne)
        }
        let odds = Double.exp(eta)
        return (odds / (1 + odds), odds / ((1 + odds) * (1 + odds)))
    }

    /// The deviance contribution of one binary observation, −2·log P(y | μ).
    @inline(__always)
    static func deviance(response y: Double, mean mu: Double) -> Double {
        y == 1 ? -2 * Double.log(mu) : -2 * Double.log(1 - mu)
    }

    /// log(1 + e^x) without overflow or loss of accuracy for large |x|.
    @inline(__always)
    static func softplus(_ x: Double) -> Double {
        x > 0 ? x + Double.log(onePlus: Double.exp(-x)) : Double.log(onePlus: Double.exp(x))
    }
}
