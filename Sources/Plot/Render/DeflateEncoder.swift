/// A zlib stream (RFC 1950) of DEFLATE data (RFC 1951) made for PNG's filtered scanlines, which are
/// mostly runs of one byte (zeros, after the "Up" filter, wherever a row repeats the one above):
/// faster than zlib there, for somewhat larger output.
///
/// The bytes are scanned a machine word at a time for a run of the byte before, sent as matches
/// at distance 1 (up to 258 bytes each), or else for a run repeating the bytes one pixel back
/// (`pixelBytes`: a colour repeated along a row), sent as matches at that distance; the rest are
/// literals. Every `blockSymbols` symbols make a block with Huffman codes built from the block's
/// own frequencies (dynamic codes, lengths at most 15, and 7 for the code-length code), so
/// memory stays small whatever the input. The bytes depend only on the input and how it is split
/// into `append` calls.
struct DeflateEncoder: ~Copyable {
    /// Symbols (literals and matches) per block.
    static let blockSymbols = 1 << 15
    private static let endOfBlock = 256
    private static let maxMatch = 258, minMatch = 3
    /// Order of the code-length code's lengths in a block header (RFC 1951, 3.2.7).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// The length code (0–28, symbol 257 + code) of each match length 0...258.
    private static let lengthCodes: [UInt8] = (0...maxMatch).map { length in
        UInt8(lengthBases.lastIndex { $0 <= length } ?? 0)
    }

    private let pixelBytes: Int
    /// The block's symbols (`blockSymbols` at most): a literal byte as itself, a match as
    /// length << 16 | distance.
    private let symbols = UnsafeMutablePointer<UInt32>.allocate(capacity: blockSymbols)
    private var symbolCount = 0
    /// How often each literal/length symbol (0–285) and distance code (0–29) occurs in the block.
    private let literalFrequencies = UnsafeMutableBufferPointer<Int>.allocate(capacity: 286)
    private let distanceFrequencies = UnsafeMutableBufferPointer<Int>.allocate(capacity: 30)
    private var writer = BitWriter()
    private var checksum = Adler32()
    /// The last byte appended, nil before the first.
    private var lastByte: UInt8?

    /// An empty stream whose second match distance is `pixelBytes` (3 for RGB, 4 for RGBA).
    init(pixelBytes: Int) {
        self.pixelBytes = pixelBytes
        literalFrequencies.initialize(repeating: 0)
        distanceFrequencies.initialize(repeating: 0)
        writer.write([0x78, 0x01])  // deflate, 32 KB window, "fastest" level; header check
    }

    deinit {
        symbols.deallocate()
        literalFrequencies.deallocate()
        distanceFrequencies.deallocate()
    }

