/// When two numbers of results agree, for `trialreport diff`.
///
/// Two numbers agree when |a − b| ≤ tolerance × max(|a|, |b|, 1): relative to the larger
/// magnitude, and absolute (|a − b| ≤ tolerance) when both are below 1 in magnitude, so values
/// near 0 (p-values of 1e-15, estimates of 0) are not held to a relative standard they cannot
/// meet. Equal numbers always agree; a number never agrees with `null` or with text.
public struct NumericTolerance: Sendable, Hashable {
    /// The tolerance, not negative; 0 asks for exact equality.
    public var relative: Double

    /// The default, 1e-9: results of the same program agree exactly; independently programmed
    /// results usually agree to this.
    public static let standard = NumericTolerance(relative: 1e-9)

    /// A tolerance.
    public init(relative: Double) {
        self.relative = relative
    }

    /// Whether `a` and `b` agree.
    public func agrees(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= relative * Swift.max(abs(a), abs(b), 1)
    }

    /// |a − b| / max(|a|, |b|); 0 when both are 0.
    public static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        let scale = Swift.max(abs(a), abs(b))
        return scale == 0 ? 0 : abs(a - b) / scale
    }
}
