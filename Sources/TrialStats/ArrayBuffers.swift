extension ArraySlice where Element == [Double] {
    /// Calls `body` with the buffers of these arrays, in order, each valid only during the call:
    /// a loop over many arrays then reads them without a reference count or a bounds check per value.
    func withBuffers<Result>(
        _ collected: [UnsafeBufferPointer<Double>] = [], _ body: ([UnsafeBufferPointer<Double>]) -> Result
    ) -> Result {
        guard let first else { return body(collected) }
        return first.withUnsafeBufferPointer { dropFirst().withBuffers(collected + [$0], body) }
    }
}

extension Array where Element == [Double] {
    /// Calls `body` with the buffers of these arrays, in order (see `ArraySlice.withBuffers`).
    func withBuffers<Result>(_ body: ([UnsafeBufferPointer<Double>]) -> Result) -> Result {
        self[...].withBuffers([], body)
    }
}
