import Foundation
import Testing
import TrialReportTestSupport
@testable import Plot

/// TIFF LZW streams decode to what was compressed: with the test's own decoder (TIFFReading) and
/// with libtiff through ImageMagick, across code widths 9 to 12 and table clears.
@Suite struct LZWEncoderTests {
    /// Deterministic bytes: a linear congruential sequence, `alphabet` distinct values.
    static func noise(count: Int, alphabet: Int, seed: UInt64 = 17) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(Int(state >> 33) % alphabet)
        }
    }

    static let inputs: [(String, [UInt8])] = [
        ("empty", []),
        ("one byte", [42]),
        ("a repeated byte", Array(repeating: 255, count: 100_000)),
        ("every byte value", (0..<20).flatMap { _ in (0...255).map(UInt8.init) }),
        ("noise over 16 values, many table clears", noise(count: 300_000, alphabet: 16)),
        ("noise over 256 values", noise(count: 70_000, alphabet: 256)),
        ("the KwKwK case", Array("abababababababababab".utf8)),
    ]

    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        bytes.withUnsafeBufferPointer { LZWEncoder().compress($0, into: &output) }
        return output
    }

    @Test(arguments: inputs.indices)
    func roundTripsThroughTheSpecificationsDecoder(index: Int) throws {
        let (name, bytes) = Self.inputs[index]
        let compressed = Self.compress(bytes)
        #expect(try TIFFReading.lzwDecode(compressed) == bytes, "\(name)")
    }

    @Test func oneEncoderCompressesManyStripsAlike() {
        let encoder = LZWEncoder(), strip = Self.noise(count: 50_000, alphabet: 8)
        var first: [UInt8] = [], second: [UInt8] = []
        strip.withUnsafeBufferPointer { encoder.compress($0, into: &first) }
        strip.withUnsafeBufferPointer { encoder.compress($0, into: &second) }
        #expect(first == second)
        #expect(first == Self.compress(strip))
    }

    @Test func compressesWhiteRowsTightly() {
        #expect(Self.compress(Array(repeating: 255, count: 65_536)).count < 1_000)
    }

    /// libtiff (through ImageMagick) reads a one-strip grey image of each input long enough to
    /// fill the table: the bytes come back.
    @Test func libtiffDecodesTheStream() throws {
        let bytes = Self.noise(count: 256 * 1_000, alphabet: 12)
        let strip = Self.compress(bytes)
        // A minimal grey TIFF: 256 × 1000, 8 bits, LZW, one strip.
        var tiff: [UInt8] = [0x49, 0x49, 42, 0, 8, 0, 0, 0]
        let entries: [(UInt16, UInt16, UInt32)] = [(256, 3, 256), (257, 3, 1_000), (258, 3, 8), (259, 3, 5), (262, 3, 1),
                                                   (273, 4, UInt32(8 + 2 + 12 * 8 + 4)), (278, 3, 1_000), (279, 4, UInt32(strip.count))]
        tiff += [UInt8(entries.count), 0]
        for (tag, type, value) in entries {
            tiff += [UInt8(tag & 0xFF), UInt8(tag >> 8), UInt8(type), 0, 1, 0, 0, 0]
            tiff += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        tiff += [0, 0, 0, 0] + strip
        guard let output = try ImageTools.run("convert", ["{}", "-depth", "8", "gray:-"], on: tiff, fileExtension: "tiff") else {
            print("note: ImageMagick is not installed; libtiff's reading of the LZW stream not checked")
            return
        }
        #expect(output.status == 0, "\(output.standardError)")
        #expect(Array(output.standardOutput) == bytes)
    }
}
