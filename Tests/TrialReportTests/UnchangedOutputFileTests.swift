import Foundation
import Testing
@testable import TrialReport
import TrialData

/// An output replaced by equal bytes keeps its files (`UnchangedFile`) and nothing else changes:
/// the contents, the times a tool such as make compares, the previous output after a failure,
/// and files the user shares with other folders.
@Suite("Output folder: unchanged files kept")
struct UnchangedOutputFileTests {
    private static let files: [(String, [UInt8])] = [
        ("report.md", Array("# Report\n".utf8)),
        ("tables/t1.csv", Array("a,b\r\n1,2\r\n".utf8)),
        ("figures/f.svg", Array("<svg/>\n".utf8)),
        ("empty.txt", []),
    ]

    private struct Entry: Equatable {
        var inode: UInt, links: UInt, bytes: [UInt8], modified: Int
    }

    /// Each file's inode, link count, bytes and modification time (seconds).
    private static func entries(in folder: URL) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for (path, _) in files {
            var status = stat()
            let url = folder.appendingPathComponent(path)
            try #require(lstat(url.path, &status) == 0, "\(path) is missing")
            entries[path] = Entry(inode: UInt(status.st_ino), links: UInt(status.st_nlink),
                                  bytes: Array(try Data(contentsOf: url)), modified: status.st_mtim.tv_sec)
        }
        return entries
    }

    /// Writes `files` as a previous output into `out`, its files dated 2001.
    private static func previousOutput(_ out: URL) throws -> [String: Entry] {
        try OutputFolder(destination: out).replace(with: files)
        var times = [timespec(tv_sec: 978_307_200, tv_nsec: 0), timespec(tv_sec: 978_307_200, tv_nsec: 0)]
        for (path, _) in files { utimensat(AT_FDCWD, out.appendingPathComponent(path).path, &times, AT_SYMLINK_NOFOLLOW) }
        return try entries(in: out)
    }

    @Test func equalBytesKeepTheFilesWithTheTimeOfTheRender() throws {
        let scratch = try ScratchFolder(), out = scratch.url.appendingPathComponent("out")
        let before = try Self.previousOutput(out)
        let start = Int(Date().timeIntervalSince1970) - 1
        try OutputFolder(destination: out).replace(with: Self.files)
        let after = try Self.entries(in: out)
        for (path, bytes) in Self.files {
            #expect(after[path]?.inode == before[path]?.inode, "\(path) written anew")
            #expect(after[path]?.bytes == bytes)
            #expect(after[path]?.links == 1, "\(path) still has the old output's name")
            #expect((after[path]?.modified ?? 0) >= start, "\(path) keeps the previous render's time")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["out"])
    }

    @Test func changedBytesOfTheSameSizeAreWrittenAnew() throws {
        let scratch = try ScratchFolder(), out = scratch.url.appendingPathComponent("out")
        let before = try Self.previousOutput(out)
        let changed = Self.files.map { path, bytes in (path, path == "tables/t1.csv" ? Array("a,b\r\n1,3\r\n".utf8) : bytes) }
        try OutputFolder(destination: out).replace(with: changed)
        let after = try Self.entries(in: out)
        #expect(after["tables/t1.csv"]?.inode != before["tables/t1.csv"]?.inode)
        #expect(after["tables/t1.csv"]?.bytes == Array("a,b\r\n1,3\r\n".utf8))
        #expect(after["report.md"]?.inode == before["report.md"]?.inode)
    }

    @Test func aFileWithAnotherNameIsNotShared() throws {
        let scratch = try ScratchFolder(), out = scratch.url.appendingPathComponent("out")
        let before = try Self.previousOutput(out)
        let usersLink = scratch.url.appendingPathComponent("mine.md")
        #expect(link(out.appendingPathComponent("report.md").path, usersLink.path) == 0)
        try OutputFolder(destination: out).replace(with: Self.files)
        let after = try Self.entries(in: out)
        #expect(after["report.md"]?.inode != before["report.md"]?.inode)
        #expect(after["figures/f.svg"]?.inode == before["figures/f.svg"]?.inode)
        var status = stat()
        #expect(lstat(usersLink.path, &status) == 0 && UInt(status.st_ino) == before["report.md"]?.inode && status.st_nlink == 1)
    }

    @Test func aFileReachedThroughASymbolicLinkOrWithOtherPermissionsIsNotKept() throws {
        let scratch = try ScratchFolder(), out = scratch.url.appendingPathComponent("out")
        _ = try Self.previousOutput(out)
        // tables/ of the previous output is a link to a folder of the user's holding the same file.
        let elsewhere = scratch.url.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: out.appendingPathComponent("tables"), to: elsewhere)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("tables"), withDestinationURL: elsewhere)
        #expect(chmod(out.appendingPathComponent("report.md").path, 0o600) == 0)
        let before = try Self.entries(in: out)  // tables/t1.csv read through the link
        try OutputFolder(destination: out).replace(with: Self.files)
        let after = try Self.entries(in: out)
        #expect(after["tables/t1.csv"]?.inode != before["tables/t1.csv"]?.inode)
        #expect(after["report.md"]?.inode != before["report.md"]?.inode)
        #expect(after["figures/f.svg"]?.inode == before["figures/f.svg"]?.inode)
        var status = stat()
        #expect(lstat(elsewhere.appendingPathComponent("t1.csv").path, &status) == 0 && status.st_nlink == 1)
    }

    @Test func aFailedRenderLeavesThePreviousFilesAsTheyWere() throws {
        let scratch = try ScratchFolder(), out = scratch.url.appendingPathComponent("out")
        let before = try Self.previousOutput(out)
        let failing: () throws(TrialReportError) -> [(String, [UInt8])] = { () throws(TrialReportError) in
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: "stage"), "stopped")
        }
        #expect(throws: TrialReportError.self) { try OutputFolder(destination: out).replace(with: Self.files, then: [failing]) }
        #expect(try Self.entries(in: out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["out"])
    }

    @Test func onlyPlainRelativePathsAreLookedUp() throws {
        let scratch = try ScratchFolder()
        try Data("x".utf8).write(to: scratch.url.appendingPathComponent("a"))
        let target = scratch.url.appendingPathComponent("b").path
        for path in ["../a", "./a", "/a", "a/"] {
            #expect(!UnchangedFile.link(Array("x".utf8), at: path, in: scratch.url.path, to: target), "\(path)")
        }
        #expect(!UnchangedFile.link(Array("y".utf8), at: "a", in: scratch.url.path, to: target))
        #expect(UnchangedFile.link(Array("x".utf8), at: "a", in: scratch.url.path, to: target))
    }
}