    /// Appends `bytes` to the stream.
    /// - Complexity: O(*n*).
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let raw = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        var index = 0, unsummed = 0  // bytes from `unsummed` on are not yet in the checksum
        while index < count {
            if let previous = index > 0 ? bytes[index - 1] : lastByte {
                let run = Self.runLength(of: previous, in: raw, from: index, to: count)
                if run >= Self.minMatch {
                    checksum.update(UnsafeRawBufferPointer(rebasing: bytes[unsummed..<index]))
                    let covered = addMatches(length: run, distance: 1)
                    checksum.update(repeating: previous, count: covered)
                    index += covered
                    unsummed = index
                    continue
                }
            }
            if index >= pixelBytes {
                let run = Self.repeatLength(in: raw, from: index, to: count, distance: pixelBytes)
                if run >= Self.minMatch {
                    index += addMatches(length: run, distance: pixelBytes)
                    continue
                }
            }
            addLiteral(bytes[index])
            index += 1
        }
        checksum.update(UnsafeRawBufferPointer(rebasing: bytes[unsummed...]))
        lastByte = bytes[count - 1]
    }

    /// Appends `count` zero bytes: the same stream as `append` of a buffer of them, in O(*n* / 258).
    mutating func appendZeros(_ count: Int) {
        guard count > 0 else { return }
        checksum.update(repeating: 0, count: count)
        var remaining = count
        if lastByte != 0 {
            addLiteral(0)
            remaining -= 1
        }
        if remaining >= Self.minMatch { remaining -= addMatches(length: remaining, distance: 1) }
        for _ in 0..<remaining { addLiteral(0) }
        lastByte = 0
    }

    /// Ends the stream: the last block, then the checksum.
    /// - Returns: the whole zlib stream.
    consuming func finish() -> [UInt8] {
        writeBlock(isFinal: true)
        writer.alignToByte()
        let adler = checksum.value
        writer.write([UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)])
        return writer.finish()
    }

    // MARK: - Finding runs

    /// How many bytes from `index` (before `end`) equal `value`.
    @inline(__always)
    private static func runLength(of value: UInt8, in bytes: UnsafeRawPointer, from index: Int, to end: Int) -> Int {
        let pattern = UInt64(value) &* 0x0101_0101_0101_0101
        var position = index
        while position + 8 <= end {
            let difference = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) ^ pattern
            if difference != 0 { return position + difference.trailingZeroBitCount / 8 - index }
            position += 8
        }
        while position < end, bytes.load(fromByteOffset: position, as: UInt8.self) == value { position += 1 }
        return position - index
    }

    /// How many bytes from `index` (before `end`) equal the byte `distance` before them.
    @inline(__always)
    private static func repeatLength(in bytes: UnsafeRawPointer, from index: Int, to end: Int, distance: Int) -> Int {
        var position = index
        while position + 8 <= end {
            let difference = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                ^ bytes.loadUnaligned(fromByteOffset: position - distance, as: UInt64.self)
            if difference != 0 { return position + UInt64(littleEndian: difference).trailingZeroBitCount / 8 - index }
            position += 8
        }
        while position < end,
              bytes.load(fromByteOffset: position, as: UInt8.self) == bytes.load(fromByteOffset: position - distance, as: UInt8.self) {
            position += 1
        }
        return position - index
    }

    // MARK: - Symbols

    @inline(__always)
    private mutating func addLiteral(_ byte: UInt8) {
        symbols[symbolCount] = UInt32(byte)
        symbolCount += 1
        literalFrequencies[Int(byte)] += 1
        if symbolCount == Self.blockSymbols { writeBlock(isFinal: false) }
    }

    /// Matches at `distance` covering `length` bytes (at least 3), up to 2 bytes short: a
    /// remainder of 1 or 2 bytes cannot be a match.
    /// - Returns: the bytes covered.
    private mutating func addMatches(length: Int, distance: Int) -> Int {
        var remaining = length
        while remaining >= Self.minMatch {
            // 259 or 260 bytes: 256 or 257, then 3, rather than 258 and a remainder.
            let match = remaining > Self.maxMatch && remaining < Self.maxMatch + Self.minMatch
                ? remaining - Self.minMatch : min(remaining, Self.maxMatch)
            symbols[symbolCount] = UInt32(match) << 16 | UInt32(distance)
            symbolCount += 1
            literalFrequencies[257 + Int(Self.lengthCodes[match])] += 1
            distanceFrequencies[Self.distanceCode(distance).code] += 1
            remaining -= match
            if symbolCount == Self.blockSymbols { writeBlock(isFinal: false) }
        }
        return length - remaining
    }

    /// The distance code (0–29) of `distance` (1–32768), its extra bits and their value.
    @inline(__always)
    private static func distanceCode(_ distance: Int) -> (code: Int, extraBits: Int, extra: Int) {
        guard distance > 4 else { return (distance - 1, 0, 0) }
        let extraBits = (Int.bitWidth - 1 - (distance - 1).leadingZeroBitCount) - 1
        return (2 * extraBits + 2 + (((distance - 1) >> extraBits) & 1), extraBits, (distance - 1) & ((1 << extraBits) - 1))
    }

    // MARK: - Blocks

    /// Writes the block of the symbols so far with its own codes, and starts the next.
    private mutating func writeBlock(isFinal: Bool) {
        literalFrequencies[Self.endOfBlock] += 1
        let literalCode = HuffmanCode(frequencies: Array(literalFrequencies), maxLength: 15)
        let distanceCode = HuffmanCode(frequencies: Array(distanceFrequencies), maxLength: 15)
        writer.write(isFinal ? 1 : 0, count: 1)
        writer.write(2, count: 2)  // dynamic Huffman codes
        writeCodes(literalCode, distanceCode)
        for symbol in UnsafeBufferPointer(start: symbols, count: symbolCount) {
            if symbol < 256 {
                writer.write(literalCode.codes[Int(symbol)], count: literalCode.lengths[Int(symbol)])
                continue
            }
            // The length's code and extra bits in one write, the distance's in another.
            let length = Int(symbol >> 16), lengthCode = Int(Self.lengthCodes[length])
            let codeLength = literalCode.lengths[257 + lengthCode]
            writer.write(literalCode.codes[257 + lengthCode] | UInt32(length - Self.lengthBases[lengthCode]) << codeLength,
                         count: codeLength + Self.lengthExtraBits[lengthCode])
            let distance = Self.distanceCode(Int(symbol & 0xFFFF)), distanceLength = distanceCode.lengths[distance.code]
            writer.write(distanceCode.codes[distance.code] | UInt32(distance.extra) << distanceLength,
                         count: distanceLength + distance.extraBits)
        }
        writer.write(literalCode.codes[Self.endOfBlock], count: literalCode.lengths[Self.endOfBlock])
        symbolCount = 0
        literalFrequencies.update(repeating: 0)
        distanceFrequencies.update(repeating: 0)
    }

    /// The block header's code lengths (RFC 1951, 3.2.7): the literal/length and distance
    /// lengths as one sequence, runs sent with codes 16 (repeat the previous length 3–6 times),
    /// 17 (3–10 zeros) and 18 (11–138 zeros), themselves Huffman-coded.
    private mutating func writeCodes(_ literalCode: HuffmanCode, _ distanceCode: HuffmanCode) {
        let literalCount = max(257, (literalCode.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let distanceCount = max(1, (distanceCode.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let lengths = Array(literalCode.lengths[..<literalCount]) + distanceCode.lengths[..<distanceCount]
        var items: [(symbol: Int, extra: Int)] = []
        var index = lengths.startIndex, previous: Int?
        while index < lengths.endIndex {
            let length = lengths[index]
            var run = 1
            while index + run < lengths.endIndex, lengths[index + run] == length { run += 1 }
            if length == 0, run >= 3 {
                run = min(run, 138)
                items.append(run >= 11 ? (18, run - 11) : (17, run - 3))
                previous = nil
            } else if length == previous, run >= 3 {
                run = min(run, 6)
                items.append((16, run - 3))
            } else {
                run = 1
                items.append((length, 0))
                previous = length
            }
            index += run
        }
        var frequencies = [Int](repeating: 0, count: 19)
        for item in items { frequencies[item.symbol] += 1 }
        let code = HuffmanCode(frequencies: frequencies, maxLength: 7)
        let orderedCount = max(4, (Self.codeLengthOrder.lastIndex { code.lengths[$0] > 0 } ?? 0) + 1)
        writer.write(UInt32(literalCount - 257), count: 5)
        writer.write(UInt32(distanceCount - 1), count: 5)
        writer.write(UInt32(orderedCount - 4), count: 4)
        for symbol in Self.codeLengthOrder[..<orderedCount] { writer.write(UInt32(code.lengths[symbol]), count: 3) }
        for item in items {
            writer.write(code.codes[item.symbol], count: code.lengths[item.symbol])
            switch item.symbol {
            case 16: writer.write(UInt32(item.extra), count: 2)
            case 17: writer.write(UInt32(item.extra), count: 3)
            case 18: writer.write(UInt32(item.extra), count: 7)
            default: break
            }
        }
    }
}
