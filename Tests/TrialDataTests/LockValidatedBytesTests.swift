import Foundation
import Testing
@testable import TrialData

/// `TrialLock.write` digesting the bytes validation kept (`StudyData.validatedBytes`) instead of
/// reading and hashing the files again — and reading them again when they are no longer those bytes.
@Suite("data lock from the validated bytes")
struct LockValidatedBytesTests {
    /// A valid study whose adlb.csv is mapped when read (over `FileContents.mappingThreshold`)
    /// and whose adsl.csv is read into memory.
    static func largeStudy() throws -> StudyFolder {
        let ids = (1...25_000).map { "P\($0)" }
        let adsl = "USUBJID,ARM,AGE,AGEDX,SEX\n" + ids.enumerated().map { "\($1),\($0 % 2 == 0 ? "UC-MSC" : "Control"),30,20,F\n" }.joined()
        let adlb = "USUBJID,PARAMCD,AVISITN,AVAL,AVALU\n" + ids.map { "\($0),CPEPF,0,300,pmol/L\n\($0),CPEPP,0,700,pmol/L\n" }.joined()
        #expect(adlb.utf8.count > FileContents.mappingThreshold && adsl.utf8.count < FileContents.mappingThreshold)
        return try StudyFolder(["adsl.csv": adsl, "adlb.csv": adlb])
    }

    /// Locks `folder` after `data`'s validation, with its bytes when `usingBytes`.
    @discardableResult
    static func lock(_ folder: StudyFolder, _ data: StudyData, usingBytes: Bool, replacing: Bool = false) throws -> TrialLock {
        try TrialLock.write(dataDirectory: folder.url, planFile: nil, templatesDirectory: nil, lockedAt: LockTests.time,
                            lockedBy: "tester", note: nil, replacing: replacing, validated: data.inputs,
                            participants: data.participants.ids, validatedBytes: usingBytes ? data.validatedBytes : nil)
    }

    @Test func theBytesAreKeptOnlyWhenAskedFor() throws {
        let folder = try Self.largeStudy()
        defer { folder.remove() }
        let data = try StudyData.load(from: folder.url, keepingBytes: true)
        #expect(data.validatedBytes?.files.map(\.input) == data.inputs)
        #expect(data.validatedBytes?.files.map(\.contents.count) == data.inputs.map(\.byteCount))
        #expect(try StudyData.load(from: folder.url).validatedBytes == nil)
        // adlb.csv's rows were digested as it was read; adsl.csv's are digested by the lock.
        #expect(data.validatedBytes?.rowDigestRuns(of: "adlb.csv") != nil)
        #expect(data.validatedBytes?.rowDigestRuns(of: "adsl.csv") == nil)
    }

    @Test func aLockFromTheValidatedBytesIsTheLockFromTheFiles() throws {
        let folder = try Self.largeStudy()
        defer { folder.remove() }
        let rows = folder.url.appendingPathComponent(RowDigestFile.name)
        let data = try StudyData.load(from: folder.url, keepingBytes: true)
        let fromBytes = try Self.lock(folder, data, usingBytes: true)
        let rowsFromBytes = try Data(contentsOf: rows)
        let fromFiles = try Self.lock(folder, data, usingBytes: false, replacing: true)
        #expect(fromBytes.contents == fromFiles.contents)
        #expect(fromBytes.rowDigests == fromFiles.rowDigests)
        #expect(try Data(contentsOf: rows) == rowsFromBytes)
        #expect(fromBytes.contents.inputs.map(\.sha256) == data.inputs.map(\.sha256))
    }

    @Test func aCurrentMappedFileKeepsItsValidatedHashAndOneReadIntoMemoryIsHashedAgain() throws {
        let folder = try Self.largeStudy()
        defer { folder.remove() }
        let url = { (name: String) in folder.url.appendingPathComponent(name) }
        // A hash no file has: recorded only when the validated bytes are used as they are.
        let kept = try ["adsl.csv", "adlb.csv"].map { name in
            let contents = try FileContents.reading(url(name), name: name)
            return (input: InputFile(file: name, sha256: "as validated", byteCount: contents.count, rowCount: 0), contents: contents)
        }
        let inputs = try LockedInputs.read(folder.url, names: ["adsl.csv", "adlb.csv"], withRowDigests: true,
                                           reusing: ValidatedBytes(files: kept))
        #expect(inputs.files.map(\.sha256) == [Checksum.sha256(kept[0].contents), "as validated"])
        #expect(inputs.changedMeanwhile.isEmpty)
        #expect(inputs.rowDigests.count == 2)
    }

    enum Change: CaseIterable { case writtenInPlace, replaced }

    @Test(arguments: Change.allCases)
    func aFileChangedAfterValidationIsNotLocked(_ change: Change) throws {
        let folder = try Self.largeStudy()
        defer { folder.remove() }
        let adlb = folder.url.appendingPathComponent("adlb.csv")
        let data = try StudyData.load(from: folder.url, keepingBytes: true)
        let changed = Data(try String(contentsOf: adlb, encoding: .utf8).replacingOccurrences(of: "P7,CPEPF,0,300", with: "P7,CPEPF,0,301").utf8)
        switch change {
        case .writtenInPlace:
            let handle = try FileHandle(forWritingTo: adlb)
            try handle.write(contentsOf: changed)
            try handle.close()
        case .replaced:
            let other = adlb.appendingPathExtension("new")
            try changed.write(to: other)
            #expect(rename(other.path, adlb.path) == 0)
        }
        let error = #expect(throws: TrialReportError.self) { try Self.lock(folder, data, usingBytes: true) }
        #expect(error?.diagnostics.map(\.description) == ["error: adlb.csv: changed while it was being locked; lock again"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(TrialLock.fileName).path))
    }

    @Test func aFileWrittenWithTheSameBytesAfterValidationIsReadAgainAndLocked() throws {
        let folder = try Self.largeStudy()
        defer { folder.remove() }
        let adlb = folder.url.appendingPathComponent("adlb.csv")
        let data = try StudyData.load(from: folder.url, keepingBytes: true)
        let handle = try FileHandle(forWritingTo: adlb)
        try handle.write(contentsOf: Data(try Data(contentsOf: adlb).prefix(100)))
        try handle.close()
        #expect(data.validatedBytes?.file(named: "adlb.csv")?.contents.isCurrent(at: adlb) == false)
        let lock = try Self.lock(folder, data, usingBytes: true)
        #expect(lock.contents.inputs.map(\.sha256) == data.inputs.map(\.sha256))
    }
}
