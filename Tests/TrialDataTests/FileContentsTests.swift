import Foundation
import Testing
@testable import TrialData

@Suite("Reading input files into memory")
struct FileContentsTests {
    /// Bytes that are not all alike, so that a wrong offset would show.
    private func pattern(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    @Test(arguments: [0, 1, 4096, FileContents.mappingThreshold - 1, FileContents.mappingThreshold, 3 * FileContents.mappingThreshold + 7])
    func readOrMappedBytesAreTheFilesBytes(_ count: Int) throws {
        let bytes = pattern(count: count)
        try withTemporaryFile(bytes) { url in
            let contents = try FileContents.reading(url, name: "t.csv")
            #expect(contents.count == count)
            #expect(contents.withBytes { Array($0) } == bytes)
            #expect(Checksum.sha256(contents) == Checksum.sha256(bytes))
        }
    }

    @Test func aMissingFileIsAMissingInputNamedByName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).csv")
        let error = #expect(throws: TrialReportError.self) { try FileContents.reading(url, name: "adsl.csv") }
        #expect(error?.diagnostics.first?.location.file == "adsl.csv")
        #expect(error?.kind == .missingInput)
    }

    @Test func aFIFOIsRefusedAtOnceWithoutWaitingForAWriter() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString).csv")
        #expect(mkfifo(url.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: TrialReportError.self) { try FileContents.reading(url, name: "adae.csv") }
        #expect(error?.kind == .missingInput)
        #expect(error?.diagnostics.map(\.description) == [
            "error: adae.csv: the path is a FIFO (named pipe), not a regular file (only regular files are read)",
        ])
        #expect(throws: TrialReportError.self) { try FileContents.regularFileSize(url, name: "adae.csv") }
    }

    @Test func aFolderAndADeviceAreRefusedAsNotRegularFiles() throws {
        let folder = FileManager.default.temporaryDirectory
        let folderError = #expect(throws: TrialReportError.self) { try FileContents.reading(folder, name: "adsl.csv") }
        #expect(folderError?.kind == .missingInput)
        #expect(folderError?.diagnostics.first?.message.hasPrefix("the path is a folder, not a regular file") == true)
        let deviceError = #expect(throws: TrialReportError.self) {
            try FileContents.reading(URL(fileURLWithPath: "/dev/zero"), name: "adlb.csv")
        }
        #expect(deviceError?.diagnostics.first?.message.hasPrefix("the path is a character device, not a regular file") == true)
    }

    @Test func theSizeOfASymbolicLinkIsTheSizeOfTheFileItPointsTo() throws {
        try withTemporaryFile(pattern(count: 5_000)) { url in
            let link = url.deletingLastPathComponent().appendingPathComponent("link-\(UUID().uuidString).csv")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
            defer { try? FileManager.default.removeItem(at: link) }
            #expect(try FileContents.regularFileSize(link, name: "adlb.csv") == 5_000)
            #expect(try FileContents.reading(link, name: "adlb.csv").count == 5_000)
        }
    }

    @Test func aFileOverTheByteLimitGivenIsRefusedBeforeReading() throws {
        try withTemporaryFile(pattern(count: 2_000)) { url in
            let error = #expect(throws: TrialReportError.self) { try FileContents.reading(url, name: "study.yaml", byteLimit: 1_999) }
            #expect(error?.kind == .invalidInput)
            #expect(error?.diagnostics.first?.message == "the file has 2000 bytes, more than the limit of 1999 bytes")
        }
    }

    @Test func aCopyOfAnArrayOutlivesTheArray() {
        var array: [UInt8]? = Array("A,B\n1,2\n".utf8)
        let contents = FileContents(array!)
        array = nil
        #expect(contents.withBytes { String(decoding: $0, as: UTF8.self) } == "A,B\n1,2\n")
    }

    @Test func aMappedFileWrittenInPlaceAfterItWasOpenedIsReportedAsChanged() throws {
        let bytes = pattern(count: 2 * FileContents.mappingThreshold)
        try withTemporaryFile(bytes) { url in
            let contents = try FileContents.reading(url, name: "adlb.csv")
            try contents.checkUnchanged()
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: Data([0x42]))
            try handle.close()
            let error = #expect(throws: TrialReportError.self) { try contents.checkUnchanged() }
            #expect(error?.kind == .invalidInput)
            #expect(error?.diagnostics.first?.description
                == "error: adlb.csv: another program wrote to the file while it was being read; run again once nothing writes to it")
        }
    }

    @Test func aMappedFileIsCurrentUntilWrittenInPlaceOrReplaced() throws {
        let bytes = pattern(count: 2 * FileContents.mappingThreshold)
        try withTemporaryFile(bytes) { url in
            let written = try FileContents.reading(url, name: "adlb.csv")
            #expect(written.isCurrent(at: url))
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: Data([bytes[0]]))  // the same byte: a write all the same
            try handle.close()
            #expect(!written.isCurrent(at: url))

            let replaced = try FileContents.reading(url, name: "adlb.csv")
            #expect(replaced.isCurrent(at: url))
            let other = url.appendingPathExtension("new")
            try Data(bytes).write(to: other)
            #expect(rename(other.path, url.path) == 0)
            #expect(!replaced.isCurrent(at: url))
            #expect(try FileContents.reading(url, name: "adlb.csv").isCurrent(at: url))
        }
    }

    @Test func bytesReadIntoMemoryCannotTellWhetherTheyAreCurrent() throws {
        try withTemporaryFile(pattern(count: 4096)) { url in
            let contents = try FileContents.reading(url, name: "adsl.csv")
            #expect(!contents.isCurrent(at: url))
        }
    }

    @Test func aFileReadIntoMemoryStaysAsReadWhateverHappensToTheFile() throws {
        try withTemporaryFile(pattern(count: 4096)) { url in
            let contents = try FileContents.reading(url, name: "adsl.csv")
            try Data(repeating: 0x41, count: 10).write(to: url)
            try contents.checkUnchanged()
            #expect(contents.withBytes { Array($0) } == pattern(count: 4096))
        }
    }

    @Test func aMappedFileShortenedWhileReadEndsWithAMessageNotACrash() async throws {
        let result = await #expect(processExitsWith: .exitCode(1), observing: [\.standardErrorContent]) {
            TruncatedInputGuard.install()
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("shortened-\(UUID().uuidString).csv")
            try Data(repeating: 0x41, count: 2 * FileContents.mappingThreshold).write(to: url)
            let contents = try FileContents.reading(url, name: "adlb.csv")
            _ = truncate(url.path, 0)
            try? FileManager.default.removeItem(at: url)
            let last = contents.withBytes { $0[$0.count - 1] }
            print(last)
        }
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        #expect(message.hasPrefix("error: an input file was shortened by another program while it was being read"))
    }
}
