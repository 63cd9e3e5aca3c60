import Testing

/// Records an issue naming `what` unless `actual` is within `relative` of R's `expected`
/// (relative difference, or absolute `relative` when `expected` is zero): for the
/// routines whose documentation claims more than ``Tolerance``'s 1e-6.
func expectClose(
    _ actual: Double, _ expected: Double, relative: Double, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let scale = expected == 0 ? 1 : abs(expected)
    #expect(
        abs(actual - expected) <= relative * scale,
        "\(what()): got \(actual), R \(expected)", sourceLocation: sourceLocation
    )
}
