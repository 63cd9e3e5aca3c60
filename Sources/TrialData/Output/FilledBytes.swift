extension Array where Element == UInt8 {
    /// `count` bytes, as `fill` writes them into the buffer it is given (which it must fill whole).
    init(count: Int, filledBy fill: (UnsafeMutableRawBufferPointer) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }
}
