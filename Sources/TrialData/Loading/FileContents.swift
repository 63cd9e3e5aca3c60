import Foundation

/// The bytes of an input file, held in memory for as long as this object lives.
///
/// A large regular file is mapped read-only from the page cache (`mmap`, read ahead with
/// `MADV_WILLNEED`), so it is neither copied nor zero-filled first: for a 700 MB file that is
/// 0.05 s instead of 0.4–1 s of `read(2)`. Small files, and files that cannot be mapped, are read into memory
/// of their own. The bytes never change while the object lives — except if another program
/// truncates a mapped file meanwhile, which the operating system answers with `SIGBUS`
/// (`TruncatedInputGuard` turns that into a message and exit status 1; `trialreport` installs it).
///
/// A file another program writes while it is read is refused rather than read half old, half
/// new: its size and modification and change times are taken when it is opened and again once
/// it is read (`reading`), and for a mapped file — whose bytes are the page cache's, and follow
/// writes — again when the caller is done with the bytes (`checkUnchanged`).
public final class FileContents: Sendable {
    /// Files of this size or more are mapped rather than read (1 MiB).
    static let mappingThreshold = 1 << 20
    /// Files larger than this are refused before reading (2 GiB; line numbers and byte
    /// offsets stay within 32 bits).
    public static let maximumByteCount = 1 << 31

    /// The bytes; valid while `self` lives (use `withBytes` to be sure of it).
    nonisolated(unsafe) let bytes: UnsafeBufferPointer<UInt8>
    /// For a mapped file: its open descriptor and its state when opened.
    private let mapping: (descriptor: Int32, state: FileState, name: String)?

    /// A copy of `array`.
    public init(_ array: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        bytes = UnsafeBufferPointer(buffer)
        mapping = nil
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, mapping: (descriptor: Int32, state: FileState, name: String)?) {
        self.bytes = bytes
        self.mapping = mapping
    }

    deinit {
        if let mapping {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
            close(mapping.descriptor)
        } else {
            bytes.deallocate()
        }
    }

    /// Checks that a mapped file was not written since it was opened, so that the bytes used
    /// were the file's bytes throughout; bytes read into memory are the caller's and always pass.
    /// - Throws: `TrialReportError` of kind `.invalidInput` naming the file when its size,
    ///   modification or change time differs from when it was opened.
    public func checkUnchanged() throws(TrialReportError) {
        guard let mapping else { return }
        var status = stat()
        guard fstat(mapping.descriptor, &status) == 0, FileState(status) == mapping.state else {
            throw Self.changedWhileRead(mapping.name)
        }
    }

    /// Whether these are the bytes of the file now at `url`: a mapped file not written since it
    /// was opened (`checkUnchanged`) that is still the file at that path (not replaced, e.g. by
    /// a rename). Bytes read into memory of their own cannot tell, and answer `false`.
    func isCurrent(at url: URL) -> Bool {
        guard let mapping else { return false }
        var opened = stat(), atPath = stat()
        return fstat(mapping.descriptor, &opened) == 0 && FileState(opened) == mapping.state
            && stat(url.path, &atPath) == 0 && FileState(atPath) == mapping.state
    }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// Lets the operating system take back the pages of a mapped file that hold the bytes of
    /// `range`, once they are read: they leave the process's resident memory and, if read
    /// again, come back from the page cache — the bytes stay valid and the same. Only whole pages
    /// inside `range` go; bytes read into memory of their own stay.
    /// - Returns: where the pages released end (a page boundary), or `range.lowerBound` when
    ///   none was: the start of the next range to release.
    @discardableResult
    public func releasePages(in range: Range<Int>) -> Int {
        guard mapping != nil, let base = bytes.baseAddress else { return range.lowerBound }
        let page = Self.pageSize
        let start = (range.lowerBound + page - 1) / page * page, end = range.upperBound / page * page
        guard end > start else { return range.lowerBound }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        return end
    }

