import RealModule

/// An estimate made on the log scale, returned to the original scale by e^x.
///
/// For the LS mean m of log(y + c) this is the (adjusted) geometric mean e^m − c; for a
/// difference d of log-scale means it is the ratio of geometric means e^d, with the
/// confidence limits transformed the same way (the interval keeps its coverage; the
/// SE, t and p stay those of the log scale).
public struct BackTransformedEstimate: Sendable, Equatable, Codable {
    /// e^x − offset.
    public let estimate: Double
    /// The log-scale limits transformed likewise.
    public let confidenceInterval: ConfidenceInterval
}

extension LinearEstimate {
    /// e^x − `offset` for the estimate and both confidence limits: a geometric mean of
    /// y for the LS mean of log(y + offset), a ratio of geometric means for a difference
    /// (offset 0, as a difference's offsets cancel).
    public func backTransformed(subtracting offset: Double = 0) -> BackTransformedEstimate {
        BackTransformedEstimate(
            estimate: Double.exp(estimate) - offset,
            confidenceInterval: ConfidenceInterval(
                lower: Double.exp(confidenceInterval.lower) - offset,
                upper: Double.exp(confidenceInterval.upper) - offset,
                level: confidenceInterval.level))
    }
}
