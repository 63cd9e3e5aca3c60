/// The Adler-32 checksum that ends a zlib stream (RFC 1950, 8.2), and in constant time for a run
/// of one byte, the form most of a PNG's filtered scanlines take.
struct Adler32 {
    private static let modulus: UInt32 = 65_521
    /// Bytes whose sums cannot pass 2³² before reduced (zlib's `NMAX`).
    private static let bytesPerReduction = 5_552
    /// The checksum of the bytes so far (1 for none).
    private(set) var value: UInt32 = 1

    /// Adds `bytes`.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var sum = value & 0xFFFF, sumOfSums = value >> 16, index = 0
        while index < bytes.count {
            let end = min(index + Self.bytesPerReduction, bytes.count)
            while index < end {
                sum &+= UInt32(bytes[index])
                sumOfSums &+= sum
                index += 1
            }
            sum %= Self.modulus
            sumOfSums %= Self.modulus
        }
        value = sumOfSums << 16 | sum
    }

    /// Adds `count` copies of `byte`: the byte sum grows by `count` · `byte`, the sum of byte
    /// sums by `count` times the old byte sum plus `byte` · `count` (`count` + 1) / 2.
    mutating func update(repeating byte: UInt8, count: Int) {
        let modulus = Int(Self.modulus), count = count % modulus
        let sum = Int(value & 0xFFFF), sumOfSums = Int(value >> 16)
        let triangle = (count * (count + 1) / 2) % modulus
        let newSum = (sum + count * Int(byte)) % modulus
        let newSumOfSums = (sumOfSums + count * sum + Int(byte) * triangle) % modulus
        value = UInt32(newSumOfSums << 16 | newSum)
    }
}
