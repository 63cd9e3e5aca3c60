import Foundation

/// Reading input files whole into memory.
enum InputFileReader {
    /// Files larger than this are refused before reading (2 GiB; line numbers and byte
    /// offsets stay within 32 bits).
    static let maximumByteCount = 1 << 31

    /// The bytes of the file at `url`, read with one `read(2)` loop into a single array.
    /// - Throws: `TrialReportError` (`.other`) when the file cannot be read or is too large.
    static func bytes(of url: URL, name: String) throws(TrialReportError) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw TrialReportError(.other, at: SourceLocation(file: name), Message.unreadableFile(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw TrialReportError(.other, at: SourceLocation(file: name), Message.unreadableFile(String(cString: strerror(errno))))
        }
        let size = Int(status.st_size)
        guard size <= maximumByteCount else {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: name), Message.fileTooLarge(size, limit: maximumByteCount))
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            adviseHugePages(buffer)
            while initialized < size {
                let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { failure = count < 0 ? errno : 0; break }
                initialized += count
            }
        }
        if failure != 0 {
            throw TrialReportError(.other, at: SourceLocation(file: name), Message.unreadableFile(String(cString: strerror(failure))))
        }
        return bytes
    }

    /// Asks the kernel to back a large buffer with 2 MiB pages (where transparent huge pages are
    /// set to `madvise`), so that filling it faults 512 times less often. Only advice: nothing
    /// changes where the kernel does not follow it.
    private static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        let hugePage = 2 << 20
        guard let base = buffer.baseAddress, buffer.count >= 4 * hugePage else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, MADV_HUGEPAGE)
    }
}
