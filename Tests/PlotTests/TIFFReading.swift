@testable import Plot

/// A small TIFF reader written from the TIFF 6.0 specification for the tests, independent of the
/// encoder: LZW decoding (section 13, codes growing one early as libtiff reads them) and the
/// image file directory.
enum TIFFReading {
    enum Failure: Error { case badCode(Int), truncated }

    /// The bytes of an LZW stream.
    static func lzwDecode(_ data: [UInt8]) throws -> [UInt8] {
        let initial = (0..<256).map { [UInt8($0)] } + [[], []]
        var table = initial, output: [UInt8] = [], previous: [UInt8]? = nil
        var width = 9, position = 0
        func readCode() -> Int? {
            guard position + width <= data.count * 8 else { return nil }
            var code = 0
            for bit in position..<position + width {
                code = code << 1 | Int(data[bit / 8] >> (7 - UInt8(bit % 8)) & 1)
            }
            position += width
            return code
        }
        while true {
            guard let code = readCode() else { throw Failure.truncated }
            if code == 257 { return output }
            if code == 256 {
                table = initial
                width = 9
                previous = nil
                continue
            }
            let entry: [UInt8]
            if code < table.count, code > 257 || code < 256 {
                entry = table[code]
            } else if code == table.count, let previous {
                entry = previous + [previous[0]]
            } else {
                throw Failure.badCode(code)
            }
            output += entry
            if let previous {
                table.append(previous + [entry[0]])
                if table.count >= (1 << width) - 1, width < 12 { width += 1 }
            }
            previous = entry
        }
    }

    /// A file's fields, tag → values (a rational as numerator, denominator), little-endian only.
    static func fields(_ tiff: [UInt8]) -> [Int: [Int]] {
        func integer(_ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(tiff[offset + $1]) << (8 * $1) }
        }
        precondition(tiff.starts(with: [0x49, 0x49, 42, 0]))
        let directory = integer(4, 4)
        var fields: [Int: [Int]] = [:]
        for entry in 0..<integer(directory, 2) {
            let start = directory + 2 + 12 * entry
            let type = integer(start + 2, 2), count = integer(start + 4, 4)
            let size = [3: 2, 4: 4, 5: 8][type]!
            let base = size * count <= 4 ? start + 8 : integer(start + 8, 4)
            fields[integer(start, 2)] = type == 5 ? [integer(base, 4), integer(base + 4, 4)]
                : (0..<count).map { integer(base + $0 * size, size) }
        }
        return fields
    }

    /// The pixel bytes (R, G, B[, A] row by row) of an LZW TIFF without a predictor.
    static func pixels(_ tiff: [UInt8]) throws -> [UInt8] {
        let fields = fields(tiff)
        precondition(fields[317] == nil, "a predictor")
        var pixels: [UInt8] = []
        for (offset, count) in zip(fields[273]!, fields[279]!) {
            pixels += try lzwDecode(Array(tiff[offset..<offset + count]))
        }
        return pixels
    }
}
