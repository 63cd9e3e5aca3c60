import Testing
@testable import TrialData

@Suite("Row hash")
struct RowHashTests {
    /// A field's last bytes are read eight at a time when those eight lie in one page, and byte by
    /// byte at the end of a page: the same bytes hash the same wherever they lie, whatever follows.
    @Test func theSameBytesHashTheSameAtTheEndOfAPageAndInsideOne() {
        let page = 4096
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 3 * page, alignment: page)
        defer { buffer.deallocate() }
        var generator = SystemRandomNumberGenerator()
        for length in 1...40 {
            let content = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var hashes: Set<UInt64> = []
            // Inside a page with other bytes after it, and ending at a page's end or up to eight
            // bytes before it (the last bytes read one by one, or eight at a time and masked).
            for start in [100] + (0...8).map({ 2 * page - length - $0 }) {
                for index in buffer.indices { buffer[index] = 0xAA }
                let region = UnsafeMutableRawBufferPointer(rebasing: buffer[start..<(start + length)])
                region.copyBytes(from: content)
                hashes.insert(RowHash.hash(UnsafeBufferPointer(region.bindMemory(to: UInt8.self)), seed: 7))
            }
            #expect(hashes.count == 1, "length \(length)")
        }
    }
}
