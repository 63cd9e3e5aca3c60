#if canImport(CMalloc)
import CMalloc
#endif

/// How `trialreport` asks glibc's malloc to manage its memory: a short-lived process that
/// allocates and frees large arrays analysis after analysis, on a few cores.
///
/// By default glibc gives each new thread an arena of its own (up to eight per core), maps every
/// block of 128 KiB or more (up to 32 MiB, as it adapts) separately and returns it to the kernel
/// when freed, and trims the top of its heaps. Memory freed by one analysis thread is then of no
/// use to the next, and every new array is faulted in and zeroed by the kernel again — on a
/// virtual machine that hands freed memory back to its host, at several seconds per GiB.
/// Instead, the render's threads share one arena and keep what they free for their next
/// allocations, whichever thread frees and whichever allocates (the typesetting thread reuses
/// what the analyses freed): at 1,000,000 participants half the page faults, less peak memory,
/// and a few seconds less system time (see Guides/Performance.md, "Memory").
enum MallocSettings {
    /// Arenas the threads share. One: two (one per core) left the freed memory of one of no use
    /// to the threads of the other, a quarter more page faults (8 interleaved renders each).
    static let arenas: Int32 = 1

    /// Returns to the kernel the memory freed so far (the settings keep it for later
    /// allocations): for a command whose next step maps large files rather than allocating, so
    /// that the memory it no longer needs does not count beside them.
    static func returnFreedMemory() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }

    /// Applies the settings. Call once, first thing in `main`, before any thread starts.
    /// - Returns: whether malloc accepted every one (a render works the same either way).
    @discardableResult
    static func apply() -> Bool {
        #if canImport(CMalloc)
        [mallopt(M_ARENA_MAX, arenas), mallopt(M_MMAP_MAX, 0), mallopt(M_TRIM_THRESHOLD, Int32.max)].allSatisfy { $0 == 1 }
        #else
        false
        #endif
    }
}
