/// The observations of a transport dataset being written: each value appended in the order of
/// the dataset's variables, numbers in IBM hexadecimal floating point and text blank-padded to
/// the variable's length.
public struct TransportObservationBuffer: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Empty observations, with room for `capacity` bytes.
    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends a number (`nil` or NaN: missing) as 8 bytes; see `IBMFloat.bits` for the range.
    public mutating func append(number: Double?) {
        let bits = IBMFloat.bits(number ?? .nan)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// Appends `text` in a field of `length` bytes.
    public mutating func append(text: String, length: Int) {
        bytes += TransportWriter.fieldBytes(text, length)
    }
}
