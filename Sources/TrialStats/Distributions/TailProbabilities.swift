/// The two tail probabilities P(X ≤ x) and P(X > x) of a distribution at one point.
///
/// Whichever tail is smaller is computed directly (never as `1 − other`), so it keeps
/// full relative accuracy far into the tail; the larger one is `1 − smaller`.
public struct TailProbabilities: Sendable, Equatable {
    /// P(X ≤ x).
    public let lower: Double
    /// P(X > x).
    public let upper: Double

    @inlinable
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The tails of the reflected variable −X (lower and upper swapped).
    @inlinable
    public var swapped: TailProbabilities { TailProbabilities(lower: upper, upper: lower) }

    /// Both tails NaN, for arguments outside a function's domain.
    public static let undefined = TailProbabilities(lower: .nan, upper: .nan)
}
