import CZlib

/// A zlib stream (RFC 1950) written piece by piece, so that a large input need not be held
/// whole in memory. The `z_stream` lives at a fixed address, as zlib requires.
final class Deflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    /// The compressed bytes so far.
    private(set) var output: [UInt8] = []

    /// A stream compressing at `level` (0–9).
    /// - Throws: `PlotError.cairo` when zlib cannot start.
    init(level: Int32) throws {
        stream.initialize(to: z_stream())
        guard deflateInit_(stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw PlotError.cairo("zlib could not start")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes`; with `finish`, also ends the stream.
    /// - Throws: `PlotError.cairo` when zlib fails.
    func compress(_ bytes: UnsafeBufferPointer<UInt8>, finish: Bool) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
        stream.pointee.avail_in = UInt32(bytes.count)
        var status = Z_OK
        repeat {
            status = chunk.withUnsafeMutableBufferPointer { chunk in
                stream.pointee.next_out = chunk.baseAddress
                stream.pointee.avail_out = UInt32(chunk.count)
                let status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                output.append(contentsOf: chunk[..<(chunk.count - Int(stream.pointee.avail_out))])
                return status
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw PlotError.cairo("zlib could not compress the image")
            }
        } while stream.pointee.avail_in > 0 || (finish && status != Z_STREAM_END)
    }
}
