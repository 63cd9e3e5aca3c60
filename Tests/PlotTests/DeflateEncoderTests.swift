import CZlib
import Testing
import TrialReportTestSupport
@testable import Plot

/// Our zlib streams inflate, with zlib's own `uncompress`, to the bytes given: random, uniform,
/// short, long runs, a figure's scanlines, across block boundaries and however appended.
@Suite struct DeflateEncoderTests {
    /// Deterministic pseudo-random bytes (xorshift64).
    private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 32)
        }
    }

    /// The zlib stream of `bytes` appended `pieceSize` bytes at a time (all at once when nil).
    private func compressed(_ bytes: [UInt8], pieceSize: Int? = nil, pixelBytes: Int = 3) -> [UInt8] {
        var encoder = DeflateEncoder(pixelBytes: pixelBytes)
        bytes.withUnsafeBytes { bytes in
            let size = max(1, pieceSize ?? bytes.count)
            for start in stride(from: 0, to: bytes.count, by: size) {
                encoder.append(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + size, bytes.count)]))
            }
        }
        return encoder.finish()
    }

    /// `stream` inflated by zlib, nil when zlib rejects it or it does not hold `expectedCount` bytes.
    private func inflated(_ stream: [UInt8], expectedCount: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: expectedCount + 1)
        var outputCount = uLong(output.count)
        guard uncompress(&output, &outputCount, stream, uLong(stream.count)) == Z_OK, Int(outputCount) == expectedCount else { return nil }
        return Array(output[..<expectedCount])
    }

    private func expectRoundTrip(_ bytes: [UInt8], pieceSize: Int? = nil, pixelBytes: Int = 3,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let stream = compressed(bytes, pieceSize: pieceSize, pixelBytes: pixelBytes)
        #expect(inflated(stream, expectedCount: bytes.count) == bytes, "\(bytes.count) bytes", sourceLocation: sourceLocation)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 7, 8, 9, 258, 259, 260, 261, 1000])
    func shortAndUniformInputsRoundTrip(count: Int) {
        expectRoundTrip(randomBytes(count, seed: UInt64(count)))
        expectRoundTrip([UInt8](repeating: 0, count: count))
        expectRoundTrip([UInt8](repeating: 0xFF, count: count))
    }

    @Test func randomBytesRoundTripOverManyBlocks() {
        let bytes = randomBytes(5 * DeflateEncoder.blockSymbols + 17, seed: 42)
        expectRoundTrip(bytes)
        expectRoundTrip(bytes, pieceSize: 1)
        expectRoundTrip(bytes, pieceSize: 1000, pixelBytes: 4)
    }

    @Test func longRunsRoundTripAndPackSmall() {
        // A megabyte of zeros broken every 10,007 bytes by a short colour run.
        var bytes = [UInt8](repeating: 0, count: 1 << 20)
        for start in stride(from: 5_000, to: bytes.count - 12, by: 10_007) {
            for offset in 0..<12 { bytes[start + offset] = [0x12, 0x34, 0x56][offset % 3] }
        }
        let stream = compressed(bytes)
        #expect(inflated(stream, expectedCount: bytes.count) == bytes)
        #expect(stream.count < 8_000, "\(stream.count) bytes")
        expectRoundTrip(bytes, pieceSize: 4_099)
        expectRoundTrip([UInt8](repeating: 0xAB, count: 1 << 20))
    }

    /// Bytes with no byte equal to the one 1 or 3 before: one literal symbol each.
    @Test(arguments: [-1, 0, 1])
    func blocksEndExactlyWhereTheSymbolsFillThem(offset: Int) {
        let count = DeflateEncoder.blockSymbols + offset
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 7) }
        expectRoundTrip(bytes)
        expectRoundTrip(bytes + [UInt8](repeating: 0, count: 600))
    }

    @Test func zerosAppendedAsZerosGiveTheSameStream() {
        for lead: [UInt8] in [[], [0], [5], [1, 2, 3, 0, 0]] {
            for count in [1, 2, 3, 4, 258, 259, 260, 261, 262, 1_000, 70_000] {
                var fast = DeflateEncoder(pixelBytes: 3), plain = DeflateEncoder(pixelBytes: 3)
                lead.withUnsafeBytes { fast.append($0) }
                fast.appendZeros(count)
                lead.withUnsafeBytes { plain.append($0) }
                [UInt8](repeating: 0, count: count).withUnsafeBytes { plain.append($0) }
                let stream = fast.finish(), plainStream = plain.finish()
                #expect(stream == plainStream, "lead \(lead), \(count) zeros")
                #expect(inflated(stream, expectedCount: lead.count + count) == lead + [UInt8](repeating: 0, count: count))
            }
        }
    }

    /// A figure's scanlines (the PNG's image data inflated) re-encoded whole and row by row.
    @Test func aFiguresScanlinesRoundTrip() throws {
        let figure = Gallery.forest
        let png = try Canvas(width: figure.width, height: figure.height, dpi: 300).render(figure.drawable, as: .png)
        let size = PNGInspection.size(png)
        let rowBytes = 1 + 3 * size.width
        let scanlines = try #require(inflated(PNGInspection.imageData(png), expectedCount: rowBytes * size.height))
        #expect(scanlines.count(where: { $0 == 0 }) > scanlines.count / 2, "mostly zeros after the Up filter")
        let whole = compressed(scanlines)
        #expect(inflated(whole, expectedCount: scanlines.count) == scanlines)
        #expect(whole.count > DeflateEncoder.blockSymbols / 8, "several blocks")
        expectRoundTrip(scanlines, pieceSize: rowBytes)
        expectRoundTrip(scanlines, pieceSize: 333, pixelBytes: 4)
    }

    @Test func theChecksumIsZlibsAdler32() {
        let bytes = randomBytes(100_000, seed: 7)
        for (byte, count) in [(UInt8(0), 1), (0, 65_521), (0, 200_000), (0xFF, 65_522), (0x80, 6_000), (3, 0)] {
            var ours = Adler32()
            bytes.withUnsafeBytes { ours.update($0) }
            ours.update(repeating: byte, count: count)
            let all = bytes + [UInt8](repeating: byte, count: count)
            let zlibs = all.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
            #expect(ours.value == zlibs, "\(count) × \(byte)")
        }
    }
}

