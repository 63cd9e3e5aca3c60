#if canImport(CMalloc)
import CMalloc
#endif
import Foundation

/// How `trialreport` (and the timed stages of `make bench`) ask glibc's malloc to manage their
/// memory: a short-lived process that allocates and frees large arrays analysis after analysis,
/// on a few cores.
///
/// By default glibc gives each new thread an arena of its own (up to eight per core), maps every
/// block of 128 KiB or more (up to 32 MiB, as it adapts) separately and returns it to the kernel
/// when freed, and trims the top of its heaps. Memory freed by one analysis thread is then of no
/// use to the next, and every new array is faulted in and zeroed by the kernel again — on a
/// virtual machine that hands freed memory back to its host, at several seconds per GiB.
/// Instead, the render's threads share few arenas and keep what they free for their next
/// allocations: at 1,000,000 participants half the page faults, less peak memory, and a few
/// seconds less system time (see Guides/Performance.md, "Memory").
public enum MallocSettings {
    /// The study size from which the threads share one arena rather than two (256 MB of input).
    ///
    /// One arena lets every thread reuse what any thread freed (the typesetting thread what the
    /// analyses freed): at 1,000,000 participants a quarter fewer page faults than with two and
    /// 0.3–0.5 s less. On a small study the threads' contention for the one arena costs more
    /// than the memory saves: the example rendered in 0.27–0.30 s with two, 0.28–0.33 s with one
    /// (18 interleaved runs each).
    public static let oneArenaFromBytes = 256 << 20

    /// Returns to the kernel the memory freed so far (the settings keep it for later
    /// allocations): for a command whose next step maps large files rather than allocating, so
    /// that the memory it no longer needs does not count beside them.
    public static func returnFreedMemory() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }

    /// Applies the settings for a study of `inputBytes` bytes (nil: no study read). Call once,
    /// in `main`, before any thread starts.
    /// - Returns: whether malloc accepted every one (a render works the same either way).
    @discardableResult
    public static func apply(inputBytes: Int?) -> Bool {
        #if canImport(CMalloc)
        let arenas: Int32 = (inputBytes ?? 0) >= oneArenaFromBytes ? 1 : 2
        return [mallopt(M_ARENA_MAX, arenas), mallopt(M_MMAP_MAX, 0), mallopt(M_TRIM_THRESHOLD, Int32.max)].allSatisfy { $0 == 1 }
        #else
        return false
        #endif
    }

    /// The bytes of the regular files directly in the study folder at `path`, symbolic links
    /// followed (0 when it cannot be listed: reading it will say why). Listed with `readdir` and
    /// `fstatat`: on the way to every command's first step, where Foundation's resource values
    /// took about a millisecond for the example's folder.
    public static func studyBytes(at path: String) -> Int {
        guard let stream = opendir(path) else { return 0 }
        defer { closedir(stream) }
        var total = 0
        while let entry = readdir(stream) {
            var status = stat()
            let found = withUnsafePointer(to: &entry.pointee.d_name) { name in
                name.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    fstatat(dirfd(stream), $0, &status, 0) == 0
                }
            }
            if found, status.st_mode & S_IFMT == S_IFREG { total += Int(status.st_size) }
        }
        return total
    }
}
