import RealModule

/// The hypergeometric distribution: the number of white balls among `draws` balls drawn
/// without replacement from an urn of `white` white and `black` black balls
/// (R's `dhyper(x, m = white, n = black, k = draws)`).
public struct Hypergeometric: Sendable, Equatable {
    /// m, the white balls in the urn.
    public let white: Int
    /// n, the black balls in the urn.
    public let black: Int
    /// k, the balls drawn.
    public let draws: Int

    /// Creates the distribution.
    /// - Throws: ``StatisticsError/invalidCount(_:)`` when a count is negative or
    ///   `draws > white + black`.
    public init(white: Int, black: Int, draws: Int) throws(StatisticsError) {
        guard white >= 0, black >= 0, draws >= 0, draws <= white + black else {
            throw .invalidCount("hypergeometric m = \(white), n = \(black), k = \(draws)")
        }
        self.white = white
        self.black = black
        self.draws = draws
    }

    /// The values with positive probability: max(0, k − n)…min(k, m).
    public var support: ClosedRange<Int> { Swift.max(0, draws - black)...Swift.min(draws, white) }

    /// The most probable value, ⌊(k + 1)(m + 1)/(m + n + 2)⌋.
    public var mode: Int {
        let value = Double(draws + 1) * Double(white + 1) / Double(white + black + 2)
        return Swift.min(Swift.max(Int(value.rounded(.down)), support.lowerBound), support.upperBound)
    }

    /// log P(X = x) = log C(m, x) + log C(n, k − x) − log C(m + n, k).
    ///
    /// Method: log binomial coefficients by ``LogBeta/logChoose(_:_:)`` (log-beta with
    /// Stirling remainders), so no factorial is ever formed.
    ///
    /// - Error Bounds: absolute error about 1e-11 for m + n = 10⁵ (checked against R's
    ///   `dhyper(log = TRUE)`).
    /// - Edge Cases: −∞ outside ``support``.
    /// - Complexity: O(1).
    public func logProbability(_ x: Int) -> Double {
        guard support.contains(x) else { return -.infinity }
        return LogBeta.logChoose(Double(white), Double(x))
            + LogBeta.logChoose(Double(black), Double(draws - x))
            - LogBeta.logChoose(Double(white + black), Double(draws))
    }

    /// P(X = x).
    /// - Complexity: O(1).
    public func probability(_ x: Int) -> Double { Double.exp(logProbability(x)) }

    /// Both tails at `x`: P(X ≤ x) and P(X > x), each summed over the shorter side.
    ///
    /// - Error Bounds: relative error about 1e-11 on the smaller tail (R's `phyper`).
    /// - Complexity: O(size of the shorter side of the support).
    public func tails(_ x: Int) -> TailProbabilities {
        if x < support.lowerBound { return TailProbabilities(lower: 0, upper: 1) }
        if x >= support.upperBound { return TailProbabilities(lower: 1, upper: 0) }
        if x < mode {
            let lower = (support.lowerBound...x).reduce(0.0) { $0 + probability($1) }
            return TailProbabilities(lower: lower, upper: 1 - lower)
        }
        let upper = ((x + 1)...support.upperBound).reduce(0.0) { $0 + probability($1) }
        return TailProbabilities(lower: 1 - upper, upper: upper)
    }
}
