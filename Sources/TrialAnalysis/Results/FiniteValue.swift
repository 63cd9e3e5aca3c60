extension Optional where Wrapped == Double {
    /// The value when it is finite, else `nil`: results hold no NaN or infinity.
    var finite: Double? {
        flatMap { $0.isFinite ? $0 : nil }
    }
}
