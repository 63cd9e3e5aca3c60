import CCairo

/// Baseline TIFF 6.0 files from Cairo image surfaces, as journals ask for figures: little-endian,
/// 8-bit RGB (RGBA when a pixel is not opaque, as the PNG), LZW-compressed (`LZWEncoder`), in
/// strips of about 64 KB, with the resolution in dots per inch. The same pixels as the PNG
/// (`RasterImage`); no date tag, so the bytes depend only on the drawing.
///
/// No predictor: TIFF's horizontal differencing (predictor 2) made the example's nine figures at
/// 600 dpi 16 % larger (4,660,506 bytes against 4,013,124): flat colours repeat as byte patterns
/// LZW already packs, and differences at anti-aliased edges repeat less.
enum TIFFEncoder {
    /// Uncompressed bytes per strip, about: whole rows, at least one.
    static let stripBytes = 1 << 16

    /// The TIFF file of `surface` (`CAIRO_FORMAT_ARGB32`) at `dpi`.
    /// - Throws: `PlotError.cairo` when the surface has no pixels or the file would pass 4 GB.
    /// - Complexity: O(*w* · *h*).
    static func encode(_ surface: OpaquePointer, dpi: Double) throws -> [UInt8] {
        let image = try RasterImage(surface)
        let rowBytes = image.rowBytes, rowsPerStrip = max(1, stripBytes / rowBytes)
        var file: [UInt8] = [0x49, 0x49, 42, 0, 0, 0, 0, 0]  // "II", 42, the first IFD's offset (set below)
        var offsets: [UInt32] = [], counts: [UInt32] = []
        let encoder = LZWEncoder()
        var strip = [UInt8](repeating: 0, count: rowsPerStrip * rowBytes)
        for firstRow in stride(from: 0, to: image.height, by: rowsPerStrip) {
            let rows = min(rowsPerStrip, image.height - firstRow)
            strip.withUnsafeMutableBufferPointer { strip in
                for row in 0..<rows {
                    image.unpack(row: firstRow + row, into: UnsafeMutableBufferPointer(rebasing: strip[row * rowBytes..<(row + 1) * rowBytes]))
                }
            }
            let start = file.count
            strip.withUnsafeBufferPointer { encoder.compress(UnsafeBufferPointer(rebasing: $0[..<(rows * rowBytes)]), into: &file) }
            guard file.count < Int(UInt32.max) else { throw PlotError.cairo("the TIFF file would be larger than 4 GB") }
            offsets.append(UInt32(start))
            counts.append(UInt32(file.count - start))
            if file.count % 2 == 1 { file.append(0) }  // the IFD starts on a word boundary
        }
        let samples = image.channels
        let resolution = rational(dpi)
        var entries: [(tag: UInt16, value: Value)] = [
            (256, .long([UInt32(image.width)])),            // ImageWidth
            (257, .long([UInt32(image.height)])),           // ImageLength
            (258, .short(Array(repeating: 8, count: samples))),  // BitsPerSample
            (259, .short([5])),                             // Compression: LZW
            (262, .short([2])),                             // PhotometricInterpretation: RGB
            (273, .long(offsets)),                          // StripOffsets
            (277, .short([UInt16(samples)])),               // SamplesPerPixel
            (278, .long([UInt32(rowsPerStrip)])),           // RowsPerStrip
            (279, .long(counts)),                           // StripByteCounts
            (282, .rational(resolution)),                   // XResolution
            (283, .rational(resolution)),                   // YResolution
            (284, .short([1])),                             // PlanarConfiguration: chunky
            (296, .short([2])),                             // ResolutionUnit: inch
        ]
        if samples == 4 { entries.append((338, .short([2]))) }   // ExtraSamples: unassociated alpha
        writeDirectory(entries, into: &file)
        return file
    }

    /// `dpi` as a fraction in lowest terms, to a thousandth.
    private static func rational(_ dpi: Double) -> (UInt32, UInt32) {
        var numerator = UInt32((dpi * 1000).rounded()), denominator: UInt32 = 1000
        var a = numerator, b = denominator
        while b != 0 { (a, b) = (b, a % b) }
        numerator /= a
        denominator /= a
        return (numerator, denominator)
    }

    /// A field's values.
    private enum Value {
        case short([UInt16]), long([UInt32]), rational((UInt32, UInt32))

        var type: UInt16 {
            switch self {
            case .short: 3
            case .long: 4
            case .rational: 5
            }
        }

        var count: Int {
            switch self {
            case .short(let values): values.count
            case .long(let values): values.count
            case .rational: 1
            }
        }

        var bytes: [UInt8] {
            switch self {
            case .short(let values): values.flatMap { TIFFEncoder.littleEndian(UInt32($0), bytes: 2) }
            case .long(let values): values.flatMap { TIFFEncoder.littleEndian($0, bytes: 4) }
            case .rational(let value): TIFFEncoder.littleEndian(value.0, bytes: 4) + TIFFEncoder.littleEndian(value.1, bytes: 4)
            }
        }
    }

    /// Appends the image file directory (`entries` sorted by tag, as TIFF requires) and the
    /// values longer than four bytes after it, and points the header at it.
    private static func writeDirectory(_ entries: [(tag: UInt16, value: Value)], into file: inout [UInt8]) {
        let entries = entries.sorted { $0.tag < $1.tag }
        let directory = file.count
        file.replaceSubrange(4..<8, with: littleEndian(UInt32(directory), bytes: 4))
        let overflowStart = directory + 2 + 12 * entries.count + 4
        var overflow: [UInt8] = []
        file += littleEndian(UInt32(entries.count), bytes: 2)
        for (tag, value) in entries {
            file += littleEndian(UInt32(tag), bytes: 2) + littleEndian(UInt32(value.type), bytes: 2)
                + littleEndian(UInt32(value.count), bytes: 4)
            let bytes = value.bytes
            if bytes.count <= 4 {
                file += bytes + Array(repeating: 0, count: 4 - bytes.count)
            } else {
                file += littleEndian(UInt32(overflowStart + overflow.count), bytes: 4)
                overflow += bytes
            }
        }
        file += [0, 0, 0, 0]  // no next directory
        file += overflow
    }

    private static func littleEndian(_ value: UInt32, bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
