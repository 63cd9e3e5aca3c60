/// The F test of one term given the other terms, as R's `drop1(fit, test = "F")`: the
/// model is refitted without the term's design columns and the increase in the residual
/// sum of squares is compared with the full model's residual mean square.
///
/// For a factor this is the global test across its levels (with the intercept and the
/// other terms in the model; the same F as `car::Anova(type = 2)` for main effects in a
/// model without their interactions).
public struct TermTest: Sendable, Equatable {
    /// The term left out.
    public let term: ModelTerm
    /// The rank lost by leaving it out (R's `Df`).
    public let degreesOfFreedom: Int
    /// The increase in the residual sum of squares (R's `Sum of Sq`).
    public let sumOfSquares: Double
    /// The residual sum of squares without the term (R's `RSS`).
    public let residualSumOfSquares: Double
    /// F = (sumOfSquares / df) / (RSS / residual df); `nil` when the term adds no rank.
    public let fStatistic: Double?
    /// P(F(df, residual df) > F); `nil` with `fStatistic`.
    public let pValue: Double?
}

extension LinearFit {
    /// The F tests of every term that no other term contains (R's `drop1` scope, which
    /// respects marginality: in `TRT + BASE + TRT:BASE` only `TRT:BASE`), in term order.
    /// - Complexity: O(n·p²) per term.
    public func dropOneTests() -> [TermTest] {
        frame.terms.indices.compactMap(dropOneTest(termIndex:))
    }

    /// The F test of `term` given the other terms, or `nil` when the model does not have
    /// it or another term contains it.
    public func dropOneTest(_ term: ModelTerm) -> TermTest? {
        frame.terms.firstIndex { Set($0.variables) == Set(term.variables) }.flatMap(dropOneTest(termIndex:))
    }

    private func dropOneTest(termIndex: Int) -> TermTest? {
        let term = frame.terms[termIndex]
        let containing = frame.terms.enumerated().contains { index, other in
            index != termIndex && term.isContained(in: other)
        }
        guard !containing else { return nil }
        let kept = frame.columns.indices.filter { frame.columns[$0].term != termIndex }
        let reduced = HouseholderQR(columnMajor: frame.design(columns: kept).storage, rows: frame.observationCount, columns: kept.count)
        let effects = reduced.qTransposeTimes(frame.response)
        let reducedRSS = effects[reduced.rank...].reduce(0) { $0 + $1 * $1 }
        let df = rank - reduced.rank
        let sumOfSquares = reducedRSS - residualSumOfSquares
        var f: Double?, p: Double?
        if df > 0, let distribution = try? FDistribution(
            numeratorDegreesOfFreedom: Double(df), denominatorDegreesOfFreedom: Double(residualDegreesOfFreedom)) {
            let statistic = (sumOfSquares / Double(df)) / (residualSumOfSquares / Double(residualDegreesOfFreedom))
            f = statistic
            p = distribution.survival(statistic)
        }
        return TermTest(
            term: term, degreesOfFreedom: df, sumOfSquares: sumOfSquares,
            residualSumOfSquares: reducedRSS, fStatistic: f, pValue: p)
    }
}
