/// TIFF's LZW compression (TIFF 6.0, section 13; compression 5): codes of 9 to 12 bits packed
/// high bit first, a Clear code (256) at the start and whenever the table is full, an
/// end-of-information code (257) at the end, the code width growing one code early as libtiff
/// writes and every TIFF reader expects.
///
/// The string table is one slot per (code, next byte) pair, 4096 × 256, marked with a generation
/// number so that a Clear empties it in constant time; keep one encoder for many strips.
final class LZWEncoder {
    private static let clearCode: UInt32 = 256, endCode: UInt32 = 257, firstFreeCode: UInt32 = 258
    /// The code after which the table is cleared (libtiff's `CODE_MAX - 1`).
    private static let tableFull: UInt32 = 4094
    private static let generationShift: UInt32 = 12

    /// (generation << 12) | code of the string `prefix` + `byte`, at `prefix << 8 | byte`.
    private var table = [UInt32](repeating: 0, count: 4096 * 256)
    private var generation: UInt32 = 0

    /// An encoder with an empty table.
    init() {}

    /// Appends the LZW stream of `bytes` (a strip) to `output`.
    /// - Complexity: O(*n*) in the bytes.
    func compress(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var writer = CodeWriter()
        var width: UInt32 = 9, next = Self.firstFreeCode
        writer.put(Self.clearCode, width: width, into: &output)
        clearTable()
        guard let first = bytes.first else {
            writer.put(Self.endCode, width: width, into: &output)
            writer.flush(into: &output)
            return
        }
        let generation = { self.generation << Self.generationShift }
        var marker = generation()
        var current = UInt32(first)
        table.withUnsafeMutableBufferPointer { table in
            for byte in bytes.dropFirst() {
                let key = Int(current << 8 | UInt32(byte))
                let entry = table[key]
                if entry & ~0xFFF == marker {
                    current = entry & 0xFFF
                    continue
                }
                writer.put(current, width: width, into: &output)
                table[key] = marker | next
                next += 1
                if next == Self.tableFull {
                    writer.put(Self.clearCode, width: width, into: &output)
                    clearTable(table)
                    marker = generation()
                    next = Self.firstFreeCode
                    width = 9
                } else if next > (1 << width) - 1 {
                    width += 1
                }
                current = UInt32(byte)
            }
        }
        writer.put(current, width: width, into: &output)
        // A reader adds a table entry on reading that code: the end code may need one bit more.
        if next + 1 > (1 << width) - 1, width < 12 { width += 1 }
        writer.put(Self.endCode, width: width, into: &output)
        writer.flush(into: &output)
    }

    /// Empties the table by starting a new generation (zeroing it when the generations wrap).
    private func clearTable() {
        table.withUnsafeMutableBufferPointer { clearTable($0) }
    }

    private func clearTable(_ table: UnsafeMutableBufferPointer<UInt32>) {
        generation += 1
        if generation == 1 << (32 - Self.generationShift) {
            table.update(repeating: 0)
            generation = 1
        }
    }

    /// Packs codes high bit first into bytes.
    private struct CodeWriter {
        private var bits: UInt32 = 0, count: UInt32 = 0

        mutating func put(_ code: UInt32, width: UInt32, into output: inout [UInt8]) {
            bits = bits << width | code
            count += width
            while count >= 8 {
                count -= 8
                output.append(UInt8(truncatingIfNeeded: bits >> count))
            }
            bits &= (1 << count) - 1
        }

        /// Writes the last bits, padded with zeros.
        mutating func flush(into output: inout [UInt8]) {
            if count > 0 { output.append(UInt8(truncatingIfNeeded: bits << (8 - count))) }
            bits = 0
            count = 0
        }
    }
}
