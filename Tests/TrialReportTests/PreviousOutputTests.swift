import Foundation
import Testing
@testable import TrialReport

/// Which entries of an existing output folder are TrialReport's: those a TrialReport
/// `manifest.json` lists, when that manifest is a plain file of a size a render writes.
@Suite("Output folder: the previous output's manifest")
struct PreviousOutputTests {
    /// A folder holding `notes.txt` and `manifest`'s bytes (a TrialReport manifest listing
    /// notes.txt when nil) written at `manifestPath`.
    private static func folder(_ scratch: ScratchFolder, manifest: [UInt8]? = nil, manifestPath: String = "manifest.json") throws -> URL {
        let out = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let listing = #"{"tool": "TrialReport 1.0", "lockHash": null, "files": [{"file": "notes.txt"}]}"#
        try Data(manifest ?? Array(listing.utf8)).write(to: out.appendingPathComponent(manifestPath))
        return out
    }

    @Test func filesTheManifestListsAreTrialReports() throws {
        let scratch = try ScratchFolder()
        #expect(PreviousOutput.foreignEntries(in: try Self.folder(scratch)).isEmpty)
    }

    @Test func aManifestReachedThroughASymbolicLinkListsNothing() throws {
        let scratch = try ScratchFolder()
        let out = try Self.folder(scratch, manifestPath: "elsewhere.json")
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("manifest.json").path,
                                                   withDestinationPath: "elsewhere.json")
        #expect(PreviousOutput.foreignEntries(in: out) == ["elsewhere.json", "manifest.json", "notes.txt"])
    }

    @Test func aManifestLargerThanARenderWritesListsNothing() throws {
        let scratch = try ScratchFolder()
        let listing = Array(#"{"tool": "TrialReport 1.0", "lockHash": null, "files": [{"file": "notes.txt"}]"#.utf8)
        let padded = listing + [UInt8](repeating: 0x20, count: (16 << 20) + 1 - listing.count - 1) + Array("}".utf8)
        #expect(padded.count == (16 << 20) + 1)
        let out = try Self.folder(scratch, manifest: padded)
        #expect(PreviousOutput.foreignEntries(in: out) == ["manifest.json", "notes.txt"])
        let within = listing + [UInt8](repeating: 0x20, count: (16 << 20) - listing.count - 1) + Array("}".utf8)
        #expect(within.count == 16 << 20)
        let other = try ScratchFolder()
        #expect(PreviousOutput.foreignEntries(in: try Self.folder(other, manifest: within)).isEmpty)
    }

    @Test func aFolderNamedManifestListsNothing() throws {
        let scratch = try ScratchFolder()
        let out = try Self.folder(scratch, manifestPath: "other.json")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("manifest.json"), withIntermediateDirectories: false)
        #expect(PreviousOutput.foreignEntries(in: out) == ["manifest.json/", "notes.txt", "other.json"])
    }
}
