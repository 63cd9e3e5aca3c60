/// CSV text built directly as UTF-8 bytes: fields never need quoting here (no commas, quotes or
/// newlines in any simulated value), and numbers are written with fixed decimals by integer
/// arithmetic, so the text is the same on every machine and fast to make.
struct CSVBuffer: Sendable {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `text` as it is.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a field separator.
    mutating func appendComma() {
        bytes.append(UInt8(ascii: ","))
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends a non-negative `value` in decimal, left-padded with zeros to at least `width` digits.
    mutating func appendInteger(_ value: Int, width: Int = 1) {
        precondition(value >= 0, "negative integer \(value)")
        var divisor = 1
        var digits = 1
        while divisor <= value / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { bytes.append(UInt8(ascii: "0")) }
        var remaining = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// Appends `value` rounded half away from zero to exactly `decimals` decimal places
    /// (a value that rounds to zero is written without a sign).
    mutating func appendFixed(_ value: Double, decimals: Int) {
        let scale = Int(powerOfTen(decimals))
        let scaled = Self.scaled(value, scale: scale)
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(abs(scaled) / scale)
        guard decimals > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        appendInteger(abs(scaled) % scale, width: decimals)
    }

    /// The number a reader gets from `appendFixed(value, decimals:)`'s text: the double nearest
    /// to the decimal written.
    static func fixed(_ value: Double, decimals: Int) -> Double {
        let scale = Int(powerOfTen(decimals))
        return Double(scaled(value, scale: scale)) / Double(scale)
    }

    /// `value` times `scale`, rounded half away from zero.
    private static func scaled(_ value: Double, scale: Int) -> Int {
        Int((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
    }

    /// Appends the USUBJID field `P<number>,`, the number zero-padded to `width` digits.
    mutating func appendIdentifier(_ number: Int, width: Int) {
        bytes.append(UInt8(ascii: "P"))
        appendInteger(number, width: width)
        appendComma()
    }
}
