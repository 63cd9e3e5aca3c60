import Foundation
import Testing
import TrialData

/// `trialreport` and the timed stages of `make bench` set glibc's malloc for a short-lived process
/// on a few cores (shared arenas, no separate mappings, no trimming); glibc must accept each
/// value, or the settings are silently the defaults (a value out of range, such as an mmap threshold above 32 MiB, is refused).
@Suite("Malloc settings")
struct MallocSettingsTests {
    @Test(arguments: [nil, 0, MallocSettings.oneArenaFromBytes])
    func glibcAcceptsEverySetting(inputBytes: Int?) {
        #expect(MallocSettings.apply(inputBytes: inputBytes))
    }

    @Test func aStudysSizeIsItsRegularFilesNotItsFoldersNorWhatCannotBeListed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malloc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(count: 1_000).write(to: folder.appendingPathComponent("adsl.csv"))
        try Data(count: 234).write(to: folder.appendingPathComponent("study.yaml"))
        try Data(count: 5_000).write(to: folder.appendingPathComponent("sub/ignored.csv"))
        #expect(MallocSettings.studyBytes(at: folder.path) == 1_234)
        // A link to a file counts as the file; a link to a folder or to nothing does not.
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("adae.csv"),
                                                   withDestinationURL: folder.appendingPathComponent("sub/ignored.csv"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("data"), withDestinationURL: folder.appendingPathComponent("sub"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("gone.csv"),
                                                   withDestinationURL: folder.appendingPathComponent("absent.csv"))
        #expect(MallocSettings.studyBytes(at: folder.path) == 6_234)
        #expect(MallocSettings.studyBytes(at: folder.appendingPathComponent("absent").path) == 0)
    }
}
