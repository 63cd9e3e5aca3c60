/// Records the resolution in a PNG (a `pHYs` chunk), so that image editors and journals' checks
/// read 300 dpi rather than the 72 dpi they assume otherwise. Cairo does not write one.
enum PNGResolution {
    /// `png` with a `pHYs` chunk for `dpi` inserted after the `IHDR` chunk.
    /// - Complexity: O(n) in the PNG's size (one copy).
    static func inserting(dpi: Double, into png: [UInt8]) -> [UInt8] {
        // Signature (8 bytes) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
        let afterHeader = 8 + 25
        guard png.count > afterHeader else { return png }
        let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
        var chunk: [UInt8] = Array("pHYs".utf8)
        chunk += bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1]
        var result = Array(png[..<afterHeader])
        result += bigEndian(9) + chunk + bigEndian(crc32(chunk))
        result += png[afterHeader...]
        return result
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320, reflected), bitwise.
    /// - Complexity: O(8n); chunks here are 13 bytes.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
