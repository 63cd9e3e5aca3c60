import Testing
@testable import TrialData

@Suite("Row hash")
struct RowHashTests {
    /// The hash as first defined, byte by byte: eight-byte little-endian words, then the last
    /// bytes as one word (the digests of every lock written so far depend on it).
    static func reference(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
        func word(_ range: Range<Int>) -> UInt64 {
            range.enumerated().reduce(0) { $0 | UInt64(bytes[$1.element]) << (8 * UInt64($1.offset)) }
        }
        var state = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = RowHash.fold(state ^ word(offset..<(offset + 8)), 0x9E37_79B9_7F4A_7C15)
            offset += 8
        }
        if offset < bytes.count { state = RowHash.fold(state ^ word(offset..<bytes.count), 0xE703_7ED1_A0B4_28DB) }
        return RowHash.fold(state ^ (state >> 29), 0x8EBC_6AF0_9C88_C6E3)
    }

    /// A field's last bytes are read 4, 2 and 1 at a time, never past its end: the same bytes hash
    /// as defined wherever they lie — at a page's end too — whatever follows them.
    @Test func theSameBytesHashAsDefinedWhereverTheyLie() {
        let page = 4096
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 3 * page, alignment: page)
        defer { buffer.deallocate() }
        var generator = SystemRandomNumberGenerator()
        for length in 1...40 {
            let content = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Inside a page with other bytes after it, and ending at a page's end or up to eight
            // bytes before it, at every alignment.
            for start in (100..<108).map({ $0 }) + (0...8).map({ 2 * page - length - $0 }) {
                for index in buffer.indices { buffer[index] = 0xAA }
                let region = UnsafeMutableRawBufferPointer(rebasing: buffer[start..<(start + length)])
                region.copyBytes(from: content)
                #expect(RowHash.hash(UnsafeBufferPointer(region.bindMemory(to: UInt8.self)), seed: 7) == Self.reference(content, seed: 7),
                        "length \(length), start \(start)")
            }
        }
    }
}
