import Testing
@testable import trialreport

/// `trialreport` sets glibc's malloc for a short-lived process on a few cores (one shared arena,
/// no separate mappings, no trimming); glibc must accept each value, or the settings are silently
/// the defaults (a value out of range, such as an mmap threshold above 32 MiB, is refused).
@Suite("trialreport: malloc settings")
struct MallocSettingsTests {
    @Test func glibcAcceptsEverySetting() {
        #expect(MallocSettings.apply())
    }
}