/// Huffman code lengths: optimal when short enough, at most the limit, and always a complete code.
@Suite struct HuffmanCodeTests {
    /// Σ 2^(limit − length) over the coded symbols: 2^limit for a complete code.
    private func kraftSum(_ code: HuffmanCode, limit: Int) -> Int {
        code.lengths.filter { $0 > 0 }.reduce(0) { $0 + 1 << (limit - $1) }
    }

    @Test func lengthsAreHuffmansWhenWithinTheLimit() {
        #expect(HuffmanCode(frequencies: [1, 1, 2, 4], maxLength: 15).lengths == [3, 3, 2, 1])
        #expect(HuffmanCode(frequencies: [5, 0, 5, 5, 5], maxLength: 15).lengths == [2, 0, 2, 2, 2])
    }

    @Test func fewerThanTwoSymbolsStillGetTwoCodes() {
        #expect(HuffmanCode(frequencies: [0, 0, 0, 9], maxLength: 15).lengths == [1, 0, 0, 1])
        #expect(HuffmanCode(frequencies: [0, 0, 0], maxLength: 7).lengths == [1, 1, 0])
    }

    /// Fibonacci frequencies make Huffman's tree one level deeper per symbol.
    @Test(arguments: [(286, 15), (30, 15), (19, 7)])
    func lengthsStayWithinTheLimitAndTheCodeComplete(symbols: Int, limit: Int) {
        var frequencies = [1, 1]
        while frequencies.count < symbols { frequencies.append(min(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2], 1 << 40)) }
        let code = HuffmanCode(frequencies: frequencies, maxLength: limit)
        #expect(code.lengths.max() == limit)
        #expect(code.lengths.allSatisfy { $0 >= 1 })
        #expect(kraftSum(code, limit: limit) == 1 << limit)
        // More frequent symbols never get longer codes.
        #expect(zip(code.lengths, code.lengths.dropFirst()).allSatisfy { $0 >= $1 })
        // Distinct codes, no one a prefix of another: read low bit first, as written.
        let words = zip(code.codes, code.lengths).map { code, length in (0..<length).map { (code >> $0) & 1 } }
        for (index, word) in words.enumerated() {
            #expect(!words.enumerated().contains { $0.offset != index && $0.element.starts(with: word) })
        }
    }

    /// A stream whose literal frequencies are Fibonacci numbers: zlib accepts the limited codes.
    @Test func zlibAcceptsLengthLimitedCodes() {
        var counts = [1, 1]
        while counts.count < 24 { counts.append(counts[counts.count - 1] + counts[counts.count - 2]) }
        var bytes: [UInt8] = []
        for (byte, count) in counts.enumerated() { bytes += [UInt8](repeating: UInt8(byte * 10), count: count) }
        // Interleave deterministically so that few bytes repeat the one before.
        var state: UInt64 = 99
        for index in bytes.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.swapAt(index, Int(state >> 33) % (index + 1))
        }
        var encoder = DeflateEncoder(pixelBytes: 3)
        bytes.withUnsafeBytes { encoder.append($0) }
        let stream = encoder.finish()
        var output = [UInt8](repeating: 0, count: bytes.count)
        var outputCount = uLong(output.count)
        #expect(uncompress(&output, &outputCount, stream, uLong(stream.count)) == Z_OK)
        #expect(output == bytes)
    }
}
