import CZlib

/// A ZIP archive (APPNOTE 6.3.x, no ZIP64) written entry by entry in the order given, every entry
/// dated 1980-01-01 00:00 (the earliest MS-DOS date): the same entries give the same bytes.
/// Entries are deflated with the system zlib (raw deflate at level 1: level 6 takes about 2.5
/// times as long to make the example report's document.xml 30 KB rather than 44 KB) or stored as
/// they are (images already compressed). Office documents (DOCX) are such archives.
struct ZIPArchive {
    /// How an entry's bytes are kept.
    enum Method: UInt16 {
        case stored = 0
        case deflated = 8
    }

    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// MS-DOS date of 1980-01-01 (year 0 from 1980, month 1, day 1) and time 00:00:00.
    private static let dosDate: UInt16 = 0x21, dosTime: UInt16 = 0

    /// Adds the file `path` (ASCII, "/" between folders) with `bytes`.
    /// - Precondition: the archive stays below 4 GiB and 65,535 entries.
    /// - Complexity: O(size of `bytes`).
    mutating func add(_ path: String, _ bytes: [UInt8], method: Method = .deflated) {
        let name = Array(path.utf8)
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        let data = method == .deflated ? Self.deflated(bytes) : bytes
        precondition(body.count + data.count < Int(UInt32.max) && count < Int(UInt16.max), "ZIP archive too large")
        let offset = UInt32(body.count)
        // Version needed 2.0; no flags; method, time, date, CRC-32, sizes, name length, no extra field.
        var fields: [UInt8] = []
        Self.append(UInt16(20), to: &fields)
        Self.append(UInt16(0), to: &fields)
        Self.append(method.rawValue, to: &fields)
        Self.append(Self.dosTime, to: &fields)
        Self.append(Self.dosDate, to: &fields)
        Self.append(crc, to: &fields)
        Self.append(UInt32(data.count), to: &fields)
        Self.append(UInt32(bytes.count), to: &fields)
        Self.append(UInt16(name.count), to: &fields)
        Self.append(UInt16(0), to: &fields)

        Self.append(UInt32(0x0403_4B50), to: &body)
        body += fields + name + data

        Self.append(UInt32(0x0201_4B50), to: &directory)
        Self.append(UInt16(20), to: &directory)  // made by: MS-DOS, 2.0
        directory += fields
        // No comment, disk 0, no internal or external attributes, the local header's offset.
        for _ in 0..<3 { Self.append(UInt16(0), to: &directory) }
        Self.append(UInt32(0), to: &directory)
        Self.append(offset, to: &directory)
        directory += name
        count += 1
    }

    /// The archive's bytes: the entries, the central directory and its end record.
    var bytes: [UInt8] {
        var end: [UInt8] = []
        Self.append(UInt32(0x0605_4B50), to: &end)
        Self.append(UInt16(0), to: &end)
        Self.append(UInt16(0), to: &end)
        Self.append(UInt16(count), to: &end)
        Self.append(UInt16(count), to: &end)
        Self.append(UInt32(directory.count), to: &end)
        Self.append(UInt32(body.count), to: &end)
        Self.append(UInt16(0), to: &end)
        return body + directory + end
    }

    /// `bytes` as a raw deflate stream (RFC 1951) in one call, zlib level 1.
    private static func deflated(_ bytes: [UInt8]) -> [UInt8] {
        // zlib keeps the stream's address: the z_stream must not move between calls.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        guard deflateInit2_(stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { fatalError("zlib could not start") }
        defer { deflateEnd(stream) }
        let bound = Int(deflateBound(stream, UInt(bytes.count)))
        return [UInt8](unsafeUninitializedCapacity: bound) { output, written in
            let status = bytes.withUnsafeBufferPointer { input in
                // zlib reads `next_in` only (its declaration lacks the const).
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = UInt32(input.count)
                stream.pointee.next_out = output.baseAddress
                stream.pointee.avail_out = UInt32(output.count)
                return deflate(stream, Z_FINISH)
            }
            precondition(status == Z_STREAM_END, "zlib could not deflate within its bound")
            written = Int(stream.pointee.total_out)
        }
    }

    /// Appends `value` little-endian.
    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
