import Foundation
import Testing
import TrialData

@Suite struct FolderRemovalTests {
    private let manager = FileManager.default

    /// A new empty folder in the temporary directory.
    private func makeFolder(_ label: String) throws -> URL {
        let folder = manager.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try manager.createDirectory(at: folder, withIntermediateDirectories: false)
        return folder
    }

    @Test func aFolderIsRemovedWithItsFilesFoldersAndLinksButNotWhatTheLinksPointTo() throws {
        let outside = try makeFolder("kept")
        defer { try? manager.removeItem(at: outside) }
        try Data("kept".utf8).write(to: outside.appendingPathComponent("kept.txt"))
        let folder = try makeFolder("removed")
        for index in 0..<40 {
            let sub = folder.appendingPathComponent(["tables", "figures", "tlf", "."][index % 4])
            try manager.createDirectory(at: sub, withIntermediateDirectories: true)
            let file = sub.appendingPathComponent("file-\(index).txt")
            try Data(repeating: UInt8(index), count: 10_000).write(to: file)
            // Flushed, as a render's output is.
            let descriptor = open(file.path, O_RDONLY)
            fsync(descriptor)
            close(descriptor)
        }
        try manager.createDirectory(at: folder.appendingPathComponent("empty/deeper/deepest"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: folder.appendingPathComponent("link-to-folder"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: folder.appendingPathComponent("tables/link-to-file"),
                                       withDestinationURL: outside.appendingPathComponent("kept.txt"))
        try manager.createSymbolicLink(at: folder.appendingPathComponent("dangling"),
                                       withDestinationURL: outside.appendingPathComponent("absent"))
        try Data().write(to: folder.appendingPathComponent(".hidden"))

        #expect(FolderRemoval.remove(folder.path))
        #expect(!manager.fileExists(atPath: folder.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("kept.txt"), encoding: .utf8) == "kept")
    }

    @Test func aLinkToAFolderIsRemovedAndTheFolderKept() throws {
        let target = try makeFolder("target")
        defer { try? manager.removeItem(at: target) }
        try Data("kept".utf8).write(to: target.appendingPathComponent("kept.txt"))
        let link = manager.temporaryDirectory.appendingPathComponent("link-\(UUID().uuidString)")
        try manager.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(FolderRemoval.remove(link.path))
        #expect((try? manager.destinationOfSymbolicLink(atPath: link.path)) == nil)
        #expect(manager.fileExists(atPath: target.appendingPathComponent("kept.txt").path))
    }

    @Test func aFileIsRemovedAndNothingThereIsNothingToDo() throws {
        let folder = try makeFolder("file")
        defer { try? manager.removeItem(at: folder) }
        let file = folder.appendingPathComponent("one.txt")
        try Data("x".utf8).write(to: file)
        #expect(FolderRemoval.remove(file.path))
        #expect(!manager.fileExists(atPath: file.path))
        #expect(FolderRemoval.remove(folder.appendingPathComponent("absent").path))
    }
}
