import Foundation
import Testing
@testable import TrialData

/// A large input file's pages leave the process once read (`FileContents.releasePages`,
/// `CSVFile.forEachRecord`): the bytes stay the file's, read again from the page cache.
@Suite("Releasing the pages of a mapped file once read")
struct PageReleaseTests {
    /// The resident bytes of the mapping that starts at `address` (/proc/self/smaps), or nil.
    private func residentBytes(ofMappingAt address: UnsafeRawPointer) throws -> Int? {
        let start = String(UInt(bitPattern: address), radix: 16)
        // procfs files have no size: read to the end.
        let smaps = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps")).readDataToEndOfFile()
        let lines = String(decoding: smaps, as: UTF8.self).split(separator: "\n")
        guard let header = lines.firstIndex(where: { $0.hasPrefix(start + "-") }) else { return nil }
        let rss = lines[(header + 1)...].first { $0.hasPrefix("Rss:") }
        return rss.flatMap { Int($0.split(separator: " ")[1]) }.map { $0 * 1024 }
    }

    @Test func releasedPagesLeaveTheProcessAndTheBytesStayTheSame() throws {
        let bytes = (0..<(4 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 12) }
        try withTemporaryFile(bytes) { url in
            let contents = try FileContents.reading(url, name: "t.csv")
            let base = try #require(contents.bytes.baseAddress)
            #expect(contents.withBytes { Array($0) } == bytes)
            let before = try #require(try residentBytes(ofMappingAt: base))
            #expect(before >= 4 << 20)

            let end = contents.releasePages(in: 100..<(contents.count - 100))
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            #expect(end % page == 0 && end <= contents.count - 100 && end > contents.count - 100 - page)
            let after = try #require(try residentBytes(ofMappingAt: base))
            #expect(after <= 2 * page, "resident after release: \(after) bytes")

            #expect(contents.withBytes { Array($0) } == bytes)
            #expect(Checksum.sha256(contents) == Checksum.sha256(bytes))
        }
    }

    @Test func hashingAMappedFileLetsItsPagesGoAndGivesTheSameHash() throws {
        // Two whole parts of 8 MiB and a part of 123 bytes.
        let bytes = (0..<(16 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 12) }
        try withTemporaryFile(bytes) { url in
            let contents = try FileContents.reading(url, name: "adlb.csv")
            let base = try #require(contents.bytes.baseAddress)
            #expect(Checksum.sha256ReleasingPages(contents) == Checksum.sha256(bytes))
            let resident = try #require(try residentBytes(ofMappingAt: base))
            #expect(resident <= 2 * Int(sysconf(Int32(_SC_PAGESIZE))), "resident after hashing: \(resident) bytes")
            #expect(contents.withBytes { Array($0) } == bytes)
            #expect(Checksum.sha256ReleasingPages(FileContents(Array(bytes.prefix(1000)))) == Checksum.sha256(Array(bytes.prefix(1000))))
        }
    }

    @Test func aMappedTransportFileReadsAsInMemoryAndLetsItsPagesGo() throws {
        let variables: [TransportVariable] = [.text("USUBJID", label: "Subject", length: 12), .number("AVAL", label: "Value"),
                                              .text("AVISIT", label: "Visit", length: 40)]
        var observations = TransportObservationBuffer()
        for row in 0..<80_000 {  // 60 bytes each: 4.8 MB, some 18 blocks of decoding
            observations.append(text: "P\(row / 5)", length: 12)
            observations.append(number: Double(row % 997) / 8)
            observations.append(text: "Month \(row % 5 * 3)", length: 40)
        }
        let bytes = TransportWriter.header(member: "ADLB", label: "Laboratory", variables: variables)
            + observations.bytes + TransportWriter.padding(after: observations.bytes.count)
        try withTemporaryFile(bytes) { url in
            let contents = try FileContents.reading(url, name: "adlb.xpt")
            let base = try #require(contents.bytes.baseAddress)
            let mapped = try #require(try TransportFile(contents: contents, name: "adlb.xpt").datasets.first)
            let inMemory = try #require(try TransportFile(contents: FileContents(bytes), name: "adlb.xpt").datasets.first)
            #expect(mapped.rowCount == 80_000 && mapped.rowCount == inMemory.rowCount)
            for (read, expected) in zip(mapped.columns, inMemory.columns) {
                switch (read.values, expected.values) {
                case let (.numbers(read), .numbers(expected)): #expect(read == expected, "\(read.count)")
                case let (.text(readCodes, readLevels), .text(codes, levels)):
                    #expect(readCodes.map { readLevels[Int($0)] } == codes.map { levels[Int($0)] })
                default: Issue.record("\(read.name) read as another kind")
                }
            }
            // The header's pages and the last observation's stay; the rest went once decoded.
            let resident = try #require(try residentBytes(ofMappingAt: base))
            #expect(resident < 256 << 10, "resident after reading: \(resident) bytes")
            #expect(contents.withBytes { Array($0) } == bytes)
        }
    }

    @Test func bytesInMemoryOfTheirOwnAreKept() {
        let contents = FileContents(Array(repeating: 7, count: 3 << 20))
        #expect(contents.releasePages(in: 0..<contents.count) == 0)
        #expect(contents.withBytes { $0.allSatisfy { $0 == 7 } })
    }

    @Test func aRangeWithoutAWholePageReleasesNothing() throws {
        try withTemporaryFile(Array(repeating: 65, count: 2 << 20)) { url in
            let contents = try FileContents.reading(url, name: "t.csv")
            #expect(contents.releasePages(in: 10..<100) == 10)
        }
    }

    @Test func aFileLargerThanTheReleaseStepIsReadWholeTwice() throws {
        let rows = 3 * CSVFile.releaseStep / 16
        var text = "id,value\n"
        text.reserveCapacity(rows * 16)
        for row in 0..<rows { text += "P\(row),\(row % 1000)\n" }
        try withTemporaryFile(Array(text.utf8)) { url in
            let file = CSVFile(name: "t.csv", contents: try FileContents.reading(url, name: "t.csv"))
            #expect(file.contents.count > 2 * CSVFile.releaseStep)
            for _ in 0..<2 {
                var log = DiagnosticLog(file: "t.csv"), count = 0, sum = 0, lastID = ""
                file.forEachRecord(&log) { record, _ in
                    count += 1
                    sum += Int(record.text(1)) ?? -1_000_000
                    lastID = record.text(0)
                }
                #expect(count == rows && lastID == "P\(rows - 1)" && log.diagnostics.isEmpty)
                #expect(sum == (0..<rows).reduce(0) { $0 + $1 % 1000 })
            }
        }
    }
}
