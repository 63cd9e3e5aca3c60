/// The 80-byte records of a SAS transport file (version 5, SAS technical note TS-140) and its
/// header records: `HEADER RECORD*******NAME    HEADER RECORD!!!!!!!` followed by 30 digits.
struct TransportRecords {
    static let length = 80
    static let headerPrefix = Array("HEADER RECORD*******".utf8)
    static let headerMiddle = Array("HEADER RECORD!!!!!!!".utf8)

    /// The file's bytes, whole records only.
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String

    /// The file's bytes cut to whole records.
    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = UnsafeBufferPointer(rebasing: bytes[..<(bytes.count / Self.length * Self.length)])
        self.file = file
    }

    /// Where byte `offset` is: its record as the line and its place in the record as the column.
    static func location(_ file: String, offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: offset / length + 1, column: offset % length + 1)
    }

    func location(_ offset: Int) -> SourceLocation { Self.location(file, offset: offset) }

    /// Whether the record at `offset` (a multiple of 80) is the header record `name`
    /// (`LIBRARY`, `MEMBER`, …; blank-padded to 8 characters in the record).
    func isHeader(at offset: Int, named name: String) -> Bool {
        guard offset + Self.length <= bytes.count else { return false }
        var expected = Self.headerPrefix
        expected += Array(name.utf8) + Array(repeating: 0x20, count: 8 - name.utf8.count)
        expected += Self.headerMiddle
        return UnsafeBufferPointer(rebasing: bytes[offset..<(offset + expected.count)]).elementsEqual(expected)
    }

    /// Whether the record at `offset` is any header record (to find where observations end).
    @inline(__always)
    func isAnyHeader(at offset: Int) -> Bool {
        guard bytes[offset] == 0x48, offset + Self.length <= bytes.count else { return false }
        return UnsafeBufferPointer(rebasing: bytes[offset..<(offset + 20)]).elementsEqual(Self.headerPrefix)
            && UnsafeBufferPointer(rebasing: bytes[(offset + 28)..<(offset + 48)]).elementsEqual(Self.headerMiddle)
    }

    /// The decimal number written in `range` of the file, or `nil` when it is not all digits.
    func decimal(_ range: Range<Int>) -> Int? {
        guard range.upperBound <= bytes.count else { return nil }
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The big-endian signed integer of `count` bytes (2 or 4) at `offset`.
    func bigEndianInteger(at offset: Int, count: Int) -> Int {
        var value = 0
        for index in offset..<(offset + count) { value = value << 8 | Int(bytes[index]) }
        let bits = 8 * count
        return value >= 1 << (bits - 1) ? value - 1 << bits : value
    }

    /// The text in `range`, trimmed of trailing blanks (see `TransportText`).
    func text(_ range: Range<Int>) -> String {
        TransportText.string(UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
