/// Eight bytes of a CSV file examined at once: how many of them, from the first, are certainly
/// ordinary text for `CSVScanner` (printable ASCII other than the comma and the quote), or how
/// many come before a field's end (`CSVFile.forEachField`).
///
/// A byte below 0x20, from 0x7F up, a comma or a quote may end a field or need a check, and the
/// scanner looks at it through `CSVByteClass`; so may a tab, which is ordinary but below 0x20.
/// Each test is the classic "has a zero byte" trick, which can flag a byte only at or after the
/// first byte truly flagged: the lowest flag is exact.
enum CSVWordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The number of leading bytes of `word` (its bytes in memory order, little-endian) that are
    /// printable ASCII other than `,` and `"`: 8 when all are.
    @inline(__always)
    static func ordinaryPrefix(_ word: UInt64) -> Int {
        let word = UInt64(littleEndian: word)
        let control = (word &- ones &* 0x20) & ~word & highBits
        let delete = equal(word, 0x7F), comma = equal(word, 0x2C), quote = equal(word, 0x22)
        let flagged = control | (word & highBits) | delete | comma | quote
        return flagged.trailingZeroBitCount >> 3
    }

    /// The number of leading bytes of `word` (its bytes in memory order) before the first comma,
    /// line feed or carriage return: 8 when there is none.
    @inline(__always)
    static func separatorPrefix(_ word: UInt64) -> Int {
        let word = UInt64(littleEndian: word)
        return (equal(word, 0x2C) | equal(word, 0x0A) | equal(word, 0x0D)).trailingZeroBitCount >> 3
    }

    /// The high bit of each byte of `word` that equals `byte` (and, above such a byte, perhaps others).
    @inline(__always)
    private static func equal(_ word: UInt64, _ byte: UInt64) -> UInt64 {
        let difference = word ^ (ones &* byte)
        return (difference &- ones) & ~difference & highBits
    }
}
