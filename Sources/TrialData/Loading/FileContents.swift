import Foundation

/// The bytes of an input file, held in memory for as long as this object lives.
///
/// A large regular file is mapped read-only from the page cache (`mmap` with `MAP_POPULATE`),
/// so it is neither copied nor zero-filled first: for a 700 MB file that is 0.05 s instead of
/// 0.4–1 s of `read(2)`. Small files, and files that cannot be mapped, are read into memory
/// of their own. The bytes never change while the object lives — except if another program
/// truncates a mapped file meanwhile, which the operating system answers with `SIGBUS`
/// (`TruncatedInputGuard` turns that into a message and exit status 1; `trialreport` installs it).
public final class FileContents: Sendable {
    /// Files of this size or more are mapped rather than read (1 MiB).
    static let mappingThreshold = 1 << 20
    /// Files larger than this are refused before reading (2 GiB; line numbers and byte
    /// offsets stay within 32 bits).
    static let maximumByteCount = 1 << 31

    /// The bytes; valid while `self` lives (use `withBytes` to be sure of it).
    nonisolated(unsafe) let bytes: UnsafeBufferPointer<UInt8>
    private let isMapped: Bool

    /// A copy of `array`.
    public init(_ array: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        bytes = UnsafeBufferPointer(buffer)
        isMapped = false
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, isMapped: Bool) {
        self.bytes = bytes
        self.isMapped = isMapped
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.deallocate()
        }
    }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// Calls `body` with the bytes, keeping them alive meanwhile.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(bytes) }
    }

    /// The contents of the file at `url`.
    /// - Parameter name: the file's name in diagnostics.
    /// - Throws: `TrialReportError` — `.other` when the file cannot be read, `.invalidInput`
    ///   when it is larger than 2 GiB.
    /// - Complexity: O(*n*) for a file read, O(*n* / page size) for a file mapped.
    public static func reading(_ url: URL, name: String) throws(TrialReportError) -> FileContents {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(name, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(name, errno) }
        let size = Int(status.st_size)
        guard size <= maximumByteCount else {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: name), Message.fileTooLarge(size, limit: maximumByteCount))
        }
        if size >= mappingThreshold, (status.st_mode & S_IFMT) == S_IFREG,
           let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), address != MAP_FAILED {
            return FileContents(bytes: UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size), isMapped: true)
        }
        return try FileContents(bytes: readAll(descriptor, size: size, name: name), isMapped: false)
    }

    /// `size` bytes read from `descriptor` with one `read(2)` loop; fewer if the file
    /// shrank meanwhile.
    private static func readAll(_ descriptor: Int32, size: Int, name: String) throws(TrialReportError) -> UnsafeBufferPointer<UInt8> {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        var filled = 0
        while filled < size {
            let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                let failure = errno
                buffer.deallocate()
                throw unreadable(name, failure)
            }
            if count == 0 { break }
            filled += count
        }
        return UnsafeBufferPointer(rebasing: buffer[..<filled])
    }

    private static func unreadable(_ name: String, _ code: Int32) -> TrialReportError {
        TrialReportError(.other, at: SourceLocation(file: name), Message.unreadableFile(String(cString: strerror(code))))
    }
}