    /// The size of a page of memory (the mapping starts on a page).
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Calls `body` with the bytes, keeping them alive meanwhile.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(bytes) }
    }

    /// The contents of the regular file at `url` (a symbolic link is followed).
    ///
    /// The file is opened without blocking and checked with `fstat` before a byte is read, so a
    /// FIFO, a device or a folder in place of a file is refused at once instead of waiting forever.
    /// - Parameters:
    ///   - name: the file's name in diagnostics.
    ///   - byteLimit: the most bytes the file may have (default and at most 2 GiB).
    /// - Throws: `TrialReportError` — `.missingInput` when the file cannot be opened or is not a
    ///   regular file, `.invalidInput` when it is larger than `byteLimit`, `.other` when reading fails.
    /// - Complexity: O(*n*) for a file read, O(*n* / page size) for a file mapped.
    public static func reading(_ url: URL, name: String, byteLimit: Int = maximumByteCount) throws(TrialReportError) -> FileContents {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw unopenable(name, errno) }
        var keepsDescriptor = false
        defer { if !keepsDescriptor { close(descriptor) } }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unopenable(name, errno) }
        let opened = FileState(status)
        let size = try checkedSize(of: status, name: name, byteLimit: byteLimit)
        if size >= mappingThreshold,
           let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED {
            // Pages not yet in the page cache are read ahead; the mapping itself is filled in by
            // the readers' page faults, on their own cores (`MAP_POPULATE` filled it on this one).
            _ = madvise(address, size, MADV_WILLNEED)
            keepsDescriptor = true
            let contents = FileContents(bytes: UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size),
                                        mapping: (descriptor, opened, name))
            try contents.checkUnchanged()
            return contents
        }
        let contents = try FileContents(bytes: readAll(descriptor, size: size, name: name), mapping: nil)
        guard fstat(descriptor, &status) == 0, FileState(status) == opened, contents.count == size else { throw changedWhileRead(name) }
        return contents
    }

    /// The size of the regular file at `url`, the file a symbolic link points to (not the link),
    /// checked as `reading` checks it, without opening the file.
    /// - Throws: `TrialReportError` as `reading(_:name:byteLimit:)`.
    public static func regularFileSize(_ url: URL, name: String, byteLimit: Int = maximumByteCount) throws(TrialReportError) -> Int {
        var status = stat()
        guard stat(url.path, &status) == 0 else { throw unopenable(name, errno) }
        return try checkedSize(of: status, name: name, byteLimit: byteLimit)
    }

    /// The size in `status`, once it is known to be a regular file within `byteLimit`.
    private static func checkedSize(of status: stat, name: String, byteLimit: Int) throws(TrialReportError) -> Int {
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: name), Message.notARegularFile(FileKind.name(of: kind)))
        }
        let size = Int(status.st_size)
        guard size <= min(byteLimit, maximumByteCount) else {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: name), Message.fileTooLarge(size, limit: min(byteLimit, maximumByteCount)))
        }
        return size
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

    private static func changedWhileRead(_ name: String) -> TrialReportError {
        TrialReportError(.invalidInput, at: SourceLocation(file: name),
                         "another program wrote to the file while it was being read; run again once nothing writes to it")
    }

    private static func unreadable(_ name: String, _ code: Int32) -> TrialReportError {
        TrialReportError(.other, at: SourceLocation(file: name), Message.unreadableFile(String(cString: strerror(code))))
    }

    /// A file that does not exist or may not be opened: an input missing to the user (exit 66).
    private static func unopenable(_ name: String, _ code: Int32) -> TrialReportError {
        TrialReportError(.missingInput, at: SourceLocation(file: name), Message.unreadableFile(String(cString: strerror(code))))
    }
}

/// The kinds of file that are not regular files, named for messages.
private enum FileKind {
    static func name(of kind: mode_t) -> String? {
        switch kind {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: nil
        }
    }
}

/// What tells that a file was written: its size and its modification and change times (the change
/// time moves with any write, and cannot be set back), and which file it is.
struct FileState: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = status.st_mtim
        changed = status.st_ctim
    }

    static func == (first: FileState, second: FileState) -> Bool {
        first.device == second.device && first.inode == second.inode && first.size == second.size
            && first.modified.tv_sec == second.modified.tv_sec && first.modified.tv_nsec == second.modified.tv_nsec
            && first.changed.tv_sec == second.changed.tv_sec && first.changed.tv_nsec == second.changed.tv_nsec
    }
}
