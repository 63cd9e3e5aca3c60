import Testing

/// The agreement with R that issue 3 requires, in one place: relative difference
/// ≤ 1e-6, or absolute difference ≤ 1e-10 when the reference is below 1e-6 in size
/// (small p-values, limits at 0). Infinities must match exactly.
enum Tolerance {
    static let relative = 1e-6
    static let absoluteBelowOneMillionth = 1e-10

    static func agrees(_ actual: Double, _ expected: Double) -> Bool {
        if expected.isInfinite || actual.isInfinite { return actual == expected }
        let difference = abs(actual - expected)
        if abs(expected) < 1e-6 { return difference <= absoluteBelowOneMillionth }
        return difference <= relative * abs(expected)
    }
}

/// Records an issue naming `what` when `actual` does not agree with R's `expected`.
func expectAgrees(
    _ actual: Double, _ expected: Double, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        Tolerance.agrees(actual, expected),
        "\(what()): got \(actual), R \(expected)", sourceLocation: sourceLocation
    )
}
